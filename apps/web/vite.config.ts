import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the one origin of `npm start` serves the built app; `vite dev` proxies the
// back-end paths to it so the browser code never needs another origin.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  server: {
    proxy: {
      '/v1': 'http://localhost:8080',
      '/socket.io': { target: 'ws://localhost:8080', ws: true },
      '/collab': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
