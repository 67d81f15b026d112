import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Root is web/; the build lands in web/dist, which the Hosting emulator (and `firebase deploy`) serve.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    VitePWA({
      // Our own service worker (web/src/sw/sw.ts: push and notification handlers), into which
      // Workbox injects the precache list of every built file with its revision.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // A new version waits for the person's "Tải lại" (web/src/app-update.ts), never reloads a form by itself.
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: {
        // Every built file: code, styles, the page and the icons (checked by tests/e2e/app-install); the
        // plugin adds manifest.webmanifest itself.
        globPatterns: ['**/*.{js,css,html,png,svg,ico}'],
        // The Firebase chunk is ~640 kB; the default 2 MiB limit would silently drop a bigger one.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      // The glob above already has the icons: listed once, each with one revision.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Thi đua CCHC',
        short_name: 'Thi đua',
        description: 'Thi đua cải cách hành chính – báo cáo, thẩm định, bảng xếp hạng và khen thưởng của phường',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b5394',
        background_color: '#f4f6f9',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
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
