/**
 * The tab's build: `npx vite build --config src/tab/vite.config.ts` → dist/tab (served by the
 * server under /tab, and at /dev in dev mode).
 */
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const tabDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(tabDir, '..', '..');

export default defineConfig({
  root: tabDir,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist', 'tab'),
    emptyOutDir: true,
    sourcemap: false,
    // Fluid (loaded on demand by the live pages) is a large chunk by nature.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { input: path.join(tabDir, 'index.html') },
  },
});
