export * from './schemas.js';
export * from './legal-basis.js';
export * from './eligibility.js';
export * from './candidates.js';
export * from './voting.js';
export * from './money.js';
export { sha256, sha256Hex } from './sha256.js';
export * from './store.js';
export * from './workflow.js';
