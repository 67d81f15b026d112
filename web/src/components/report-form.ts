import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  isPastDeadline,
  pointsToNextBand,
  reportDeadline,
  reportId,
  scoreReport,
  validateForSubmission,
  whatWouldRaise,
  type ItemResult,
  type Raise,
  type ScoreResult,
  type SubmissionProblem,
} from '@thidua/domain';
import { backendContext } from '../context/backend-context.js';
import { sessionContext } from '../context/session-context.js';
import { emptyOrgData, orgDataContext, type OrgData } from '../context/org-data-context.js';
import { ReportController } from '../controllers/report-controller.js';
import { EvidenceController } from '../controllers/evidence-controller.js';
import { HistoryController } from '../controllers/history-controller.js';
import type { Backend, Session } from '../data/backend.js';
import type { AnswerChangeEvent, ConflictResolveEvent, FigureChangeEvent } from '../events/report-events.js';
import type { EvidenceFileEvent, EvidenceLinkEvent, EvidencePickEvent, EvidenceRefusedEvent } from '../events/evidence-events.js';
import { withEvidence } from '../logic/evidence.js';
import { LocaleController, formatDate, formatNumber, formatPercent, locale, t, tx } from '../i18n/index.js';
import { unitsOf } from '../logic/claims.js';
import { progress, withAnswer, withFigure } from '../logic/draft.js';
import { bandText, currentPeriod, groupCriteria, previousPeriodId } from '../logic/movement.js';
import { base, controls } from '../styles/shared.js';
import './movement-trend.js';
import './criterion-field.js';
import './save-indicator.js';
import './score-summary.js';
import './status-badge.js';
import './report-history.js';

/**
 * The unit's scorecard for the movement's current period: one section per group of criteria, the
 * live score from the domain's scoreReport, autosave of the draft, and the Submit (Gửi báo cáo) and,
 * for the unit head, Certify (Xác nhận) actions. Data comes through contexts and ReportController.
 */
@customElement('report-form')
export class ReportForm extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      .top {
        margin-bottom: 1rem;
      }
      h1 {
        font-size: 1.3rem;
        margin: 0 0 0.25rem;
      }
      .movement {
        margin: 0 0 0.5rem;
        color: var(--td-muted);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        margin: 0 0 0.75rem;
        font-size: 0.9rem;
      }
      .meta span b {
        font-weight: 600;
      }
      .states {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      .unit-select {
        margin-bottom: 0.75rem;
        max-width: 28rem;
      }
      .summary {
        margin-bottom: 1rem;
      }
      /* One line that stays under the navigation while scrolling: the live score at a glance. */
      .scorebar {
        position: sticky;
        top: 3.1rem;
        z-index: 2;
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        margin: 0 -1rem 1rem;
        padding: 0.4rem 1rem;
        background: var(--td-primary-dark);
        color: var(--td-on-primary);
        font-size: 0.9rem;
        font-variant-numeric: tabular-nums;
        box-shadow: 0 2px 6px rgb(0 0 0 / 0.15);
      }
      .scorebar .save {
        opacity: 0.9;
        text-align: right;
      }
      section.group {
        margin-bottom: 1rem;
      }
      section.group h2 {
        font-size: 1.05rem;
        margin: 0 0 0.25rem;
      }
      .actions {
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
      }
      .actions .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .actions button {
        flex: 1 1 12rem;
      }
      .problems-box summary {
        cursor: pointer;
        font-weight: 600;
        color: #7a5500;
        min-height: 32px;
      }
      .problems {
        margin: 0.5rem 0 0;
        padding-left: 1.25rem;
      }
      .problems li {
        margin-bottom: 0.25rem;
      }
      .problems button.link {
        padding: 0 0.25rem 0 0;
        font-weight: 700;
      }
      .loading {
        color: var(--td-muted);
        text-align: center;
        padding: 2rem 1rem;
      }
    `,
  ];

  private readonly report = new ReportController(this);
  private readonly evidence = new EvidenceController(this, (code, id) => this.attachEvidence(code, id));
  private readonly history = new HistoryController(this);

  @consume({ context: backendContext })
  private backend?: Backend;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @consume({ context: orgDataContext, subscribe: true })
  @state()
  private orgData: OrgData = emptyOrgData;

  @state() private selectedUnit: string | null = null;
  /** Codes of items whose boxes hold an invalid input. */
  @state() private invalid: ReadonlySet<string> = new Set();
  @state() private confirming = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  private get unitId(): string | null {
    const units = unitsOf(this.session?.claims ?? null);
    return units.find((u) => u.unitId === this.selectedUnit)?.unitId ?? units[0]?.unitId ?? null;
  }

  override willUpdate(): void {
    const s = this.session;
    const entry = this.orgData.current;
    const unitId = this.unitId;
    if (this.backend && s?.claims && entry && unitId) {
      this.report.setTarget({
        backend: this.backend,
        orgId: s.claims.org,
        movementId: entry.id,
        periodId: entry.movement.currentPeriodId,
        previousPeriodId: previousPeriodId(entry.movement, entry.movement.currentPeriodId),
        unitId,
        uid: s.user.uid,
      });
      const common = { backend: this.backend, orgId: s.claims.org, movementId: entry.id, unitId };
      this.evidence.setTarget(common);
      this.history.setTarget({ ...common, reportId: reportId(entry.movement.currentPeriodId, unitId) });
    } else {
      this.report.setTarget(null);
      this.evidence.setTarget(null);
      this.history.setTarget(null);
    }
  }

  /** Past the deadline that governs the report now (the rules and functions refuse edits too). */
  private get pastDeadline(): boolean {
    const period = this.orgData.current ? currentPeriod(this.orgData.current.movement) : undefined;
    // A returned report's explanation round has its own deadline, which the appraisal holds: the
    // server decides then; a draft follows the period's.
    if (!period || this.report.status !== 'draft') return false;
    return isPastDeadline(reportDeadline(period, 'draft', null), Date.now());
  }

  private attachEvidence(code: string, id: string) {
    const ids = this.report.content.answers[code]?.evidenceIds ?? [];
    if (!ids.includes(id)) this.report.edit(withEvidence(this.report.content, code, [...ids, id]));
  }

  private handleEvidenceFile(e: EvidenceFileEvent) {
    const { code, meta, file, contentType } = e.detail;
    void this.evidence.uploadFile(code, meta, file, contentType);
  }

  private handleEvidenceLink(e: EvidenceLinkEvent) {
    void this.evidence.addLink(e.detail.code, e.detail.meta, e.detail.url);
  }

  private handleEvidenceReuse(e: EvidencePickEvent) {
    this.evidence.fail(e.detail.code, null);
    this.attachEvidence(e.detail.code, e.detail.evidenceId);
  }

  private handleEvidenceDetach(e: EvidencePickEvent) {
    const { code, evidenceId } = e.detail;
    const ids = this.report.content.answers[code]?.evidenceIds ?? [];
    this.report.edit(
      withEvidence(
        this.report.content,
        code,
        ids.filter((x) => x !== evidenceId),
      ),
    );
  }

  private handleEvidenceRefused(e: EvidenceRefusedEvent) {
    this.evidence.fail(e.detail.code, e.detail.reason);
  }

  private setValidity(code: string, valid: boolean) {
    if (valid === !this.invalid.has(code)) return;
    const next = new Set(this.invalid);
    if (valid) next.delete(code);
    else next.add(code);
    this.invalid = next;
  }

  private handleFigureChange(e: FigureChangeEvent) {
    const { code, figure, valid, itemValid } = e.detail;
    this.setValidity(code, itemValid);
    if (valid) this.report.edit(withFigure(this.report.content, code, figure));
    this.confirming = false;
  }

  private handleAnswerChange(e: AnswerChangeEvent) {
    const { code, patch, itemValid } = e.detail;
    this.setValidity(code, itemValid);
    if (Object.keys(patch).length > 0) this.report.edit(withAnswer(this.report.content, code, patch));
    this.confirming = false;
  }

  private handleUnitChange(e: Event) {
    this.selectedUnit = (e.target as HTMLSelectElement).value;
    this.invalid = new Set();
    this.confirming = false;
  }

  /** Brings an item named in the problem list into view and puts the cursor in it. */
  private handleGoTo(code: string) {
    const field = [...(this.renderRoot.querySelectorAll('criterion-field') as NodeListOf<HTMLElement & { criterion: { code: string } }>)].find(
      (f) => f.criterion.code === code,
    );
    if (!field) return;
    field.scrollIntoView({ behavior: 'smooth', block: 'center' });
    field.shadowRoot?.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])')?.focus({ preventScroll: true });
  }

  private async handleAction(action: 'submit' | 'certify') {
    const m = t();
    this.confirming = false;
    await this.report.act(action, { needNetwork: m.needNetwork, notSaved: m.saveBeforeSubmitFailed });
  }

  private renderHeader(score: ScoreResult) {
    const next = pointsToNextBand(score, this.orgData.current!.movement.bands);
    const m = t();
    const entry = this.orgData.current!;
    const period = currentPeriod(entry.movement);
    const units = unitsOf(this.session?.claims ?? null);
    const unitId = this.unitId!;
    const unitName = (id: string) => this.orgData.units[id]?.name ?? id;
    const p = progress(entry.movement, unitId, this.report.content);
    return html`<div class="card top">
        <h1>${m.reportTitle}</h1>
        <p class="movement">${tx(entry.movement.title)}</p>
        ${
          units.length > 1
            ? html`<div class="unit-select">
                <label for="unit">${m.unitSelect}</label>
                <select id="unit" data-testid="unit-select" @change=${this.handleUnitChange}>
                  ${units.map((u) => html`<option value=${u.unitId} ?selected=${u.unitId === unitId}>${unitName(u.unitId)}</option>`)}
                </select>
              </div>`
            : html`<p class="meta">
                <span><b>${m.unitsLabel}:</b> <span data-testid="report-unit">${unitName(unitId)}</span></span>
              </p>`
        }
        <p class="meta">
          <span><b>${m.period}:</b> ${tx(period?.label) || entry.movement.currentPeriodId}</span>
          <span><b>${m.deadline}:</b> ${period?.deadline ? formatDate(period.deadline) : m.noDeadline}</span>
        </p>
        <div class="states">
          <span>${m.status}: <status-badge data-testid="report-status" status=${this.report.status}></status-badge></span>
          <save-indicator .state=${this.report.saveState} .detail=${this.report.saveError}></save-indicator>
        </div>
      </div>
      <div class="scorebar" aria-hidden="true">
        <span
          ><b>${formatPercent(score.percent)}</b> · ${formatNumber(score.total)}/${formatNumber(score.max)} ·
          ${bandText(entry.movement, score.band, locale())}</span
        >
        <span class="save">${m.saveState[this.report.saveState]}</span>
      </div>
      <div class="card summary">
        <score-summary
          .score=${score}
          .band=${bandText(entry.movement, score.band, locale())}
          .filled=${p.filled}
          .total=${p.total}
          .invalid=${this.invalid.size}
          .nextBand=${next ? { band: bandText(entry.movement, next.band.vi, locale()), points: next.points } : null}
        ></score-summary>
      </div>`;
  }

  private renderNotices() {
    const m = t();
    const r = this.report;
    return html`${r.loadError ? html`<p class="notice danger" role="alert">${m.loadError(r.loadError)}</p>` : nothing}
    ${r.restored && r.editable ? html`<p class="notice" role="status">${m.restoredNotice}</p>` : nothing}
    ${r.status === 'returned' ? html`<p class="notice warn">${m.returnedNotice}</p>` : nothing}
    ${this.evidence.loadError ? html`<p class="notice danger" role="alert">${this.evidence.loadError}</p>` : nothing}
    ${
      r.editable && this.pastDeadline
        ? html`<p class="notice danger" data-testid="past-deadline">
            ${m.pastDeadlineNotice(formatDate(currentPeriod(this.orgData.current!.movement)?.deadline ?? 0))}
          </p>`
        : nothing
    }
    ${!r.editable ? html`<p class="notice" data-testid="locked-notice">${m.lockedNotice}</p>` : nothing}`;
  }

  private renderGroups(items: Map<string, ItemResult>, raises: Map<string, Raise>, problems: SubmissionProblem[]) {
    const m = t();
    const entry = this.orgData.current!;
    const content = this.report.content;
    const disabled = !this.report.editable || this.pastDeadline;
    // Which items each piece of evidence backs in this report (one file may back several), in the
    // plan's order: the answers' key order depends on how the draft was merged, not on the plan.
    const usedBy = new Map<string, string[]>();
    for (const c of entry.movement.criteria) for (const id of content.answers[c.code]?.evidenceIds ?? []) usedBy.set(id, [...(usedBy.get(id) ?? []), c.code]);
    return groupCriteria(entry.movement.criteria).map(
      (g, i) =>
        html`<section class="card group" aria-labelledby=${`g${i}`} data-testid="criteria-group" data-group=${g.group}>
          <h2 id=${`g${i}`}>${m.group(g.group)}</h2>
          ${g.items.map(
            (c) =>
              html`<criterion-field
                .criterion=${c}
                .figure=${content.figures[c.code]}
                .answer=${content.answers[c.code]}
                .result=${items.get(c.code) ?? null}
                .raise=${raises.get(c.code) ?? null}
                ?disabled=${disabled}
                .evidence=${this.evidence.list}
                .usedBy=${usedBy}
                .evidenceBusy=${this.evidence.busy.has(c.code)}
                .evidenceTransfer=${this.evidence.transfers.get(c.code) ?? null}
                .evidenceError=${this.evidence.errors.get(c.code) ?? null}
                .problems=${problems.filter((p) => p.code === c.code)}
                .figureConflict=${this.report.conflictOf('figures', c.code)}
                .answerConflict=${this.report.conflictOf('answers', c.code)}
              ></criterion-field>`,
          )}
        </section>`,
    );
  }

  private renderActions(problems: SubmissionProblem[]) {
    const m = t();
    const r = this.report;
    const role = this.session?.claims?.units[this.unitId ?? ''];
    const canSubmit = role !== undefined && r.editable && !this.pastDeadline;
    const canCertify = role === 'head' && r.status === 'submitted';
    if (!canSubmit && !canCertify && !r.actionError && !r.actionDone) return nothing;
    return html`<section class="card actions" aria-label=${m.submit}>
      ${this.invalid.size > 0 && canSubmit ? html`<p class="error">${m.fixInvalidFirst}</p>` : nothing}
      ${
        problems.length > 0 && canSubmit
          ? html`<details class="problems-box" open data-testid="submission-problems" data-count=${problems.length}>
              <summary>${m.problemsCount(problems.length)}</summary>
              <ul class="problems">
                ${problems.map(
                  (p) =>
                    html`<li>
                      <button type="button" class="link" aria-label=${m.goToItem(p.code)} @click=${() => this.handleGoTo(p.code)}>${p.code}</button>
                      ${tx(p.message)}
                    </li>`,
                )}
              </ul>
            </details>`
          : nothing
      }
      ${
        canSubmit && !this.confirming
          ? html`<div class="row">
              <button
                type="button"
                data-testid="submit-report"
                ?disabled=${this.invalid.size > 0 || problems.length > 0 || r.busy !== null}
                @click=${() => (this.confirming = true)}
              >
                ${r.busy === 'submit' ? m.submitting : m.submit}
              </button>
            </div>`
          : nothing
      }
      ${
        canSubmit && this.confirming
          ? html`<div class="notice warn" role="group" aria-labelledby="confirm-text" data-testid="submit-confirm">
              <p id="confirm-text" style="margin-top:0">${m.submitConfirm}</p>
              <div class="row">
                <button type="button" data-testid="submit-confirm-yes" @click=${() => this.handleAction('submit')}>${m.submitConfirmYes}</button>
                <button type="button" class="secondary" @click=${() => (this.confirming = false)}>${m.cancel}</button>
              </div>
            </div>`
          : nothing
      }
      ${
        canCertify
          ? html`<p class="hint" style="margin:0">${m.certifyHint}</p>
              <div class="row">
                <button type="button" data-testid="certify-report" ?disabled=${r.busy !== null} @click=${() => this.handleAction('certify')}>
                  ${r.busy === 'certify' ? m.certifying : m.certify}
                </button>
              </div>`
          : nothing
      }
      <div role="alert" data-testid="action-message">
        ${r.actionError ? html`<p class="notice danger" style="margin:0">${m.actionFailed(r.actionError)}</p>` : nothing}
      </div>
      <div role="status">
        ${
          r.actionDone && !r.actionError ? html`<p class="notice ok" style="margin:0">${r.actionDone === 'certified' ? m.certified : m.submitted}</p>` : nothing
        }
      </div>
    </section>`;
  }

  override render() {
    const m = t();
    const entry = this.orgData.current;
    const unitId = this.unitId;
    if (!unitId) return html`<p class="notice" data-testid="no-units">${m.noUnits} <a href="#/standings">${m.navStandings}</a></p>`;
    if (!entry || !this.report.loaded) return html`<p class="loading" role="status">${m.loading}</p>`;
    const input = {
      movement: entry.movement,
      report: { unitId, figures: this.report.content.figures, answers: this.report.content.answers },
      previous: this.report.previous,
    };
    const score = scoreReport(input);
    const items = new Map(score.items.map((i) => [i.code, i]));
    const raises = new Map(whatWouldRaise(input).map((r) => [r.code, r]));
    // The same check the submit callable makes, so the button is only offered when it can succeed.
    const problems = validateForSubmission(entry.movement, input.report);
    return html`${this.renderHeader(score)} ${this.renderNotices()}
      <return-notice .unitId=${unitId} .status=${this.report.status}></return-notice>
      <div
        @figure-change=${this.handleFigureChange}
        @answer-change=${this.handleAnswerChange}
        @conflict-resolve=${(e: ConflictResolveEvent) => this.report.resolve(e.detail.slot, e.detail.keep)}
        @evidence-file=${this.handleEvidenceFile}
        @evidence-link=${this.handleEvidenceLink}
        @evidence-reuse=${this.handleEvidenceReuse}
        @evidence-detach=${this.handleEvidenceDetach}
        @evidence-download=${(e: EvidencePickEvent) => void this.evidence.download(e.detail.code, e.detail.evidenceId)}
        @evidence-refused=${this.handleEvidenceRefused}
      >
        ${this.renderGroups(items, raises, problems)}
      </div>
      ${this.renderActions(problems)}
      <section class="card" data-testid="report-history">
        <report-history .status=${this.report.status} .entries=${this.history.entries}></report-history>
      </section>
      <movement-trend .unitIds=${[unitId]}></movement-trend>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-form': ReportForm;
  }
}
