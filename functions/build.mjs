// Bundles the functions with the domain code they import, so `firebase deploy` (which uploads only
// functions/) ships them whole. firebase-functions and firebase-admin stay external: the runtime installs them.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'lib/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['firebase-functions', 'firebase-functions/*', 'firebase-admin', 'firebase-admin/*'],
  logLevel: 'warning',
});
