import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { suggestCandidates, type Candidate } from '@thidua/domain';
import { backendContext } from '../context/backend-context.js';
import { StandingsController } from '../controllers/standings-controller.js';
import type { Backend } from '../data/backend.js';
import type { MovementEntry } from '../logic/movement.js';
import { LocaleController, formatPercent, t, tx } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import { awardStyles } from '../styles/awards.js';
import type { NominationPrefill } from './nomination-form.js';

/**
 * Candidates for standard C1 from the current standings (band and/or top N, chosen here), each
 * with the reason it is suggested. A unit may start a nomination of itself from its own line.
 *
 * @fires propose-candidate - detail: NominationPrefill, when a unit proposes itself.
 */
@customElement('candidate-list')
export class CandidateList extends LitElement {
  static override styles = [base, controls, awardStyles];

  private readonly standings = new StandingsController(this);

  @consume({ context: backendContext })
  private backend?: Backend;

  @state() private band = '';
  @state() private topN = 3;

  /** The current movement. */
  @property({ attribute: false }) movement: MovementEntry | null = null;
  /** The organisation. */
  @property({ attribute: false }) orgId = '';
  /** Units of the signed-in person (they may propose these). */
  @property({ attribute: false }) myUnits: string[] = [];

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(): void {
    const mv = this.movement;
    this.standings.setTarget(
      this.backend && mv && this.orgId ? { backend: this.backend, orgId: this.orgId, movementId: mv.id, periodId: mv.movement.currentPeriodId } : null,
    );
  }

  private handlePropose(c: Candidate) {
    const detail: NominationPrefill = { unitId: c.unitId, collectiveName: c.unitName, standard: 'C1', summary: tx(c.reason) };
    this.dispatchEvent(new CustomEvent('propose-candidate', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const m = t().awards;
    const mv = this.movement;
    if (!mv) return nothing;
    const entries = Object.values(this.standings.standings?.entries ?? {});
    const criteria = { ...(this.band ? { band: this.band } : {}), ...(this.topN > 0 ? { topN: this.topN } : {}) };
    const list = this.band || this.topN > 0 ? suggestCandidates(entries, criteria, mv.movement.bands) : [];
    return html`<section class="card" data-testid="candidates">
      <h2>${m.candidatesTitle}</h2>
      <p class="meta">${m.candidatesHint}</p>
      <div class="grid">
        <div class="field">
          <label for="band">${m.candidatesBand}</label>
          <select id="band" data-testid="candidates-band" @change=${(e: Event) => (this.band = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.band === ''}>${m.candidatesAny}</option>
            ${mv.movement.bands.map((b) => html`<option value=${b.vi} ?selected=${this.band === b.vi}>${tx(b)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="topn">${m.candidatesTopN}</label>
          <input
            id="topn"
            type="number"
            min="0"
            max="50"
            inputmode="numeric"
            data-testid="candidates-topn"
            .value=${String(this.topN)}
            @input=${(e: Event) => (this.topN = Math.max(0, Math.min(50, Number((e.target as HTMLInputElement).value) || 0)))}
          />
        </div>
      </div>
      ${
        list.length === 0
          ? html`<p class="meta" data-testid="candidates-none">${m.candidatesNone}</p>`
          : html`<table>
              <tbody>
                ${list.map(
                  (c) =>
                    html`<tr data-testid="candidate" data-unit-id=${c.unitId}>
                      <td>${c.rank}</td>
                      <td><strong>${c.unitName}</strong><br /><span class="meta">${tx(c.reason)} (${formatPercent(c.percent)})</span></td>
                      <td>
                        ${
                          this.myUnits.includes(c.unitId)
                            ? html`<button type="button" class="secondary" data-testid="propose-candidate" @click=${() => this.handlePropose(c)}>
                                ${m.proposeThis}
                              </button>`
                            : nothing
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'candidate-list': CandidateList;
  }
}
