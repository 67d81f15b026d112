import { createContext } from '@lit/context';
import type { Session } from '../data/backend.js';

/** The signed-in person and their claims; null when signed out. Provided by <thidua-app>. */
export const sessionContext = createContext<Session | null>(Symbol('thidua-session'));
