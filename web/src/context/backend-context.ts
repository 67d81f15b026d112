import { createContext } from '@lit/context';
import type { Backend } from '../data/backend.js';

/** The data service (Firebase in the app, plain data in tests); provided by <thidua-app>. */
export const backendContext = createContext<Backend | undefined>(Symbol('thidua-backend'));
