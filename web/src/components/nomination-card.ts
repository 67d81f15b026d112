import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  DECIDED_STATUSES,
  MENDABLE_STATUSES,
  STANDARDS,
  STATUTORY_RULES,
  type Claims,
  type EligibilityRule,
  type Unit,
  type VoteSummary,
} from '@thidua/domain';
import type { AwardsBackend, AwardsScope, DecisionEntry, NominationEntry } from '../data/awards-backend.js';
import { LocaleController, formatDate, formatNumber, t, tx } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import { awardStyles } from '../styles/awards.js';

/**
 * One nomination: nominee, award, standards, initiatives, the stored eligibility check with the
 * reason of each flag and of each override, the votes, and the chairman's decision. The
 * secretariat records an override with its reason; the chairman decides once the ward council
 * has voted.
 */
@customElement('nomination-card')
export class NominationCard extends LitElement {
  static override styles = [
    base,
    controls,
    awardStyles,
    css`
      .head {
        display: flex;
        justify-content: space-between;
        align-items: flex-start;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .head .chip {
        white-space: nowrap;
      }
    `,
  ];

  @state() private overriding: EligibilityRule | null = null;
  @state() private withdrawing = false;
  @state() private withdrawReason = '';
  @state() private reason = '';
  @state() private decideReason = '';
  @state() private busy = false;
  @state() private message: { kind: 'ok' | 'danger'; text: string } | null = null;

  /** The awards data service. */
  @property({ attribute: false }) api?: AwardsBackend;
  /** Organisation and movement. */
  @property({ attribute: false }) scope?: AwardsScope;
  /** The person's claims. */
  @property({ attribute: false }) claims?: Claims;
  /** The nomination shown. */
  @property({ attribute: false }) nomination?: NominationEntry;
  /** The chairman's decision on it, if any. */
  @property({ attribute: false }) decision: DecisionEntry | null = null;
  /** Units of the organisation (names). */
  @property({ attribute: false }) units: Record<string, Unit> = {};

  constructor() {
    super();
    new LocaleController(this);
  }

  private async run(action: () => Promise<unknown>) {
    this.busy = true;
    this.message = null;
    try {
      await action();
      this.message = { kind: 'ok', text: t().awards.done };
      return true;
    } catch (e) {
      this.message = { kind: 'danger', text: t().awards.failed((e as Error).message) };
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async handleOverride(e: Event) {
    e.preventDefault();
    const n = this.nomination;
    if (!n || !this.api || !this.scope || !this.overriding) return;
    const rule = this.overriding;
    const ok = await this.run(() =>
      this.api!.overrideEligibility({ orgId: this.scope!.orgId, movementId: this.scope!.movementId, nominationId: n.id, rule, reason: this.reason.trim() }),
    );
    if (ok) {
      this.overriding = null;
      this.reason = '';
    }
  }

  private async handleCertify() {
    const n = this.nomination;
    if (!n || !this.api || !this.scope) return;
    await this.run(() => this.api!.certifyNomination({ orgId: this.scope!.orgId, movementId: this.scope!.movementId, nominationId: n.id }));
  }

  private async handleWithdraw(e: Event) {
    e.preventDefault();
    const n = this.nomination;
    if (!n || !this.api || !this.scope) return;
    const ok = await this.run(() =>
      this.api!.withdrawNomination({ orgId: this.scope!.orgId, movementId: this.scope!.movementId, nominationId: n.id, reason: this.withdrawReason.trim() }),
    );
    if (ok) this.withdrawing = false;
  }

  private async handleDecide(outcome: 'approve' | 'reject') {
    const n = this.nomination;
    if (!n || !this.api || !this.scope) return;
    await this.run(() =>
      this.api!.decideNomination({
        orgId: this.scope!.orgId,
        movementId: this.scope!.movementId,
        nominationId: n.id,
        outcome,
        reason: this.decideReason.trim(),
      }),
    );
  }

  private vote(label: string, v: VoteSummary | undefined, kind: string) {
    if (!v) return nothing;
    const m = t().awards;
    return html`<p data-testid=${`vote-${kind}`} data-approved=${String(v.approved)}>
      <b>${label}</b> (${v.date}): ${m.voteSummary(v.yes, v.base, formatNumber(v.percentYes), v.approved)}
    </p>`;
  }

  override render() {
    const n = this.nomination;
    if (!n) return nothing;
    const m = t().awards;
    const claims = this.claims;
    const decided = (DECIDED_STATUSES as readonly string[]).includes(n.status);
    const isSecretariat = claims?.roles.includes('secretariat') ?? false;
    const isChair = claims?.roles.includes('chair') ?? false;
    const isHead = claims?.units[n.proposingUnitId] === 'head';
    const isOwnUnit = claims?.units[n.proposingUnitId] !== undefined;
    const el = n.eligibility;
    return html`<article class="card" data-testid="nomination" data-nomination-id=${n.id} data-status=${n.status} data-eligible=${String(el.eligible)}>
      <div class="head">
        <div>
          <h2 data-testid="nomination-name">${n.nomineeName}</h2>
          <p class="meta">
            ${n.nomineeType === 'collective' ? m.collective : m.individual} · ${m.awardFormText[n.proposedForm]} · ${m.proposedBy}:
            ${this.units[n.proposingUnitId]?.name ?? n.proposingUnitId}
          </p>
        </div>
        <span class="chip ${n.status === 'approved' ? 'ok' : n.status === 'rejected' ? 'bad' : ''}" data-testid="nomination-status"
          >${m.status[n.status] ?? n.status}</span
        >
      </div>
      <p>${n.standardsMet.map((s) => html`<span class="chip" title=${tx(STANDARDS[s].text)}>${s}</span> `)} ${n.achievementSummary}</p>
      ${
        n.initiatives.length
          ? html`<ul class="flags">
              ${n.initiatives.map((i) => html`<li>${i.title} — ${i.recognitionRef || html`<i>${m.initiativeUnrecognised}</i>`}</li>`)}
            </ul>`
          : nothing
      }

      <section data-testid="eligibility">
        <p><span class="chip ${el.eligible ? 'ok' : 'bad'}" data-testid="eligibility-verdict">${el.eligible ? m.eligible : m.notEligible}</span></p>
        ${
          el.flags.length
            ? html`<ul class="flags">
                ${el.flags.map(
                  (f) =>
                    html`<li data-testid="eligibility-flag" data-rule=${f.rule}>
                      <b>${f.severity === 'block' ? m.flagBlock : m.flagWarn}:</b> ${tx(f.message)} <span class="meta">(${m.basis}: ${f.basis})</span>
                      ${f.override ? html`<br /><span class="chip ok" data-testid="override-reason">${m.overridden(f.override.reason)}</span>` : nothing}
                      ${
                        (STATUTORY_RULES as readonly string[]).includes(f.rule)
                          ? html`<br /><span class="meta" data-testid="statutory-note"
                                >${f.rule === 'discipline-not-confirmed' ? m.headConfirms : m.statutory}</span
                              >`
                          : nothing
                      }
                      ${
                        isSecretariat && !decided && !f.override && this.overriding !== f.rule && !(STATUTORY_RULES as readonly string[]).includes(f.rule)
                          ? html`<button
                              type="button"
                              class="link"
                              data-testid="override-open"
                              @click=${() => ((this.overriding = f.rule), (this.reason = ''))}
                            >
                              ${m.override}
                            </button>`
                          : nothing
                      }
                      ${
                        this.overriding === f.rule
                          ? html`<form @submit=${this.handleOverride}>
                              <label for="reason">${m.overrideReason}</label>
                              <textarea
                                id="reason"
                                rows="2"
                                data-testid="override-reason-input"
                                .value=${this.reason}
                                @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}
                              ></textarea>
                              <div class="row">
                                <button type="submit" data-testid="override-save" ?disabled=${this.busy || this.reason.trim().length < 10}>
                                  ${m.overrideSave}
                                </button>
                                <button type="button" class="secondary" @click=${() => (this.overriding = null)}>${m.cancel}</button>
                              </div>
                            </form>`
                          : nothing
                      }
                    </li>`,
                )}
              </ul>`
            : nothing
        }
      </section>

      ${n.certified ? html`<p class="meta" data-testid="certified">${m.certifiedBy(formatDate(n.certified.at))}</p>` : nothing}
      ${
        isHead && (MENDABLE_STATUSES as readonly string[]).includes(n.status)
          ? html`<button type="button" class="secondary" data-testid="certify-nomination" ?disabled=${this.busy} @click=${this.handleCertify}>
              ${m.certify}
            </button>`
          : nothing
      }
      ${
        isOwnUnit && (MENDABLE_STATUSES as readonly string[]).includes(n.status)
          ? this.withdrawing
            ? html`<form @submit=${this.handleWithdraw} data-testid="withdraw-form">
                <label for="wreason">${m.withdrawReason}</label>
                <textarea
                  id="wreason"
                  rows="2"
                  data-testid="withdraw-reason"
                  .value=${this.withdrawReason}
                  @input=${(e: Event) => (this.withdrawReason = (e.target as HTMLTextAreaElement).value)}
                ></textarea>
                <div class="row">
                  <button type="submit" data-testid="withdraw-confirm" ?disabled=${this.busy || this.withdrawReason.trim().length < 10}>
                    ${m.withdrawConfirm}
                  </button>
                  <button type="button" class="secondary" @click=${() => (this.withdrawing = false)}>${m.cancel}</button>
                </div>
              </form>`
            : html`<button type="button" class="link" data-testid="withdraw-open" @click=${() => ((this.withdrawing = true), (this.withdrawReason = ''))}>
                ${m.withdraw}
              </button>`
          : nothing
      }
      ${this.vote(m.voteUnit, n.votes.unit, 'unit')} ${this.vote(m.voteWard, n.votes.ward, 'ward')}
      ${
        this.decision
          ? html`<p class="notice ${this.decision.outcome === 'approve' ? 'ok' : 'warn'}" data-testid="decision" data-outcome=${this.decision.outcome}>
              ${this.decision.outcome === 'approve' ? m.decisionApproved : m.decisionRejected}
              (${this.decision.decidedByName})${this.decision.reason ? `: ${this.decision.reason}` : ''}
            </p>`
          : nothing
      }
      ${
        // The chairman decides on the council's vote; what may not be awarded is only rejected, vote or not.
        isChair && !decided
          ? n.votes.ward || !el.eligible
            ? html`<fieldset data-testid="decide">
                <legend>${m.decide}</legend>
                <label for="dreason">${m.decideReason}</label>
                <textarea
                  id="dreason"
                  rows="2"
                  data-testid="decide-reason"
                  .value=${this.decideReason}
                  @input=${(e: Event) => (this.decideReason = (e.target as HTMLTextAreaElement).value)}
                ></textarea>
                <div class="row" style="margin-top:0.5rem">
                  ${
                    n.votes.ward && el.eligible
                      ? html`<button type="button" data-testid="decide-approve" ?disabled=${this.busy} @click=${() => this.handleDecide('approve')}>
                          ${m.decideApprove}
                        </button>`
                      : nothing
                  }
                  <button type="button" class="secondary" data-testid="decide-reject" ?disabled=${this.busy} @click=${() => this.handleDecide('reject')}>
                    ${m.decideReject}
                  </button>
                </div>
              </fieldset>`
            : html`<p class="meta">${m.waitingCouncil}</p>`
          : nothing
      }
      ${this.message ? html`<p class="notice ${this.message.kind}" role=${this.message.kind === 'danger' ? 'alert' : 'status'} data-testid="nomination-message">${this.message.text}</p>` : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nomination-card': NominationCard;
  }
}
