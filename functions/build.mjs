// Bundles the functions with the domain code they import, so `firebase deploy` (which uploads only
// functions/) ships them whole. firebase-functions and firebase-admin stay external: the runtime installs them.
// The PDF fonts (domain/assets/fonts, SIL OFL) go beside the bundle: lib/assets/fonts/.
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// Chunk names carry a hash: clear the old ones so they do not pile up.
rmSync(here('lib/chunks'), { recursive: true, force: true });

await build({
  entryPoints: { index: here('src/index.ts') },
  outdir: here('lib'),
  // Dynamic imports (the PDF renderer) become chunks loaded on first use, not at every cold start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['firebase-functions', 'firebase-functions/*', 'firebase-admin', 'firebase-admin/*'],
  logLevel: 'warning',
});

rmSync(here('lib/assets/fonts'), { recursive: true, force: true });
cpSync(here('../domain/assets/fonts'), here('lib/assets/fonts'), { recursive: true });
