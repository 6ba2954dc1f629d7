import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The gateway the development server forwards the API to (npm start serves it on 4000).
const gateway = process.env.MONETA_GATEWAY ?? "http://localhost:4000";

/**
 * `npm run build:web` writes web/dist, which the gateway serves at `/`; `npm run dev:web` serves
 * the app with hot reload on :5173 and forwards /graphql (HTTP and graphql-ws) and /files and
 * /uploads to the gateway, so the app always talks to its own origin.
 */
export default defineConfig(() => ({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2023",
    // Charts and every page but the overview load on demand. The entry (React, the router, the
    // query cache, graphql-ws and the overview) is about 400 kB raw, 130 kB gzip.
    chunkSizeWarningLimit: 450,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      "/graphql": { target: gateway, ws: true, changeOrigin: true },
      "/files": { target: gateway, changeOrigin: true },
      "/uploads": { target: gateway, changeOrigin: true },
    },
  },
}));
