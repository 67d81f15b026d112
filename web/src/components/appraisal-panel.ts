import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  AppraiseItemInput,
  ReturnReportInput,
  appraisedScores,
  isApplicable,
  scoreReport,
  type AppraisalItem,
  type Criterion,
  type ItemResult,
  type Movement,
  type ReviewRights,
} from '@thidua/domain';
import type { QueueReport, StoredEvidence } from '../data/review-backend.js';
import { appraiseItem, approveReport, openEvidence, returnReport } from '../events/review-events.js';
import { LocaleController, formatDate, formatNumber, formatPercent, issuesText, t, tx } from '../i18n/index.js';
import { groupCriteria } from '../logic/movement.js';
import { base, controls } from '../styles/shared.js';
import './status-badge.js';

const DAY = 86_400_000;

/** yyyy-mm-dd of a moment in Vietnam (UTC+7, no daylight saving). */
function vnDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}
/** The end of a yyyy-mm-dd day in Vietnam, as epoch ms. */
function endOfVnDay(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T23:59:59+07:00`);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * One unit's report beside the appraisal form: per criterion, the unit's figures, self-score,
 * explanation and evidence on one side; accept or set the appraised score (with a required reason)
 * and the comment for a return on the other. Below: return with a response deadline, approve.
 * Presentational: data comes in as properties, actions go out as events.
 *
 * @fires appraise-item - accept or set one item's score
 * @fires return-report - return with per-item comments and a response deadline
 * @fires approve-report - approve the report
 * @fires open-evidence - open a piece of evidence
 */
@customElement('appraisal-panel')
export class AppraisalPanel extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      .totals {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        font-variant-numeric: tabular-nums;
      }
      .totals b {
        font-size: 1.2rem;
      }
      h2 {
        font-size: 1.05rem;
        margin: 1rem 0 0.5rem;
      }
      article.item {
        border: 1px solid var(--td-border);
        border-radius: var(--td-radius-lg);
        background: var(--td-surface);
        margin-bottom: 0.75rem;
        display: grid;
        grid-template-columns: 1fr;
      }
      article.item > div {
        padding: 0.75rem 1rem;
      }
      .side-unit {
        border-bottom: 1px solid var(--td-border);
      }
      @media (min-width: 56rem) {
        article.item {
          grid-template-columns: 1fr 1fr;
        }
        .side-unit {
          border-bottom: none;
          border-right: 1px solid var(--td-border);
        }
      }
      h3 {
        font-size: 0.95rem;
        margin: 0 0 0.25rem;
      }
      .code {
        font-weight: 700;
        color: var(--td-primary);
        margin-right: 0.25rem;
      }
      .label {
        font-size: 0.8rem;
        color: var(--td-muted);
        text-transform: uppercase;
        letter-spacing: 0.02em;
        margin: 0.5rem 0 0.1rem;
      }
      p {
        margin: 0.1rem 0;
      }
      ul.evidence {
        margin: 0;
        padding-left: 1.1rem;
      }
      .appraised {
        font-weight: 600;
      }
      .appraised.changed {
        color: var(--td-danger);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      .row button {
        flex: 1 1 10rem;
        min-height: 40px;
      }
      textarea {
        min-height: 3.5rem;
      }
      .field {
        margin-top: 0.5rem;
      }
      .actions {
        margin-top: 1rem;
      }
    `,
  ];

  /** The movement (criteria, bands, applicability, the reviewers-see-each-other setting). */
  @property({ attribute: false }) movement: Movement | null = null;
  /** The report under appraisal. */
  @property({ attribute: false }) report: QueueReport | null = null;
  /** The unit's report of the previous period (for "increase" targets). */
  @property({ attribute: false }) previous: QueueReport | null = null;
  /** Appraised items the viewer may see (others' may be hidden by the movement's setting). */
  @property({ attribute: false }) items: Record<string, AppraisalItem> = {};
  /** Codes appraised by others whose scores are hidden. */
  @property({ attribute: false }) hiddenCodes: string[] = [];
  /** Comments of the last return, shown to prefill a new one. */
  @property({ attribute: false }) lastComments: Record<string, string> = {};
  @property({ attribute: false }) evidence: StoredEvidence[] = [];
  @property({ attribute: false }) rights: ReviewRights = { recused: false, appraise: false, return: false, approve: false };
  /** Uid of the viewer, to say "you" next to their own appraisals. */
  @property() viewerUid = '';
  /** The code being saved, 'return' or 'approve' while a call runs. */
  @property() busy: string | null = null;
  /** The clock, for the default response deadline (tests pass a fixed one). */
  @property({ attribute: false }) now: () => number = Date.now;

  /** Codes whose "adjust" form is open. */
  @state() private adjusting: ReadonlySet<string> = new Set();
  @state() private draftScore: Record<string, string> = {};
  @state() private draftReason: Record<string, string> = {};
  @state() private errors: Record<string, string> = {};
  @state() private comments: Record<string, string> = {};
  @state() private deadline = '';
  @state() private returnError = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('report') && (changed.get('report') as QueueReport | null)?.id !== this.report?.id) {
      this.adjusting = new Set();
      this.draftScore = {};
      this.draftReason = {};
      this.errors = {};
      this.comments = {};
      this.deadline = '';
      this.returnError = '';
    }
  }

  private toggleAdjust(code: string, open: boolean) {
    const next = new Set(this.adjusting);
    if (open) next.add(code);
    else next.delete(code);
    this.adjusting = next;
  }

  private handleAccept(code: string) {
    this.dispatchEvent(appraiseItem({ code, decision: 'accept' }));
  }

  private handleSave(c: Criterion) {
    const m = t();
    const raw = (this.draftScore[c.code] ?? '').trim().replace(',', '.');
    const score = raw === '' ? NaN : Number(raw);
    const reason = (this.draftReason[c.code] ?? '').trim();
    let error = '';
    if (!Number.isFinite(score) || score < 0 || score > c.maxPoints) error = m.errScoreRange(formatNumber(c.maxPoints));
    else if (!reason) error = m.errReasonRequired;
    else {
      const parsed = AppraiseItemInput.safeParse({ orgId: 'x', movementId: 'x', reportId: 'xxx', code: c.code, decision: 'set', score, reason });
      if (!parsed.success) error = issuesText(parsed.error.issues.slice(0, 1), { reason: m.reason, score: m.appraisedScore });
    }
    this.errors = { ...this.errors, [c.code]: error };
    if (error) return;
    this.dispatchEvent(appraiseItem({ code: c.code, decision: 'set', score, reason }));
    this.toggleAdjust(c.code, false);
  }

  private get defaultDeadline(): string {
    return vnDate(this.now() + 5 * DAY);
  }

  private handleReturn() {
    const m = t();
    const comments = Object.fromEntries(
      Object.entries(this.comments)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v),
    );
    const responseDeadline = endOfVnDay(this.deadline || this.defaultDeadline);
    if (Object.keys(comments).length === 0) {
      this.returnError = m.errNoComment;
      return;
    }
    if (responseDeadline === null || responseDeadline <= this.now()) {
      this.returnError = m.errDeadlinePast;
      return;
    }
    const parsed = ReturnReportInput.safeParse({ orgId: 'x', movementId: 'x', reportId: 'xxx', comments, responseDeadline });
    if (!parsed.success) {
      this.returnError = issuesText(parsed.error.issues.slice(0, 1), { comments: m.returnComment, responseDeadline: m.responseDeadline });
      return;
    }
    this.returnError = '';
    this.dispatchEvent(returnReport({ comments, responseDeadline }));
  }

  private renderUnitSide(c: Criterion, self: ItemResult) {
    const m = t();
    const r = this.report!;
    const figure = r.figures[c.code];
    const answer = r.answers[c.code];
    const evidence = this.evidence.filter((e) => e.criterionCodes.includes(c.code) || answer?.evidenceIds.includes(e.id));
    return html`<div class="side-unit">
      <h3><span class="code">${c.code}</span>${tx(c.text)}</h3>
      ${
        c.kind === 'quantitative'
          ? html`<p class="label">${m.figure}</p>
              <p data-testid="unit-figure">
                ${
                  figure
                    ? html`${formatNumber(figure.numerator, 0)} ${m.ofWhich}
                      ${formatNumber(figure.denominator, 0)}${self.value !== null ? html` (${formatPercent(self.value)})` : nothing}`
                    : m.noFigure
                }
              </p>`
          : nothing
      }
      <p class="label">${m.selfScore}</p>
      <p data-testid="self-result" data-points=${String(self.points)}>${m.selfPoints(formatNumber(self.points), formatNumber(c.maxPoints))}</p>
      <p class="hint">${tx(self.why)}</p>
      <p class="label">${m.unitExplanation}</p>
      <p data-testid="unit-explanation">${answer?.explanation?.trim() || html`<span class="hint">${m.noExplanation}</span>`}</p>
      <p class="label">${m.evidence}</p>
      ${
        evidence.length
          ? html`<ul class="evidence">
              ${evidence.map(
                (e) =>
                  html`<li>
                    <button type="button" class="link" aria-label=${m.openEvidence(e.title)} @click=${() => this.dispatchEvent(openEvidence(e))}>
                      ${e.title}
                    </button>
                    ${e.docNumber ? html`<span class="hint">${e.docNumber}${e.docDate ? `, ${e.docDate}` : ''}</span>` : nothing}
                  </li>`,
              )}
            </ul>`
          : html`<p class="hint">${m.noEvidence}</p>`
      }
    </div>`;
  }

  private renderAppraisalSide(c: Criterion, self: ItemResult) {
    const m = t();
    const item = this.items[c.code];
    const selfPoints = self.points;
    const open = this.adjusting.has(c.code);
    const busy = this.busy === c.code;
    const error = this.errors[c.code];
    const id = (s: string) => `${s}-${c.code.replace(/[^A-Za-z0-9]/g, '_')}`;
    return html`<div class="side-appraisal">
      <p class="label">${m.appraisalSide}</p>
      ${
        item
          ? html`<p class="appraised ${item.score !== selfPoints ? 'changed' : ''}" data-testid="appraised-result" data-points=${String(item.score)}>
                ${m.appraisedPoints(formatNumber(item.score), formatNumber(c.maxPoints))}
              </p>
              <p class="hint">${item.reason} — ${m.appraisedBy(item.by === this.viewerUid ? m.you : m.anotherReviewer, formatDate(item.at))}</p>`
          : html`<p class="hint" data-testid="appraised-result" data-points="">${this.hiddenCodes.includes(c.code) ? m.hiddenScores(1) : m.notAppraisedYet}</p>`
      }
      ${
        this.rights.appraise
          ? html`<div class="row">
                <button type="button" class="secondary" data-testid="accept" ?disabled=${busy} @click=${() => this.handleAccept(c.code)}>${m.accept}</button>
                <button
                  type="button"
                  class="secondary"
                  data-testid="adjust"
                  aria-expanded=${open ? 'true' : 'false'}
                  @click=${() => this.toggleAdjust(c.code, !open)}
                >
                  ${m.adjust}
                </button>
              </div>
              ${
                open
                  ? html`<div class="field">
                        <label for=${id('score')}>${m.appraisedScore} (0–${formatNumber(c.maxPoints)})</label>
                        <input
                          id=${id('score')}
                          data-testid="appraised-score"
                          inputmode="decimal"
                          .value=${this.draftScore[c.code] ?? String(item?.score ?? selfPoints)}
                          aria-invalid=${error ? 'true' : 'false'}
                          @input=${(e: Event) => (this.draftScore = { ...this.draftScore, [c.code]: (e.target as HTMLInputElement).value })}
                        />
                      </div>
                      <div class="field">
                        <label for=${id('reason')}>${m.reason}</label>
                        <textarea
                          id=${id('reason')}
                          data-testid="reason"
                          maxlength="2000"
                          .value=${this.draftReason[c.code] ?? ''}
                          aria-invalid=${error ? 'true' : 'false'}
                          @input=${(e: Event) => (this.draftReason = { ...this.draftReason, [c.code]: (e.target as HTMLTextAreaElement).value })}
                        ></textarea>
                      </div>
                      ${error ? html`<p class="error" role="alert" data-testid="appraise-error">${error}</p>` : nothing}
                      <div class="row">
                        <button type="button" data-testid="save-score" ?disabled=${busy} @click=${() => this.handleSave(c)}>
                          ${busy ? m.saving : m.saveScore}
                        </button>
                      </div>`
                  : nothing
              }`
          : nothing
      }
      ${
        this.rights.return
          ? html`<div class="field">
              <label for=${id('comment')}>${m.returnComment}</label>
              <textarea
                id=${id('comment')}
                data-testid="return-comment"
                maxlength="2000"
                placeholder=${this.lastComments[c.code] ?? ''}
                .value=${this.comments[c.code] ?? ''}
                @input=${(e: Event) => (this.comments = { ...this.comments, [c.code]: (e.target as HTMLTextAreaElement).value })}
              ></textarea>
              <p class="hint">${m.returnCommentHint}</p>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderActions() {
    const m = t();
    const r = this.report!;
    const count = Object.values(this.comments).filter((v) => v.trim()).length;
    return html`<section class="card actions" aria-label=${m.returnTitle}>
      ${
        this.rights.return
          ? html`<h2>${m.returnTitle}</h2>
              <p class="hint">${m.returnHint}</p>
              <div class="field">
                <label for="deadline">${m.responseDeadline}</label>
                <input
                  id="deadline"
                  type="date"
                  data-testid="response-deadline"
                  .value=${this.deadline || this.defaultDeadline}
                  @input=${(e: Event) => (this.deadline = (e.target as HTMLInputElement).value)}
                />
              </div>
              ${this.returnError ? html`<p class="error" role="alert" data-testid="return-error">${this.returnError}</p>` : nothing}
              <div class="row">
                <button type="button" data-testid="return-report" ?disabled=${this.busy !== null} @click=${this.handleReturn}>
                  ${this.busy === 'return' ? m.saving : m.returnButton(count)}
                </button>
              </div>`
          : nothing
      }
      ${
        this.rights.approve || (this.rights.return && r.status === 'submitted')
          ? html`<h2>${m.approveTitle}</h2>
              <p class="hint">${this.rights.approve ? m.approveHint : m.approveNeedsCertify}</p>
              <div class="row">
                <button
                  type="button"
                  data-testid="approve-report"
                  ?disabled=${!this.rights.approve || this.busy !== null}
                  @click=${() => this.dispatchEvent(approveReport())}
                >
                  ${this.busy === 'approve' ? m.saving : m.approveButton}
                </button>
              </div>`
          : nothing
      }
    </section>`;
  }

  override render() {
    const m = t();
    const movement = this.movement;
    const r = this.report;
    if (!movement || !r) return nothing;
    const input = { movement, report: r, previous: this.previous };
    const self = scoreReport(input);
    const appraised = scoreReport({ ...input, appraised: appraisedScores({ items: this.items }) });
    const selfItems = new Map(self.items.map((i) => [i.code, i]));
    const canAct = this.rights.return || this.rights.approve;
    return html`<div class="card">
        <div class="totals">
          <span
            >${m.selfTotal}:
            <b data-testid="self-percent" data-value=${String(self.percent)}>${formatPercent(self.percent)}</b>
            (${formatNumber(self.total)}/${formatNumber(self.max)})</span
          >
          <span
            >${m.appraisedTotal}:
            <b data-testid="appraised-percent" data-value=${String(appraised.percent)}>${formatPercent(appraised.percent)}</b>
            (${formatNumber(appraised.total)}/${formatNumber(appraised.max)})</span
          >
          <span>${m.status}: <status-badge data-testid="review-status" status=${r.status}></status-badge></span>
        </div>
      </div>
      ${this.hiddenCodes.length ? html`<p class="notice" data-testid="hidden-scores">${m.hiddenScores(this.hiddenCodes.length)}</p>` : nothing}
      ${groupCriteria(movement.criteria).map(
        (g) =>
          html`<h2>${m.group(g.group)}</h2>
            ${g.items
              .filter((c) => isApplicable(movement, r.unitId, c.code))
              .map((c) => {
                const s = selfItems.get(c.code)!;
                return html`<article class="item" data-testid=${`appraise-${c.code}`} aria-label=${`${c.code} ${tx(c.text)}`}>
                  ${this.renderUnitSide(c, s)} ${this.renderAppraisalSide(c, s)}
                </article>`;
              })}`,
      )}
      ${canAct ? this.renderActions() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'appraisal-panel': AppraisalPanel;
  }
}
