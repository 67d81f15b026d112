// The demo accounts for the start banner, read from the domain's TypeScript without a build step.
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';

const src = readFileSync(new URL('../domain/src/demo.ts', import.meta.url), 'utf8');
const { code } = await transform(src, { loader: 'ts', format: 'esm' });
const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
export const { demoAccounts, DEMO_PASSWORD } = mod;
