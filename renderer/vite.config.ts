import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The same bundle is loaded from app:// in Electron and over http by the web host, so every asset
// URL must be relative (base './'). Routing is hash-based for the same reason.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // One bundle loaded from disk (app://) or loopback: its size costs no network round trip.
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: false },
});
