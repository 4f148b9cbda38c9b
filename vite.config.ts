import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./scripts/vite-precompress.ts";

/**
 * The web app lives in web/ and builds to web/dist, where the server serves it.
 * `npm run dev:web` proxies the API to a server started separately
 * (API_URL, default http://127.0.0.1:3000).
 */
export default defineConfig({
  root: "web",
  plugins: [react(), precompress()],
  // The manifest lets bench/bundle.ts weigh the JavaScript each page loads.
  build: {
    outDir: "dist",
    emptyOutDir: true,
    manifest: true,
    rolldownOptions: {
      output: {
        // React and the router are on every page and change less often than the app: their own chunk stays cached
        // across releases. Everything else is split by route (web/routes.tsx loads each scene on demand), so a page
        // loads only the components it uses.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: process.env.API_URL ?? "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
