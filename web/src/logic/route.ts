/** Hash routes: #/report, #/standings and #/admin. */
export type Route = 'report' | 'standings' | 'admin';

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return path === 'report' || path === 'standings' || path === 'admin' ? path : null;
}

export const routeHref = (r: Route): string => `#/${r}`;
