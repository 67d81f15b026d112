import { createContext } from '@lit/context';
import type { ReviewBackend } from '../data/review-backend.js';

/** Appraisal, notifications and push; provided on <thidua-app> by main.ts (`provideReviewBackend`). */
export const reviewBackendContext = createContext<ReviewBackend | undefined>(Symbol('thidua-review-backend'));
