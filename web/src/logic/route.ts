/** Hash routes: #/report and #/standings. */
export type Route = 'report' | 'standings';

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return path === 'report' || path === 'standings' ? path : null;
}

export const routeHref = (r: Route): string => `#/${r}`;
