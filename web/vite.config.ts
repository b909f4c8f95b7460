import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// One static build for every stage: the API and WebSocket URLs come from /config.json at runtime.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  // The monorepo also holds an older React (a dependency of the infra tooling) at the root:
  // resolve React from this package so react and react-dom always match.
  resolve: { dedupe: ["react", "react-dom"] },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: { proxy: { "/api": "http://127.0.0.1:3000", "/config.json": "http://127.0.0.1:3000" } },
});
