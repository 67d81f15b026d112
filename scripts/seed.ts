// Loads the demo data into the running emulators (used by `npm start`).
import { seedDemo } from './seed-demo.js';

const r = await seedDemo();
console.log(r.created ? '[thidua] Demo data loaded.' : '[thidua] Demo data already present (kept as it was).');
