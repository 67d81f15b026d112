/** Hash routes: #/report, #/registration (đăng ký thi đua), #/standings, #/review (#/review/<reportId> opens one report) #/awards and #/admin. */
export const ROUTES = ['report', 'registration', 'standings', 'review', 'awards', 'admin'] as const;
export type Route = (typeof ROUTES)[number];

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (ROUTES as readonly string[]).includes(path ?? '') ? (path as Route) : null;
}

export const routeHref = (r: Route): string => `#/${r}`;
