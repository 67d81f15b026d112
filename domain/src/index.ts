export * from './schemas.js';
export * from './paths.js';
export * from './scoring.js';
export * from './standings.js';
export * from './api.js';
export * from './demo.js';
export * from './workflow.js';
