import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { isReviewer } from '@thidua/domain';
import { backendContext } from '../context/backend-context.js';
import { sessionContext } from '../context/session-context.js';
import { emptyOrgData, orgDataContext, type OrgData } from '../context/org-data-context.js';
import { AwardsController } from '../controllers/awards-controller.js';
import type { Backend, Session } from '../data/backend.js';
import type { AwardsScope } from '../data/awards-backend.js';
import { LocaleController, t } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import { awardStyles } from '../styles/awards.js';
import './award-register.js';
import './nomination-form.js';
import './nomination-card.js';
import './candidate-list.js';
import './meeting-form.js';
import './meeting-card.js';
import './dossier-view.js';
import type { NominationPrefill } from './nomination-form.js';

type Tab = 'nominations' | 'meetings' | 'dossier' | 'register';

/**
 * Awards of the current movement: the units' nominations (with candidates from the standings),
 * the council's meetings and votes, the chairman's decisions, and the generated dossier. What a
 * person sees and may do follows their claims; the server checks every action again.
 */
@customElement('awards-page')
export class AwardsPage extends LitElement {
  static override styles = [
    base,
    controls,
    awardStyles,
    css`
      .tabs {
        display: flex;
        gap: 0.25rem;
        margin: 0 0 1rem;
        border-bottom: 1px solid var(--td-border);
      }
      .tabs button {
        background: transparent;
        color: var(--td-muted);
        border: 0;
        border-bottom: 3px solid transparent;
        border-radius: 0;
      }
      .tabs button[aria-selected='true'] {
        color: var(--td-primary);
        border-bottom-color: var(--td-primary);
      }
      .list > * + * {
        margin-top: 0.75rem;
      }
    `,
  ];

  private readonly data = new AwardsController(this);

  @consume({ context: backendContext })
  private backend?: Backend;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @consume({ context: orgDataContext, subscribe: true })
  @state()
  private orgData: OrgData = emptyOrgData;

  @state() private tab: Tab = 'nominations';
  @state() private formOpen = false;
  @state() private prefill: NominationPrefill | null = null;
  @state() private meetingFormOpen = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  private get scope(): AwardsScope | null {
    const claims = this.session?.claims;
    const entry = this.orgData.current;
    if (!claims || !entry || !this.session) return null;
    return { orgId: claims.org, movementId: entry.id, uid: this.session.user.uid, reviewer: isReviewer(claims), unitIds: Object.keys(claims.units).sort() };
  }

  override willUpdate(): void {
    this.data.setTarget(this.backend?.awards?.() ?? null, this.scope);
  }

  private handlePropose(e: CustomEvent<NominationPrefill>) {
    this.prefill = e.detail;
    this.formOpen = true;
    this.tab = 'nominations';
  }

  private renderNominations(scope: AwardsScope) {
    const m = t().awards;
    const claims = this.session!.claims!;
    const api = this.backend!.awards!();
    const entry = this.orgData.current!;
    const canPropose = scope.unitIds.length > 0;
    return html`
      <candidate-list .movement=${entry} .orgId=${scope.orgId} .myUnits=${scope.unitIds} @propose-candidate=${this.handlePropose}></candidate-list>
      ${
        canPropose && !this.formOpen
          ? html`<p>
              <button type="button" data-testid="new-nomination" @click=${() => ((this.formOpen = true), (this.prefill = null))}>${m.newNomination}</button>
            </p>`
          : nothing
      }
      ${
        this.formOpen
          ? html`<nomination-form
              .api=${api}
              .scope=${scope}
              .claims=${claims}
              .units=${this.orgData.units}
              .prefill=${this.prefill}
              @nomination-done=${() => (this.formOpen = false)}
              @nomination-cancel=${() => (this.formOpen = false)}
            ></nomination-form>`
          : nothing
      }
      <div class="list" data-testid="nomination-list">
        ${this.data.nominations.length === 0 && this.data.loaded ? html`<p class="notice">${m.noNominations}</p>` : nothing}
        ${this.data.nominations.map(
          (n) =>
            html`<nomination-card
              .api=${api}
              .scope=${scope}
              .claims=${claims}
              .nomination=${n}
              .decision=${this.data.decisions[n.id] ?? null}
              .units=${this.orgData.units}
            ></nomination-card>`,
        )}
      </div>
    `;
  }

  private renderMeetings(scope: AwardsScope) {
    const m = t().awards;
    const claims = this.session!.claims!;
    const api = this.backend!.awards!();
    const canOpen = claims.roles.includes('secretariat') || Object.values(claims.units).includes('head');
    return html`
      ${
        canOpen && !this.meetingFormOpen
          ? html`<p><button type="button" data-testid="new-meeting" @click=${() => (this.meetingFormOpen = true)}>${m.newMeeting}</button></p>`
          : nothing
      }
      ${
        this.meetingFormOpen
          ? html`<meeting-form
              .api=${api}
              .scope=${scope}
              .claims=${claims}
              .nominations=${this.data.nominations}
              .selfName=${this.session?.user.displayName ?? ''}
              @meeting-done=${() => (this.meetingFormOpen = false)}
              @meeting-cancel=${() => (this.meetingFormOpen = false)}
            ></meeting-form>`
          : nothing
      }
      <div class="list" data-testid="meeting-list">
        ${this.data.meetings.length === 0 ? html`<p class="notice">${m.noMeetings}</p>` : nothing}
        ${repeat(
          this.data.meetings,
          // Keyed: a card keeps its meeting (and its ballots in flight) when a new meeting is listed above it.
          (mt) => mt.id,
          (mt) =>
            html`<meeting-card
              .api=${api}
              .scope=${scope}
              .claims=${claims}
              .meeting=${mt}
              .nominations=${this.data.nominations}
              .myVotes=${this.data.myVotes[mt.id]}
              .voters=${this.data.voters[mt.id] ?? null}
            ></meeting-card>`,
        )}
      </div>
    `;
  }

  override render() {
    const m = t().awards;
    const scope = this.scope;
    const api = this.backend?.awards?.();
    if (!scope || !api) return nothing;
    if (!scope.reviewer && scope.unitIds.length === 0) return html`<p class="notice" data-testid="awards-not-entitled">${m.notEntitled}</p>`;
    const tab = (id: Tab, label: string) =>
      html`<button
        type="button"
        role="tab"
        aria-selected=${this.tab === id ? 'true' : 'false'}
        data-testid=${`awards-tab-${id}`}
        @click=${() => (this.tab = id)}
      >
        ${label}
      </button>`;
    return html`<h1 class="page-title">${m.title}</h1>
      ${this.data.error ? html`<p class="notice danger" role="alert">${t().loadError(this.data.error)}</p>` : nothing}
      <div class="tabs" role="tablist" aria-label=${m.tabsLabel}>
        ${tab('nominations', m.tabNominations)}${tab('meetings', m.tabMeetings)}${tab('dossier', m.tabDossier)}${tab('register', m.tabRegister)}
      </div>
      ${
        this.tab === 'nominations'
          ? this.renderNominations(scope)
          : this.tab === 'meetings'
            ? this.renderMeetings(scope)
            : this.tab === 'register'
              ? html`<award-register .api=${api} .scope=${scope}></award-register>`
              : html`<dossier-view .api=${api} .scope=${scope} .documents=${this.data.documents} .status=${this.data.dossierStatus}></dossier-view>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'awards-page': AwardsPage;
  }
}
