/** Hash routes: #/report, #/standings and #/awards. */
export type Route = 'report' | 'standings' | 'awards';

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return path === 'report' || path === 'standings' || path === 'awards' ? path : null;
}

export const routeHref = (r: Route): string => `#/${r}`;
