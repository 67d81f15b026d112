import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { isReviewer, type OrgRole, type UnitRole } from '@thidua/domain';
import { backendContext } from '../context/backend-context.js';
import { sessionContext } from '../context/session-context.js';
import { emptyOrgData, orgDataContext, type OrgData } from '../context/org-data-context.js';
import { SessionController } from '../controllers/session-controller.js';
import { OrgDataController } from '../controllers/org-data-controller.js';
import type { Backend, Session } from '../data/backend.js';
import { LocaleController, locale, setLocale, t } from '../i18n/index.js';
import { unitsOf } from '../logic/claims.js';
import { parseRoute, routeHref, type Route } from '../logic/route.js';
import { base, controls } from '../styles/shared.js';
import './sign-in-form.js';
import './report-form.js';
import './standings-view.js';
import './notification-bell.js';
import './return-notice.js'; // used inside <report-form>

/**
 * Pages most people never open load on first visit, so the first page stays light (bench 4):
 * the admin page brings the spreadsheet reader and writer (jszip), the others their own forms.
 */
const lazyPages: Partial<Record<Route, () => Promise<unknown>>> = {
  admin: () => import('./admin-page.js'),
  awards: () => import('./awards-page.js'),
  review: () => import('./review-page.js'),
  registration: () => import('./registration-page.js'),
};
function loadPage(route: Route): void {
  lazyPages[route]?.().catch((e: unknown) => console.error(`Page ${route} failed to load`, e));
}

/**
 * The shell: follows the auth state, shows who is signed in (name, units, roles from the token's
 * custom claims), the navigation and the page of the current hash route (#/report, #/standings).
 * Provides the data service, the session and the organisation's data to the pages.
 */
@customElement('thidua-app')
export class ThiduaApp extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      header {
        background: var(--td-primary);
        color: var(--td-on-primary);
        padding: 0.75rem 1rem;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
      }
      .brand {
        display: flex;
        flex-direction: column;
        line-height: 1.25;
      }
      .brand strong {
        font-size: 1.05rem;
      }
      .brand span {
        font-size: 0.85rem;
        opacity: 0.9;
      }
      header button {
        white-space: nowrap;
        background: transparent;
        border-color: rgb(255 255 255 / 0.7);
        min-height: 36px;
        padding: 0.25rem 0.75rem;
        font-size: 0.9rem;
      }
      .who {
        background: var(--td-surface);
        border-bottom: 1px solid var(--td-border);
        padding: 0.75rem 1rem;
        display: flex;
        align-items: flex-start;
        gap: 0.75rem;
      }
      .who dl {
        margin: 0;
        flex: 1 1 auto;
        min-width: 0;
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 0.5rem;
        font-size: 0.9rem;
      }
      .who dt {
        color: var(--td-muted);
      }
      .who dd {
        margin: 0;
      }
      .who .name {
        font-weight: 700;
        font-size: 1rem;
      }
      nav {
        display: flex;
        gap: 0.25rem;
        padding: 0 0.5rem;
        background: var(--td-surface);
        border-bottom: 1px solid var(--td-border);
        position: sticky;
        top: 0;
        z-index: 5;
      }
      .who button {
        flex: none;
        min-height: 40px;
        padding: 0.25rem 0.75rem;
      }
      nav a {
        flex: 1 1 0;
        text-align: center;
        padding: 0.75rem 0.25rem;
        color: var(--td-muted);
        text-decoration: none;
        font-weight: 600;
        border-bottom: 3px solid transparent;
      }
      nav a[aria-current='page'] {
        color: var(--td-primary);
        border-bottom-color: var(--td-primary);
      }
      main {
        max-width: 60rem;
        margin: 0 auto;
        padding: 1rem;
      }
      .center {
        max-width: 28rem;
        margin: 2rem auto;
        padding: 0 1rem;
      }
      .loading {
        color: var(--td-muted);
        text-align: center;
        padding: 2rem 1rem;
      }
      @media (min-width: 48rem) {
        nav {
          justify-content: center;
        }
        nav a {
          flex: 0 0 auto;
          padding: 0.75rem 1.5rem;
        }
      }
    `,
  ];

  private readonly sessionCtl = new SessionController(this, () => this.backend);
  private readonly orgCtl = new OrgDataController(this, () => this.backend);

  @provide({ context: sessionContext })
  @state()
  private session: Session | null = null;

  @provide({ context: orgDataContext })
  @state()
  private orgData: OrgData = emptyOrgData;

  @state() private route: Route | null = parseRoute(location.hash);

  /** The data service; set by main.ts (Firebase) or by a test (plain data). */
  @provide({ context: backendContext })
  @property({ attribute: false })
  backend?: Backend;

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
  }

  override willUpdate(): void {
    this.session = this.sessionCtl.session;
    this.orgCtl.setOrg(this.session?.claims?.org ?? null);
    this.orgData = this.orgCtl.value;
  }

  private readonly onHashChange = () => {
    this.route = parseRoute(location.hash);
  };

  private get defaultRoute(): Route {
    return unitsOf(this.session?.claims ?? null).length > 0 ? 'report' : 'standings';
  }

  private handleLanguage() {
    setLocale(locale() === 'vi' ? 'en' : 'vi');
  }

  private async handleSignOut() {
    await this.backend?.signOut();
  }

  private renderHeader() {
    const m = t();
    return html`<header>
      <div class="brand">
        <strong>${m.appName}</strong>
        <span>${m.appSubtitle}</span>
      </div>
      <notification-bell style="margin-left: auto"></notification-bell>
      <button
        type="button"
        lang=${locale() === 'vi' ? 'en' : 'vi'}
        aria-label=${m.switchToOtherLabel}
        @click=${this.handleLanguage}
        data-testid="language-switch"
      >
        ${m.switchToOther}
      </button>
    </header>`;
  }

  private renderWho(s: Session) {
    const m = t();
    const claims = s.claims;
    const units = unitsOf(claims);
    const unitRoles = new Set<UnitRole>(units.map((u) => u.role));
    const roles = [...(claims?.roles ?? []).map((r: OrgRole) => m.orgRole[r]), ...[...unitRoles].map((r) => m.unitRole[r])];
    const unitNames = units.map((u) => `${this.orgData.units[u.unitId]?.name ?? u.unitId} (${m.unitRole[u.role]})`);
    return html`<section class="who" aria-label=${m.signedInAs} data-testid="user-card">
      <dl>
        <dt class="visually-hidden">${m.signedInAs}</dt>
        <dd class="name" style="grid-column: 1 / -1" data-testid="user-name">${s.user.displayName || s.user.email}</dd>
        ${
          unitNames.length
            ? html`<dt>${m.unitsLabel}</dt>
                <dd data-testid="user-units">${unitNames.join('; ')}</dd>`
            : nothing
        }
        ${
          roles.length
            ? html`<dt>${m.rolesLabel}</dt>
                <dd data-testid="user-roles">${roles.join(', ')}</dd>`
            : nothing
        }
      </dl>
      <button type="button" class="secondary" data-testid="sign-out" @click=${this.handleSignOut}>${m.signOut}</button>
    </section>`;
  }

  private renderNav(route: Route) {
    const m = t();
    const link = (r: Route, label: string) =>
      html`<a href=${routeHref(r)} aria-current=${route === r ? 'page' : 'false'} data-testid=${`nav-${r}`}>${label}</a>`;
    const claims = this.session?.claims;
    const awards = !!claims && (unitsOf(claims).length > 0 || isReviewer(claims));
    const review = isReviewer(claims ?? { roles: [] });
    const roles = claims?.roles ?? [];
    const admin = roles.includes('admin') ? m.navAdmin : roles.includes('secretariat') ? m.navSettings : null;
    const registration = !!claims && (unitsOf(claims).length > 0 || roles.includes('secretariat'));
    return html`<nav aria-label=${m.mainNav}>
      ${link('report', m.navReport)}${registration ? link('registration', m.registration.nav) : nothing}${link('standings', m.navStandings)}${review ? link('review', m.navReview) : nothing}${awards ? link('awards', m.awards.navAwards) : nothing}${admin ? link('admin', admin) : nothing}
    </nav>`;
  }

  private renderPage(route: Route) {
    const m = t();
    loadPage(route);
    // The admin page works without a movement (a new ward is onboarded before its first movement).
    if (route === 'admin') return html`<admin-page></admin-page>`;
    if (this.orgData.state === 'loading') return html`<p class="loading" role="status">${m.loading}</p>`;
    if (this.orgData.state === 'error') return html`<p class="notice danger" role="alert">${m.loadError(this.orgData.error ?? '')}</p>`;
    if (this.orgData.state === 'unreachable')
      return html`<div class="notice danger" role="alert" data-testid="unreachable">
        <p style="margin-top:0">${m.unreachable}</p>
        <button type="button" data-testid="retry" @click=${() => void this.orgCtl.retry()}>${m.retry}</button>
      </div>`;
    if (this.orgData.state === 'none') return html`<p class="notice" data-testid="no-movement">${m.noMovement}</p>`;
    if (route === 'awards') return html`<awards-page></awards-page>`;
    if (route === 'review') return html`<review-page></review-page>`;
    if (route === 'registration') return html`<registration-page></registration-page>`;
    return route === 'report' ? html`<report-form></report-form>` : html`<standings-view></standings-view>`;
  }

  override render() {
    const m = t();
    if (!this.backend || !this.sessionCtl.ready) {
      return html`${this.renderHeader()}
        <p class="loading" role="status">${m.loading}</p>`;
    }
    const s = this.session;
    if (!s) {
      return html`${this.renderHeader()}
        <main class="center"><sign-in-form .ended=${this.sessionCtl.ended}></sign-in-form></main>`;
    }
    if (!s.claims) {
      return html`${this.renderHeader()}${this.renderWho(s)}
        <main><p class="notice warn" role="alert" data-testid="no-claims">${m.noClaims}</p></main>`;
    }
    const route = this.route ?? this.defaultRoute;
    return html`${this.renderHeader()}${this.renderWho(s)}${this.renderNav(route)}
      <main>${this.renderPage(route)}</main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'thidua-app': ThiduaApp;
  }
}
