import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from files (Electron) and from the loopback web host, so every
// asset path is relative, and nothing is inlined as a script: the CSP in index.html allows
// scripts from 'self' only.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Ant Design and its icons make one large chunk; it is loaded from disk, not the network.
    chunkSizeWarningLimit: 4000,
    target: 'es2022',
  },
  server: {
    // The renderer imports the shared contract from ../core.
    fs: { allow: ['..'] },
  },
});
