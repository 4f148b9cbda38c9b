import "@mantine/core/styles.css";
import "./ui/global.css";
import { DirectionProvider, MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { queryClient } from "./api/query-client.ts";
import { LocaleProvider } from "./i18n/LocaleProvider.tsx";
import { routes } from "./routes.tsx";
import { cssVariablesResolver, theme } from "./ui/theme.ts";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element to render into.");

const router = createBrowserRouter(routes);

createRoot(root).render(
  <StrictMode>
    <DirectionProvider>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <LocaleProvider>
            <RouterProvider router={router} />
          </LocaleProvider>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
