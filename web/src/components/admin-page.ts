import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Unit } from '@thidua/domain';
import { sessionContext } from '../context/session-context.js';
import type { Session } from '../data/backend.js';
import type { Unsubscribe } from '../data/errors.js';
import { firebaseAdminApi, type AdminApi, type MemberEntry, type MovementItem } from '../data/admin-api.js';
import { LocaleController, t } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import './admin-units.js';
import './admin-members.js';
import './admin-import.js';
import './admin-movement.js';
import './admin-movements.js';

type Tab = 'units' | 'members' | 'import' | 'movements' | 'movement';

/**
 * The administration page (#/admin): units, members, spreadsheet import for admins; the movement
 * settings for admins and the secretariat. Watches the organisation's units, members and
 * movements and hands them, with the admin API, to one section at a time.
 */
@customElement('admin-page')
export class AdminPage extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      h1 {
        font-size: 1.35rem;
        margin: 0 0 0.75rem;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin-bottom: 1rem;
      }
      [role='tab'] {
        min-height: 40px;
        padding: 0.35rem 0.9rem;
        background: var(--td-surface);
        color: var(--td-primary);
      }
      [role='tab'][aria-selected='true'] {
        background: var(--td-primary);
        color: var(--td-on-primary);
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @state() private tab: Tab | null = null;
  @state() private units: Record<string, Unit> = {};
  @state() private members: MemberEntry[] = [];
  @state() private movements: MovementItem[] = [];
  @state() private error: string | null = null;

  /** The admin API; the Firebase one unless a test gives another. */
  @property({ attribute: false }) api?: AdminApi;

  private unsubs: Unsubscribe[] = [];
  private watching: string | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  private stop() {
    this.unsubs.forEach((u) => u());
    this.unsubs = [];
    this.watching = null;
  }

  private get isAdmin() {
    return this.session?.claims?.roles.includes('admin') ?? false;
  }

  private get tabs(): Tab[] {
    const roles = this.session?.claims?.roles ?? [];
    return [
      ...(roles.includes('admin') ? (['units', 'members', 'import'] as const) : []),
      ...(roles.includes('secretariat') ? (['movements'] as const) : []),
      ...(roles.includes('admin') || roles.includes('secretariat') ? (['movement'] as const) : []),
    ];
  }

  private fallbackApi?: AdminApi;
  private get adminApi(): AdminApi {
    return this.api ?? (this.fallbackApi ??= firebaseAdminApi());
  }

  override willUpdate(): void {
    const orgId = this.session?.claims?.org ?? null;
    const key = orgId && this.tabs.length ? `${orgId}:${this.isAdmin}` : null;
    if (key === this.watching) return;
    this.stop();
    if (!orgId || !key) return;
    this.watching = key;
    const fail = (e: Error) => (this.error = e.message);
    this.unsubs.push(this.adminApi.watchUnits(orgId, (u) => (this.units = u), fail));
    this.unsubs.push(this.adminApi.watchMovements(orgId, (m) => (this.movements = m), fail));
    if (this.isAdmin) this.unsubs.push(this.adminApi.watchMembers(orgId, (m) => (this.members = m), fail));
  }

  private handleTab(tab: Tab) {
    this.tab = tab;
  }

  private handleTabKey(e: KeyboardEvent) {
    const tabs = this.tabs;
    const i = tabs.indexOf(this.tab ?? tabs[0]!);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : null;
    if (!next) return;
    e.preventDefault();
    this.tab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-testid="admin-tab-${next}"]`)?.focus());
  }

  private renderSection(tab: Tab, orgId: string) {
    const api = this.adminApi;
    switch (tab) {
      case 'units':
        return html`<admin-units .api=${api} .orgId=${orgId} .units=${this.units}></admin-units>`;
      case 'members':
        return html`<admin-members
          .api=${api}
          .orgId=${orgId}
          .units=${this.units}
          .members=${this.members}
          .selfUid=${this.session?.user.uid ?? ''}
        ></admin-members>`;
      case 'import':
        return html`<admin-import .api=${api} .orgId=${orgId} .units=${this.units}></admin-import>`;
      case 'movements':
        return html`<admin-movements .api=${api} .orgId=${orgId} .movements=${this.movements}></admin-movements>`;
      case 'movement':
        return html`<admin-movement
          .api=${api}
          .orgId=${orgId}
          .units=${this.units}
          .movements=${this.movements}
          .roles=${this.session?.claims?.roles ?? []}
        ></admin-movement>`;
    }
  }

  override render() {
    const m = t();
    const orgId = this.session?.claims?.org;
    const tabs = this.tabs;
    if (!orgId || !tabs.length) return html`<p class="notice warn" role="alert" data-testid="admin-forbidden">${m.adminForbidden}</p>`;
    const tab = this.tab && tabs.includes(this.tab) ? this.tab : tabs[0]!;
    const label: Record<Tab, string> = { units: m.tabUnits, members: m.tabMembers, import: m.tabImport, movements: m.tabMovements, movement: m.tabMovement };
    return html`<h1>${this.isAdmin ? m.adminTitle : m.settingsTitle}</h1>
      ${this.error ? html`<p class="notice danger" role="alert">${m.loadError(this.error)}</p>` : nothing}
      ${
        tabs.length > 1
          ? html`<div role="tablist" aria-label=${m.adminTabs} @keydown=${this.handleTabKey}>
              ${tabs.map(
                (x) =>
                  html`<button
                    type="button"
                    role="tab"
                    id=${`tab-${x}`}
                    aria-selected=${x === tab ? 'true' : 'false'}
                    aria-controls="admin-panel"
                    tabindex=${x === tab ? 0 : -1}
                    data-testid=${`admin-tab-${x}`}
                    @click=${() => this.handleTab(x)}
                  >
                    ${label[x]}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${
        tabs.length > 1
          ? html`<section id="admin-panel" role="tabpanel" aria-labelledby=${`tab-${tab}`}>${this.renderSection(tab, orgId)}</section>`
          : html`<section aria-label=${label[tab]}>${this.renderSection(tab, orgId)}</section>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-page': AdminPage;
  }
}
