import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Root is web/; the build lands in web/dist, which the Hosting emulator (and `firebase deploy`) serve.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The Firebase SDK (Auth + Firestore with its offline cache + Functions) is ~640 kB minified,
    // ~190 kB gzipped, in one cacheable chunk; splitting it further only makes circular chunks.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // Firebase is most of the weight and changes less often than the app: its own cached chunk.
        manualChunks(id) {
          // Messaging (and the installations it registers with) is imported only when a member turns
          // push on (data/push-token-source.ts): its own chunk, so the first page does not carry it.
          if (/node_modules\/(@firebase\/(messaging|installations)|firebase\/messaging)\//.test(id)) return 'firebase-messaging';
          if (id.includes('node_modules/firebase/') || id.includes('node_modules/@firebase/')) return 'firebase';
          if (id.includes('node_modules/zod/')) return 'zod';
          return undefined;
        },
      },
      onwarn(warning, warn) {
        // zod ships a /* @__PURE__ */ comment Rollup cannot place; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
});
