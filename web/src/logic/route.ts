/** Hash routes: #/report, #/standings and #/review (#/review/<reportId> opens one report). */
export type Route = 'report' | 'standings' | 'review';

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return path === 'report' || path === 'standings' || path === 'review' ? path : null;
}

export const routeHref = (r: Route): string => `#/${r}`;
