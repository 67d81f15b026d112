export { seedDemo, DEMO_PROJECT_ID } from '../../scripts/seed-demo.js';
