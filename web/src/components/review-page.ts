import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  NO_FILTER,
  QUEUE_STATUSES,
  appraisedScores,
  effectiveDeadline,
  filterQueue,
  isRecused,
  isReviewer,
  reviewRights,
  scoreReport,
  visibleItems,
  type DeadlineFilter,
  type QueueFilter,
  type QueueRow,
} from '@thidua/domain';
import { reviewBackendContext } from '../context/review-context.js';
import { sessionContext } from '../context/session-context.js';
import { emptyOrgData, orgDataContext, type OrgData } from '../context/org-data-context.js';
import { ReviewController } from '../controllers/review-controller.js';
import type { Session } from '../data/backend.js';
import type { QueueReport, ReviewBackend } from '../data/review-backend.js';
import type { AppraiseItemEvent, OpenEvidenceEvent, ReturnReportEvent } from '../events/review-events.js';
import { LocaleController, formatDate, formatPercent, t, tx } from '../i18n/index.js';
import { previousPeriodId } from '../logic/movement.js';
import { base, controls } from '../styles/shared.js';
import './appraisal-panel.js';
import './status-badge.js';

/** The open report's id from the hash (#/review/<reportId>), or null for the queue. */
function openReportId(hash: string): string | null {
  const m = /^#\/review\/([^/?]+)/.exec(hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

/**
 * The reviewer's page (Thường trực, Hội đồng, Chủ tịch): the queue of every report the units have
 * sent, filterable by status, unit, period, criterion still to appraise and deadline; #/review/<id>
 * opens one report beside the appraisal form (<appraisal-panel>). Live through ReviewController.
 */
@customElement('review-page')
export class ReviewPage extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      h1 {
        font-size: 1.3rem;
        margin: 0 0 0.25rem;
      }
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: 0.5rem 0.75rem;
        margin: 0.75rem 0;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem 0.4rem;
        border-bottom: 1px solid var(--td-border);
        vertical-align: top;
      }
      th {
        font-size: 0.85rem;
        color: var(--td-muted);
      }
      tr.recused td {
        color: var(--td-muted);
      }
      .badge {
        display: inline-block;
        font-size: 0.75rem;
        padding: 0 0.4rem;
        border-radius: 999px;
        background: var(--td-warn-bg);
        border: 1px solid var(--td-warn-border);
      }
      .overdue {
        color: var(--td-danger);
        font-weight: 600;
      }
      a.back {
        display: inline-block;
        margin-bottom: 0.5rem;
      }
      .top {
        margin-bottom: 1rem;
      }
      @media (max-width: 40rem) {
        .wide {
          display: none;
        }
      }
    `,
  ];

  private readonly review = new ReviewController(this);

  @consume({ context: reviewBackendContext })
  private backend?: ReviewBackend;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @consume({ context: orgDataContext, subscribe: true })
  @state()
  private orgData: OrgData = emptyOrgData;

  @state() private openId: string | null = openReportId(location.hash);
  @state() private filter: QueueFilter | null = null;
  @state() private busy: string | null = null;
  @state() private message: { ok: boolean; text: string } | null = null;

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

  private readonly onHashChange = () => {
    const id = openReportId(location.hash);
    if (id !== this.openId) this.message = null;
    this.openId = id;
  };

  override willUpdate(): void {
    const claims = this.session?.claims;
    const entry = this.orgData.current;
    const open = this.openReport;
    if (this.backend && claims && entry && isReviewer(claims)) {
      this.review.setTarget({
        backend: this.backend,
        orgId: claims.org,
        movementId: entry.id,
        evidenceUnitId: open?.unitId ?? null,
        reviewerUid: this.session!.user.uid,
        apart: !entry.movement.reviewersSeeEachOther,
      });
    } else {
      this.review.setTarget(null);
    }
    if (!this.filter && entry) this.filter = { ...NO_FILTER, periodId: entry.movement.currentPeriodId };
  }

  private get openReport(): QueueReport | null {
    return this.openId ? (this.review.reports.find((r) => r.id === this.openId) ?? null) : null;
  }

  private unitName(id: string): string {
    return this.orgData.units[id]?.name ?? id;
  }

  private periodLabel(id: string): string {
    return tx(this.orgData.current?.movement.periods.find((p) => p.id === id)?.label) || id;
  }

  private setFilter<K extends keyof QueueFilter>(key: K, value: QueueFilter[K]) {
    this.filter = { ...(this.filter ?? NO_FILTER), [key]: value };
  }

  private previousOf(r: QueueReport): QueueReport | null {
    const prev = previousPeriodId(this.orgData.current!.movement, r.periodId);
    return prev ? (this.review.reports.find((x) => x.unitId === r.unitId && x.periodId === prev) ?? null) : null;
  }

  /** Runs one call for the open report, keeping what was typed if it fails. */
  private async act(what: string, run: (ref: { orgId: string; movementId: string; reportId: string }) => Promise<unknown>, done: string) {
    const claims = this.session?.claims;
    const entry = this.orgData.current;
    const r = this.openReport;
    if (!claims || !entry || !r || this.busy) return;
    this.busy = what;
    this.message = null;
    try {
      await run({ orgId: claims.org, movementId: entry.id, reportId: r.id });
      this.message = { ok: true, text: done };
    } catch (e) {
      this.message = { ok: false, text: t().failed(e instanceof Error ? e.message : String(e)) };
    } finally {
      this.busy = null;
    }
  }

  private handleAppraise(e: AppraiseItemEvent) {
    const d = e.detail;
    void this.act(d.code, (ref) => this.backend!.appraiseItem({ ...ref, ...d }), t().scoreSaved(d.code));
  }

  private handleReturn(e: ReturnReportEvent) {
    void this.act('return', (ref) => this.backend!.returnReport({ ...ref, ...e.detail }), t().returned);
  }

  private handleApprove() {
    void this.act('approve', (ref) => this.backend!.approveReport(ref), t().approved);
  }

  private async handleOpenEvidence(e: OpenEvidenceEvent) {
    const claims = this.session?.claims;
    if (!claims) return;
    try {
      await this.backend!.openEvidence(claims.org, e.detail);
    } catch (err) {
      this.message = { ok: false, text: t().failed(err instanceof Error ? err.message : String(err)) };
    }
  }

  private rows(): QueueRow[] {
    const movement = this.orgData.current!.movement;
    return this.review.reports.map((r) => {
      const appraisal = this.review.appraisals[r.id] ?? null;
      return { reportId: r.id, report: r, appraisal, deadline: effectiveDeadline(movement, r, appraisal) };
    });
  }

  private renderFilters(total: number, shown: number) {
    const m = t();
    const f = this.filter ?? NO_FILTER;
    const movement = this.orgData.current!.movement;
    const unitIds = [...new Set(this.review.reports.map((r) => r.unitId))].sort((a, b) => this.unitName(a).localeCompare(this.unitName(b), 'vi'));
    const select = (id: string, label: string, value: string, options: [string, string][], on: (v: string) => void) =>
      html`<div>
        <label for=${id}>${label}</label>
        <select id=${id} data-testid=${id} @change=${(e: Event) => on((e.target as HTMLSelectElement).value)}>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
        </select>
      </div>`;
    return html`<div class="filters" role="group" aria-label=${m.reviewTitle}>
        ${select(
          'filter-status',
          m.filterStatus,
          f.status,
          [['all', m.filterAll], ...QUEUE_STATUSES.map((s): [string, string] => [s, m.reportStatus[s]])],
          (v) => this.setFilter('status', v as QueueFilter['status']),
        )}
        ${select('filter-unit', m.filterUnit, f.unitId, [['all', m.filterAll], ...unitIds.map((u): [string, string] => [u, this.unitName(u)])], (v) => this.setFilter('unitId', v))}
        ${select(
          'filter-period',
          m.filterPeriod,
          f.periodId,
          [['all', m.filterAll], ...movement.periods.map((p): [string, string] => [p.id, tx(p.label)])],
          (v) => this.setFilter('periodId', v),
        )}
        ${select(
          'filter-criterion',
          m.filterCriterion,
          f.criterion,
          [['all', m.filterAll], ...movement.criteria.map((c): [string, string] => [c.code, `${c.code} — ${tx(c.text).slice(0, 60)}`])],
          (v) => this.setFilter('criterion', v),
        )}
        ${select(
          'filter-deadline',
          m.filterDeadline,
          f.deadline,
          (['all', 'overdue', 'week', 'none'] as DeadlineFilter[]).map((d): [string, string] => [d, m.deadlineFilter[d]]),
          (v) => this.setFilter('deadline', v as DeadlineFilter),
        )}
      </div>
      <p class="hint" data-testid="queue-count">${m.queueCount(shown, total)}</p>`;
  }

  private renderQueue() {
    const m = t();
    const claims = this.session!.claims!;
    const movement = this.orgData.current!.movement;
    const all = this.rows();
    const rows = filterQueue(all, this.filter ?? NO_FILTER, movement, Date.now());
    const byId = new Map(this.review.reports.map((r) => [r.id, r]));
    return html`<div class="card top">
        <h1>${m.reviewTitle}</h1>
        <p class="hint">${m.reviewIntro}</p>
        ${this.renderFilters(all.length, rows.length)}
      </div>
      <div class="card">
        ${
          rows.length === 0
            ? html`<p data-testid="queue-empty">${m.queueEmpty}</p>`
            : html`<table data-testid="review-queue">
                <thead>
                  <tr>
                    <th>${m.colUnit}</th>
                    <th class="wide">${m.colPeriod}</th>
                    <th>${m.colStatus}</th>
                    <th>${m.colDeadline}</th>
                    <th class="wide">${m.colSelf}</th>
                    <th>${m.colAppraised}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map((row) => {
                    const r = byId.get(row.reportId)!;
                    const recused = isRecused(claims, r.unitId);
                    const input = { movement, report: r, previous: this.previousOf(r) };
                    const self = scoreReport(input);
                    // The same visibility as the detail: others' scores stay hidden when the movement says so.
                    const items = visibleItems(row.appraisal?.items ?? {}, this.session!.user.uid, movement, r.status).shown;
                    const appraised = scoreReport({ ...input, appraised: appraisedScores({ items }) });
                    const applicable = self.items.filter((i) => i.applicable).length;
                    const overdue = row.deadline !== null && row.deadline < Date.now() && r.status === 'returned';
                    return html`<tr
                      class=${recused ? 'recused' : ''}
                      data-testid="review-row"
                      data-report-id=${r.id}
                      data-status=${r.status}
                      data-recused=${String(recused)}
                    >
                      <td>
                        <a href=${`#/review/${encodeURIComponent(r.id)}`} data-testid="open-review">${this.unitName(r.unitId)}</a>
                        ${recused ? html`<br /><span class="badge">${m.recusedBadge}</span>` : nothing}
                      </td>
                      <td class="wide">${this.periodLabel(r.periodId)}</td>
                      <td><status-badge status=${r.status}></status-badge></td>
                      <td class=${overdue ? 'overdue' : ''}>${row.deadline !== null ? formatDate(row.deadline) : '—'}</td>
                      <td class="wide">${formatPercent(self.percent)}</td>
                      <td data-testid="appraised-cell">
                        ${
                          Object.keys(items).length === 0
                            ? // Nothing appraised: the self-score again would read as an appraisal.
                              html`<span class="hint">${m.notAppraisedYet}</span>`
                            : html`${formatPercent(appraised.percent)} <span class="hint">(${m.appraisedCount(Object.keys(items).length, applicable)})</span>`
                        }
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
        }
      </div>`;
  }

  private renderDetail(r: QueueReport) {
    const m = t();
    const s = this.session!;
    const claims = s.claims!;
    const movement = this.orgData.current!.movement;
    const rights = reviewRights(claims, r);
    const appraisal = this.review.appraisals[r.id] ?? null;
    const { shown, hidden } = visibleItems(appraisal?.items ?? {}, s.user.uid, movement, r.status);
    const deadline = effectiveDeadline(movement, r, appraisal);
    return html`<a class="back" href="#/review" data-testid="back-to-queue">${m.back}</a>
      <div class="card top">
        <h1 data-testid="review-title">${m.reviewOf(this.unitName(r.unitId))}</h1>
        <p class="hint">${this.periodLabel(r.periodId)} · ${m.deadline}: ${deadline !== null ? formatDate(deadline) : m.noDeadline}</p>
      </div>
      ${rights.recused ? html`<p class="notice warn" role="note" data-testid="recused-notice">${m.recusedNotice}</p>` : nothing}
      ${!rights.recused && !rights.appraise ? html`<p class="notice" data-testid="read-only-notice">${m.notAppraisable}</p>` : nothing}
      ${rights.appraise && !claims.roles.includes('secretariat') ? html`<p class="notice" data-testid="secretariat-only">${m.secretariatOnly}</p>` : nothing}
      <div role="status" aria-live="polite" data-testid="review-message">
        ${this.message ? html`<p class="notice ${this.message.ok ? 'ok' : 'danger'}">${this.message.text}</p>` : nothing}
      </div>
      <appraisal-panel
        .movement=${movement}
        .report=${r}
        .previous=${this.previousOf(r)}
        .items=${shown}
        .hiddenCodes=${hidden}
        .lastComments=${appraisal?.returnComments ?? {}}
        .evidence=${this.review.evidence}
        .rights=${rights}
        .viewerUid=${s.user.uid}
        .busy=${this.busy}
        @appraise-item=${this.handleAppraise}
        @return-report=${this.handleReturn}
        @approve-report=${this.handleApprove}
        @open-evidence=${this.handleOpenEvidence}
      ></appraisal-panel>`;
  }

  override render() {
    const m = t();
    const claims = this.session?.claims;
    if (!claims || !isReviewer(claims)) return html`<p class="notice" data-testid="not-a-reviewer">${m.notAReviewer}</p>`;
    if (!this.orgData.current || !this.review.loaded) return html`<p class="hint" role="status">${m.loading}</p>`;
    if (this.review.error) return html`<p class="notice danger" role="alert">${m.loadError(this.review.error)}</p>`;
    if (this.openId) {
      const r = this.openReport;
      return r
        ? this.renderDetail(r)
        : html`<a class="back" href="#/review">${m.back}</a>
            <p class="notice" data-testid="report-missing">${m.reportMissing}</p>`;
    }
    return this.renderQueue();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-page': ReviewPage;
  }
}
