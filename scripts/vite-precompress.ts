/**
 * Vite plugin: after a build, writes a brotli (.br) and a gzip (.gz) copy beside each text asset, which the
 * server sends to browsers that accept them (no compression work per request), and records the sources'
 * fingerprint so `npm start` knows the build is current.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";
import { sourceFingerprint, stampFile } from "./web-build-stamp.ts";

const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this, the headers of a compressed response cost more than they save. */
const minimumBytes = 1024;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "switchboard-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        // .vite/ holds the manifest, read by bench/bundle.ts and never served.
        if (!compressible.test(file) || path.relative(outDir, file).startsWith(".vite")) continue;
        const content = readFileSync(file);
        if (content.length < minimumBytes) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
      if (path.resolve(outDir) === path.dirname(stampFile)) writeFileSync(stampFile, `${sourceFingerprint()}\n`);
    },
  };
}
