/**
 * Vite build of the staff console: src/console → <repo>/dist/console, served by the server at
 * /console/ (src/server/routes/console.routes.ts). `vite --config src/console/vite.config.ts` runs a
 * dev server that proxies /api to a running `npm start` (PORT 3000, or GONGKAI_API).
 * No node:* imports here (the console's lint block forbids them): paths come from import.meta.url.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** A file-URL directory as a filesystem path (POSIX, and C:/… on Windows). */
const pathOf = (url: URL): string => decodeURIComponent(url.pathname).replace(/^\/([A-Za-z]:)/, '$1');

const consoleDir = pathOf(new URL('.', import.meta.url));
const outDir = pathOf(new URL('../../dist/console', import.meta.url));

export default defineConfig(({ command }) => ({
  root: consoleDir,
  // a build is always the production bundle, even when the caller's NODE_ENV says test (Vitest)
  // or development: React and antd otherwise ship their development builds. Both halves are
  // needed: the production React (define) has no jsxDEV, so JSX must not be compiled for development.
  ...(command === 'build' && { define: { 'process.env.NODE_ENV': JSON.stringify('production') }, oxc: { jsx: { development: false } } }),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
}));
