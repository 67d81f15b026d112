import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AwardRegisterEntry } from '@thidua/domain';
import type { AwardsBackend, AwardsScope } from '../data/awards-backend.js';
import type { Unsubscribe } from '../data/errors.js';
import { LocaleController, formatDate, formatNumber, t } from '../i18n/index.js';
import { base, controls, dataTable } from '../styles/shared.js';
import { awardStyles } from '../styles/awards.js';

/**
 * The award register (sổ khen thưởng), newest first: every award decided in the organisation across
 * movements and years — for reviewers all of it, for a unit its own. Read-only: the dossier run
 * writes it when a Quyết định is numbered.
 */
@customElement('award-register')
export class AwardRegister extends LitElement {
  static override styles = [base, controls, awardStyles, dataTable];

  @property({ attribute: false }) api?: AwardsBackend;
  @property({ attribute: false }) scope?: AwardsScope;

  @state() private entries: AwardRegisterEntry[] = [];
  @state() private loaded = false;
  @state() private error = '';
  private unsub: Unsubscribe | null = null;
  private key = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(): void {
    const key = this.api && this.scope ? `${this.scope.orgId}|${this.scope.reviewer}|${this.scope.unitIds.join(',')}` : '';
    if (key === this.key) return;
    this.key = key;
    this.unsub?.();
    this.unsub = null;
    this.loaded = false;
    if (!this.api || !this.scope) return;
    this.unsub = this.api.watchRegister(
      this.scope,
      (list) => {
        this.entries = [...list].sort((a, b) => b.decisionDate.localeCompare(a.decisionDate) || a.name.localeCompare(b.name, 'vi'));
        this.loaded = true;
        this.error = '';
      },
      (e) => {
        this.error = e.message;
        this.loaded = true;
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsub?.();
    this.unsub = null;
    this.key = '';
  }

  override render() {
    const m = t().awards;
    const c = m.registerCols;
    return html`<section class="card" data-testid="award-register" aria-busy=${this.loaded ? 'false' : 'true'}>
      <h2>${m.registerTitle}</h2>
      <p class="meta">${m.registerHint}</p>
      ${this.error ? html`<p class="notice danger" role="alert">${t().loadError(this.error)}</p>` : nothing}
      ${
        this.loaded && !this.entries.length
          ? html`<p class="notice" data-testid="register-empty">${m.registerEmpty}</p>`
          : html`<div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${c.date}</th>
                    <th scope="col">${c.number}</th>
                    <th scope="col">${c.name}</th>
                    <th scope="col">${c.form}</th>
                    <th scope="col">${c.movement}</th>
                    <th scope="col">${c.amount}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.entries.map(
                    (e) =>
                      html`<tr data-testid="register-row" data-nomination-id=${e.nominationId} data-number=${e.decisionNumber}>
                        <td>${formatDate(Date.parse(`${e.decisionDate}T05:00:00Z`))}</td>
                        <td>${e.decisionNumber}</td>
                        <th scope="row">${e.name}</th>
                        <td>${m.awardFormText[e.form]}</td>
                        <td>${e.movementTitle}</td>
                        <td class="num">${formatNumber(e.amount, 0)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'award-register': AwardRegister;
  }
}
