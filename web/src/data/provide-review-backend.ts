import { ContextProvider } from '@lit/context';
import { reviewBackendContext } from '../context/review-context.js';
import type { ReviewBackend } from './review-backend.js';

/** Provides the review backend on the app element, so the header bell and the pages can consume it. */
export function provideReviewBackend(host: HTMLElement, backend: ReviewBackend): void {
  new ContextProvider(host, { context: reviewBackendContext, initialValue: backend });
}
