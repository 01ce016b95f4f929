import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * electron-vite builds three bundles: the main process (with the headless `serve`
 * entry and the `llmWorker` model process beside the desktop one), the sandboxed
 * preload (CommonJS, as Electron requires for sandboxed preloads) and the renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
          // The model process (child_process.fork): llama.cpp may abort(), so never in the host.
          llmWorker: resolve(__dirname, 'src/main/services/llm/llmWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    worker: { format: 'es' },
    // Pre-bundle elkjs for the dev server, so the layout worker does not trigger a reload.
    optimizeDeps: { include: ['elkjs/lib/elk.bundled.js'] },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, a cold open parses far less.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
