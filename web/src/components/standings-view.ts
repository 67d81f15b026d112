import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  SNAPSHOT_STAGES,
  canFreezeStandings,
  explainRank,
  isReviewer,
  pointsToNextBand,
  trendOf,
  type SnapshotStage,
  type StandingEntry,
} from '@thidua/domain';
import { sessionContext } from '../context/session-context.js';
import { emptyOrgData, orgDataContext, type OrgData } from '../context/org-data-context.js';
import { OnlineController } from '../controllers/online-controller.js';
import { StandingsPageController } from '../controllers/standings-page-controller.js';
import type { Session } from '../data/backend.js';
import type { ScoreScope, StandingsData } from '../data/standings-data.js';
import { LocaleController, formatDate, formatNumber, formatPercent, formatTime, locale, t, tx } from '../i18n/index.js';
import { bandText, type MovementEntry } from '../logic/movement.js';
import { sortEntries } from '../logic/standings.js';
import { barChart, criterionRows, entriesFor, printHtml, snapshotsOf, sparkline, vietnameseDateLine, type ViewSource } from '../logic/standings-page.js';
import { base, controls, dataTable } from '../styles/shared.js';
import { loadStandingsData } from '../data/load-standings-data.js';
import './status-badge.js';
import './movement-trend.js';

const BAND_COLOURS = ['#1e7b34', '#0b5394', '#b7791f', '#b3261e', '#6b7280'];

/**
 * The standings of a period, live or as frozen at a stage: a bar chart with the band thresholds,
 * rank, percent (self-assessed beside appraised), band, trend across periods, and per unit "why
 * this rank" with the points per criterion and the points needed for the next band. Exports the
 * same data to .xlsx, prints it on A4 landscape, and lets the secretariat freeze a stage.
 */
@customElement('standings-view')
export class StandingsView extends LitElement {
  static override styles = [
    base,
    controls,
    dataTable,
    css`
      h1 {
        font-size: 1.3rem;
        margin: 0 0 0.25rem;
      }
      h2 {
        font-size: 1.05rem;
        margin: 1.25rem 0 0.5rem;
      }
      .sub {
        color: var(--td-muted);
        margin: 0 0 1rem;
        font-size: 0.9rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.75rem;
        align-items: flex-end;
        margin-bottom: 1rem;
      }
      .toolbar label {
        font-size: 0.85rem;
        margin: 0;
      }
      .toolbar select {
        min-width: 12rem;
        width: auto;
      }
      .freeze {
        border: 1px dashed var(--td-border-strong);
        border-radius: var(--td-radius);
        padding: 0.75rem;
        margin-bottom: 1rem;
      }
      .freeze p {
        margin: 0 0 0.5rem;
        font-size: 0.85rem;
        color: var(--td-muted);
      }
      th,
      td {
        padding: 0.5rem 0.45rem;
        text-align: left;
        border-bottom: 1px solid var(--td-border);
        vertical-align: middle;
      }
      thead th {
        font-size: 0.8rem;
        color: var(--td-muted);
        font-weight: 600;
        white-space: nowrap;
      }
      td.rank {
        font-weight: 700;
        font-size: 1.05rem;
        width: 2.5rem;
        text-align: center;
      }
      tr.mine > * {
        background: var(--td-info-bg);
      }
      .code,
      .small {
        display: block;
        font-size: 0.8rem;
        color: var(--td-muted);
      }
      .trend {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        white-space: nowrap;
        font-size: 0.85rem;
      }
      tr.detail > td {
        background: var(--td-muted-bg);
        padding: 0.75rem;
      }
      .why ul {
        margin: 0 0 0.75rem;
        padding-left: 1.2rem;
      }
      .why li {
        margin: 0.15rem 0;
      }
      .crit td,
      .crit th {
        padding: 0.3rem 0.4rem;
        font-size: 0.85rem;
      }
      .meter {
        display: inline-block;
        width: 5rem;
        height: 0.5rem;
        background: var(--td-border);
        border-radius: 4px;
        overflow: hidden;
        vertical-align: middle;
        margin-right: 0.4rem;
      }
      .meter > span {
        display: block;
        height: 100%;
        background: var(--td-primary);
      }
      .changed {
        font-weight: 700;
        color: var(--td-danger);
      }
      .chart {
        width: 100%;
        height: auto;
        max-width: 34rem;
        display: block;
        margin: 0 0 0.25rem;
      }
      .legend {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        padding: 0;
        margin: 0 0 1rem;
        font-size: 0.8rem;
        color: var(--td-muted);
      }
      .swatch {
        display: inline-block;
        width: 0.8rem;
        height: 0.8rem;
        border-radius: 2px;
        margin-right: 0.3rem;
        vertical-align: -0.1rem;
      }
      button.link {
        white-space: nowrap;
      }
      .missing {
        margin: 1rem 0 0;
        font-size: 0.9rem;
        color: var(--td-muted);
      }
      .loading {
        color: var(--td-muted);
        text-align: center;
        padding: 2rem 1rem;
      }
      details summary {
        cursor: pointer;
        font-weight: 600;
        margin: 1rem 0 0.5rem;
      }
      .narrow {
        display: none;
      }
      .status-inline {
        margin-top: 0.25rem;
      }
      /* Phones: band, trend and status fold into the unit cell, so the unit name keeps its room. */
      @media (max-width: 36rem) {
        .wide {
          display: none;
        }
        .narrow {
          display: inline;
        }
        .status-inline {
          display: block;
        }
        .meter {
          display: none;
        }
        tr.detail > td {
          padding: 0.5rem 0.25rem;
        }
        .why ul {
          padding-left: 1rem;
        }
      }
      @media print {
        .toolbar,
        .freeze,
        button {
          display: none;
        }
      }
    `,
  ];

  private readonly page = new StandingsPageController(this);
  private readonly network = new OnlineController(this);

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @consume({ context: orgDataContext, subscribe: true })
  @state()
  private orgData: OrgData = emptyOrgData;

  @state() private movementId: string | null = null;
  @state() private periodId: string | null = null;
  @state() private source: ViewSource = 'live';
  @state() private expanded = new Set<string>();
  @state() private busy: 'export' | 'freeze' | null = null;
  @state() private message: { kind: 'ok' | 'danger'; text: string } | null = null;
  @state() private freezeStage: SnapshotStage | null = null;

  /** The data service of the page; Firebase unless a test gives plain data. */
  @property({ attribute: false }) data?: StandingsData;

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.data)
      void loadStandingsData().then((d) => {
        if (d) this.data ??= d;
      });
  }

  /** The movement shown: the one chosen in the toolbar, else the organisation's current one. */
  private get entry(): MovementEntry | null {
    return this.orgData.movements.find((x) => x.id === this.movementId) ?? this.orgData.current;
  }

  /** Movements that have standings to show (a draft has none). */
  private get shownMovements(): MovementEntry[] {
    return this.orgData.movements.filter((x) => x.movement.status !== 'draft');
  }

  /** Whose results across movements to offer: the viewer's own units first, then (reviewers) every unit by code. */
  private get trendUnits(): string[] {
    const own = Object.keys(this.session?.claims?.units ?? {}).sort();
    const claims = this.session?.claims;
    if (!claims || !isReviewer(claims)) return own;
    const all = Object.entries(this.orgData.units)
      .sort(([, a], [, b]) => a.code.localeCompare(b.code, 'vi'))
      .map(([id]) => id);
    return [...own, ...all.filter((u) => !own.includes(u))];
  }

  private handleMovement(e: Event) {
    this.movementId = (e.target as HTMLSelectElement).value;
    this.periodId = null;
    this.source = 'live';
    this.expanded = new Set();
  }

  private get shownPeriod(): string | null {
    return this.periodId ?? this.entry?.movement.currentPeriodId ?? null;
  }

  private get scope(): ScoreScope {
    const claims = this.session?.claims;
    if (claims && isReviewer(claims)) return { kind: 'reviewer' };
    return { kind: 'units', unitIds: Object.keys(claims?.units ?? {}).sort() };
  }

  override willUpdate(): void {
    const org = this.session?.claims?.org;
    const entry = this.entry;
    const period = this.shownPeriod;
    this.page.setTarget(
      this.data && org && entry && period ? { data: this.data, orgId: org, movementId: entry.id, periodId: period, scope: this.scope } : null,
    );
  }

  private handlePeriod(e: Event) {
    this.periodId = (e.target as HTMLSelectElement).value;
    this.source = 'live';
    this.expanded = new Set();
  }

  private handleSource(e: Event) {
    this.source = (e.target as HTMLSelectElement).value as ViewSource;
  }

  private toggle(unitId: string) {
    const next = new Set(this.expanded);
    if (next.has(unitId)) next.delete(unitId);
    else next.add(unitId);
    this.expanded = next;
  }

  private sourceLabel(): string {
    const m = t();
    if (this.source === 'live') return m.stLive;
    const snap = this.page.snapshots.find((s) => s.periodId === this.shownPeriod && s.stage === this.source);
    return snap ? m.stFrozenOption(m.stStage[this.source], `${formatDate(snap.frozenAt)} ${formatTime(snap.frozenAt)}`) : m.stStage[this.source];
  }

  private async handleExport(rows: StandingEntry[]) {
    const entry = this.entry;
    const period = this.shownPeriod;
    if (!entry || !period) return;
    this.busy = 'export';
    this.message = null;
    try {
      const { downloadStandingsXlsx } = await import('../logic/standings-export.js');
      const now = Date.now();
      await downloadStandingsXlsx({
        movement: entry.movement,
        periodId: period,
        entries: rows,
        orgName: this.page.org?.name ?? '',
        source: this.source === 'live' ? 'Trực tiếp' : `Đã chốt ${viStage(this.source)}`,
        generatedAt: `${new Date(now).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })} ${new Date(now).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`,
      });
    } catch (e) {
      this.message = { kind: 'danger', text: t().actionFailed(e instanceof Error ? e.message : String(e)) };
    } finally {
      this.busy = null;
    }
  }

  private handlePrint(rows: StandingEntry[]) {
    const entry = this.entry;
    const period = this.shownPeriod;
    if (!entry || !period) return;
    const mv = entry.movement;
    const label = mv.periods.find((p) => p.id === period)?.label.vi ?? period;
    const now = Date.now();
    const doc = printHtml({
      orgName: this.page.org?.name ?? '',
      dateLine: vietnameseDateLine(this.page.org?.place ?? '', now),
      title: 'Bảng xếp hạng thi đua cải cách hành chính',
      subtitle: `${mv.title.vi} — ${label} — ${this.source === 'live' ? 'Số liệu trực tiếp' : `Bảng đã chốt: ${viStage(this.source)}`}`,
      headers: ['Hạng', 'Ký hiệu', 'Đơn vị', 'Tổng điểm', 'Điểm tối đa', 'Tỷ lệ (%)', 'Xếp loại', 'Tự đánh giá (%)', 'Điểm cần để lên loại'],
      numeric: [true, false, false, true, true, true, false, true, true],
      rows: rows.map((r) => {
        const next = pointsToNextBand(r, mv.bands);
        const vn = (n: number) => String(n).replace('.', ',');
        return [
          String(r.rank),
          r.unitCode,
          r.unitName,
          vn(r.total),
          vn(r.max),
          vn(r.percent),
          r.band,
          r.selfPercent === undefined ? '' : vn(r.selfPercent),
          next ? `${vn(next.points)} (${next.band.vi})` : '—',
        ];
      }),
      footer: `Bảng được in từ phần mềm Thi đua CCHC lúc ${new Date(now).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`,
    });
    const w = window.open('', '_blank');
    if (!w) {
      this.message = { kind: 'danger', text: t().stPopupBlocked };
      return;
    }
    w.document.open();
    w.document.write(doc);
    w.document.close();
    w.focus();
    w.print();
  }

  private async handleFreeze(stage: SnapshotStage) {
    const org = this.session?.claims?.org;
    const entry = this.entry;
    const period = this.shownPeriod;
    if (!this.data || !org || !entry || !period) return;
    this.busy = 'freeze';
    this.message = null;
    try {
      await this.data.freezeStandings({ orgId: org, movementId: entry.id, periodId: period, stage });
      this.message = { kind: 'ok', text: t().stFrozen(t().stStage[stage]) };
      this.source = stage;
      this.freezeStage = null;
    } catch (e) {
      this.message = { kind: 'danger', text: t().actionFailed(e instanceof Error ? e.message : String(e)) };
    } finally {
      this.busy = null;
    }
  }

  private renderChart(rows: StandingEntry[]) {
    const m = t();
    const mv = this.entry!.movement;
    const c = barChart(rows, mv.bands, { width: 420, labelWidth: 70 });
    return html`<svg class="chart" viewBox="0 0 ${c.width} ${c.height}" role="img" aria-label=${m.stChartLabel(rows.length)} data-testid="standings-chart">
        <title>${m.stChartTitle}</title>
        ${c.thresholds.map(
          (th) => svg`<line x1=${th.x} x2=${th.x} y1="14" y2=${c.height} stroke="#8a94a3" stroke-dasharray="4 3" />
          <text x=${th.x} y="11" font-size="10" text-anchor="middle" fill="#5a6472">${th.min}%</text>`,
        )}
        ${c.bars.map(
          (b) => svg`<g data-testid="chart-bar" data-unit-id=${b.unitId} data-percent=${String(b.percent)}>
          <text x=${c.labelWidth - 6} y=${b.y + c.rowHeight / 2 + 4} font-size="12" text-anchor="end" fill="#1b1f24">${b.rank}. ${b.label}</text>
          <rect x=${c.labelWidth} y=${b.y + 4} width=${b.width} height=${c.rowHeight - 8} rx="3" fill=${BAND_COLOURS[b.bandIndex] ?? BAND_COLOURS[4]!} />
          <text x=${c.labelWidth + b.width + 4} y=${b.y + c.rowHeight / 2 + 4} font-size="11" fill="#1b1f24">${formatPercent(b.percent)}</text>
        </g>`,
        )}
      </svg>
      <ul class="legend" aria-hidden="true">
        ${[...mv.bands]
          .sort((a, b) => b.min - a.min)
          .map(
            (b, i) =>
              html`<li>
                <span class="swatch" style="background:${BAND_COLOURS[i] ?? BAND_COLOURS[4]!}"></span>${bandText(mv, b.vi, locale())} (≥ ${b.min}%)
              </li>`,
          )}
      </ul>`;
  }

  private renderTrend(r: StandingEntry) {
    const m = t();
    const mv = this.entry!.movement;
    const tr = trendOf(r.unitId, mv.periods, this.page.byPeriod, this.shownPeriod!);
    const values = tr.points.map((p) => p.percent);
    const sp = sparkline(values, 64, 20);
    const d = tr.percentChange;
    const arrow = d === null ? '' : d > 0 ? '↑' : d < 0 ? '↓' : '→';
    const cls = d === null || d === 0 ? '' : d > 0 ? 'up' : 'down';
    const text = d === null ? m.stTrendNone : d > 0 ? m.stTrendUp(formatNumber(d)) : d < 0 ? m.stTrendDown(formatNumber(-d)) : m.stTrendSame;
    const rank = tr.rankChange ? (tr.rankChange > 0 ? m.stRankUp(tr.rankChange) : m.stRankDown(-tr.rankChange)) : '';
    return html`<span class="trend" data-testid="trend" data-change=${d === null ? '' : String(d)}>
      ${
        sp.points.length > 1
          ? html`<svg width="64" height="20" viewBox="0 0 64 20" aria-hidden="true">
              <path d=${sp.path} fill="none" stroke="#0b5394" stroke-width="1.5" />
              ${sp.points.map((p) => svg`<circle cx=${p.x} cy=${p.y} r="1.8" fill="#0b5394" />`)}
            </svg>`
          : nothing
      }
      <span class=${cls}>${arrow} ${text}${rank ? html`<span class="small">${rank}</span>` : nothing}</span>
    </span>`;
  }

  private renderDetail(r: StandingEntry, rows: StandingEntry[], cols: number) {
    const m = t();
    const mv = this.entry!.movement;
    const x = explainRank(rows, r.unitId, mv);
    // Self-scores per criterion come from the unit's score document, readable only by those entitled.
    const score = this.source === 'live' ? this.page.scores[r.unitId] : undefined;
    const crit = criterionRows(mv, r, score);
    const names = new Map(mv.criteria.map((c) => [c.code, tx(c.text)]));
    return html`<tr class="detail" data-testid="why-rank" data-unit-id=${r.unitId}>
      <td colspan=${cols}>
        <div class="why">
          <strong>${m.stWhyTitle(r.unitName)}</strong>
          <ul>
            ${x?.why.map((w) => html`<li>${tx(w)}</li>`)}
          </ul>
          <p data-testid="next-band" data-points=${x?.nextBand ? String(x.nextBand.points) : ''}>
            <b>${m.stNextBand}:</b>
            ${x?.nextBand ? m.nextBand(formatNumber(x.nextBand.points), locale() === 'vi' ? x.nextBand.band.vi : x.nextBand.band.en || x.nextBand.band.vi) : m.stTopBand}
          </p>
          <div class="scroll">
            <table class="crit" data-testid="criterion-table">
              <caption class="visually-hidden">
                ${m.stCriteriaTitle}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${m.stCriterion}</th>
                  <th scope="col" class="num">${m.stPoints}</th>
                  <th scope="col" class="num">${m.stMax}</th>
                  ${score ? html`<th scope="col" class="num">${m.stSelf}</th>` : nothing}
                </tr>
              </thead>
              <tbody>
                ${crit.map(
                  (c) =>
                    html`<tr data-code=${c.code} data-points=${c.points === null ? '' : String(c.points)} data-self=${c.self === null ? '' : String(c.self)}>
                      <th scope="row" style="font-weight:400"><b>${c.code}</b> <span class="wide">${names.get(c.code)}</span></th>
                      <td class="num">
                        ${
                          c.points === null
                            ? m.stNotApplicable
                            : html`<span class="meter" aria-hidden="true"><span style="width:${c.max ? Math.round((c.points / c.max) * 100) : 0}%"></span></span
                                >${formatNumber(c.points)}`
                        }
                      </td>
                      <td class="num">${c.points === null ? '' : formatNumber(c.max)}</td>
                      ${
                        score
                          ? html`<td class="num ${c.appraised && c.self !== c.points ? 'changed' : ''}">
                              ${c.self === null ? '' : formatNumber(c.self)}${c.appraised ? html`<span class="small">${m.stAppraised}</span>` : nothing}
                            </td>`
                          : nothing
                      }
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${score || this.source !== 'live' ? nothing : html`<p class="small">${m.stSelfHidden}</p>`}
        </div>
      </td>
    </tr>`;
  }

  private renderMatrix(rows: StandingEntry[]) {
    const m = t();
    const mv = this.entry!.movement;
    return html`<details>
      <summary>${m.stMatrixTitle}</summary>
      <div class="scroll">
        <table class="crit" data-testid="criteria-matrix">
          <thead>
            <tr>
              <th scope="col">${m.stCriterion}</th>
              <th scope="col" class="num">${m.stMax}</th>
              ${rows.map((r) => html`<th scope="col" class="num" title=${r.unitName}>${r.unitCode}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${mv.criteria.map(
              (c) =>
                html`<tr>
                  <th scope="row" style="font-weight:400" title=${tx(c.text)}><b>${c.code}</b></th>
                  <td class="num">${formatNumber(c.maxPoints)}</td>
                  ${rows.map((r) => {
                    const row = criterionRows({ criteria: [c], notApplicable: mv.notApplicable }, r)[0]!;
                    return html`<td class="num">${row.points === null ? '—' : formatNumber(row.points)}</td>`;
                  })}
                </tr>`,
            )}
            <tr>
              <th scope="row">${m.stTotal}</th>
              <td></td>
              ${rows.map((r) => html`<td class="num"><b>${formatNumber(r.total)}</b>/${formatNumber(r.max)}</td>`)}
            </tr>
          </tbody>
        </table>
      </div>
    </details>`;
  }

  private renderFreeze(frozen: Set<SnapshotStage>) {
    const m = t();
    const open = SNAPSHOT_STAGES.filter((s) => !frozen.has(s));
    if (!open.length) return html`<div class="freeze"><p>${m.stAllFrozen}</p></div>`;
    const stage = this.freezeStage && open.includes(this.freezeStage) ? this.freezeStage : open[0]!;
    return html`<div class="freeze" data-testid="freeze-panel">
      <strong>${m.stFreezeTitle}</strong>
      <p>${m.stFreezeHint}</p>
      <div class="toolbar" style="margin:0">
        <label
          >${m.stFreezeStage}
          <select data-testid="freeze-stage" @change=${(e: Event) => (this.freezeStage = (e.target as HTMLSelectElement).value as SnapshotStage)}>
            ${open.map((s) => html`<option value=${s} ?selected=${s === stage}>${m.stStage[s]}</option>`)}
          </select>
        </label>
        <button type="button" data-testid="freeze-submit" ?disabled=${this.busy !== null} @click=${() => this.handleFreeze(stage)}>
          ${this.busy === 'freeze' ? m.stFreezing : m.stFreeze}
        </button>
      </div>
    </div>`;
  }

  override render() {
    const m = t();
    const entry = this.entry;
    const period = this.shownPeriod;
    if (!entry || !period) return nothing;
    const mv = entry.movement;
    const c = this.page;
    const periodLabel = tx(mv.periods.find((p) => p.id === period)?.label) || period;
    const myUnits = new Set(Object.keys(this.session?.claims?.units ?? {}));
    const live = c.byPeriod[period];
    const snaps = snapshotsOf(c.snapshots, period);
    const frozen = new Set(snaps.map((s) => s.stage));
    const shown = entriesFor(this.source, live?.entries, c.snapshots, period);
    const rows = sortEntries(shown ?? []);
    const snap = snaps.find((s) => s.stage === this.source);
    const reported = new Set(rows.map((r) => r.unitId));
    const missing = Object.entries(this.orgData.units)
      .filter(([id, u]) => u.active && !reported.has(id))
      .map(([, u]) => u.name)
      .sort((a, b) => a.localeCompare(b, 'vi'));
    const canFreeze = !!this.session?.claims && canFreezeStandings(this.session.claims);
    const COLS = 7;
    return html`<div class="card">
        <h1>${m.standingsTitle}</h1>
        <p class="sub">
          ${tx(mv.title)} · ${periodLabel}<br />
          <span aria-live="polite" data-testid="standings-updated"
            >${
              this.source === 'live'
                ? live
                  ? m.updatedAt(formatTime(live.updatedAt))
                  : m.liveHint
                : snap
                  ? m.stViewingFrozen(m.stStage[snap.stage], `${formatDate(snap.frozenAt)} ${formatTime(snap.frozenAt)}`)
                  : m.stNotFrozen
            }</span
          >
        </p>
        ${
          // Offline, Firestore answers from this device's cache: the last figures it received. The
          // browser's own flag is not enough (it says "online" on a network that reaches nothing).
          this.network.online && !c.stale ? nothing : html`<p class="notice warn" role="status" data-testid="standings-offline">${m.offlineStale}</p>`
        }
        <div class="toolbar">
          ${
            this.shownMovements.length > 1
              ? html`<label
                  >${m.trMovement}
                  <select data-testid="standings-movement" @change=${this.handleMovement}>
                    ${this.shownMovements.map(
                      (x) =>
                        html`<option value=${x.id} ?selected=${x.id === entry.id}>${tx(x.movement.title)} — ${m.movementStatuses[x.movement.status]}</option>`,
                    )}
                  </select>
                </label>`
              : nothing
          }
          <label
            >${m.stPeriod}
            <select data-testid="standings-period" @change=${this.handlePeriod}>
              ${mv.periods.map((p) => html`<option value=${p.id} ?selected=${p.id === period}>${tx(p.label)}</option>`)}
            </select>
          </label>
          <label
            >${m.stSource}
            <select data-testid="standings-source" @change=${this.handleSource}>
              <option value="live" ?selected=${this.source === 'live'}>${m.stLive}</option>
              ${snaps.map(
                (s) =>
                  html`<option value=${s.stage} ?selected=${this.source === s.stage}>
                    ${m.stFrozenOption(m.stStage[s.stage], `${formatDate(s.frozenAt)} ${formatTime(s.frozenAt)}`)}
                  </option>`,
              )}
            </select>
          </label>
          <button
            type="button"
            class="secondary"
            data-testid="standings-export"
            ?disabled=${!rows.length || this.busy !== null}
            @click=${() => this.handleExport(rows)}
          >
            ${this.busy === 'export' ? m.stExporting : m.stExport}
          </button>
          <button type="button" class="secondary" data-testid="standings-print" ?disabled=${!rows.length} @click=${() => this.handlePrint(rows)}>
            ${m.stPrint}
          </button>
        </div>
        ${canFreeze && this.source === 'live' && live ? this.renderFreeze(frozen) : nothing}
        ${this.message ? html`<p class="notice ${this.message.kind}" role=${this.message.kind === 'danger' ? 'alert' : 'status'} data-testid="standings-message">${this.message.text}</p>` : nothing}
        ${c.error ? html`<p class="notice danger" role="alert">${m.loadError(c.error)}</p>` : nothing}
        ${
          !c.loaded
            ? html`<p class="loading" role="status">${m.loading}</p>`
            : rows.length === 0
              ? html`<p class="notice" data-testid="standings-empty">${this.source === 'live' ? m.noStandings : m.stNotFrozen}</p>`
              : html`${this.renderChart(rows)}
                  <div class="scroll">
                    <table data-testid="standings-table" data-source=${this.source}>
                      <caption class="visually-hidden">
                        ${m.standingsCaption(periodLabel)} · ${this.sourceLabel()}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">${m.rank}</th>
                          <th scope="col">${m.unit}</th>
                          <th scope="col" class="num">${m.stPercent}</th>
                          <th scope="col" class="wide">${m.band}</th>
                          <th scope="col" class="wide">${m.stTrend}</th>
                          <th scope="col" class="wide">${m.status}</th>
                          <th scope="col"><span class="visually-hidden">${m.stWhy}</span></th>
                        </tr>
                      </thead>
                      <tbody>
                        ${rows.map((r) => {
                          const open = this.expanded.has(r.unitId);
                          return html`<tr
                              class=${myUnits.has(r.unitId) ? 'mine' : ''}
                              data-testid="standings-row"
                              data-unit-id=${r.unitId}
                              data-rank=${r.rank}
                              data-percent=${String(r.percent)}
                              data-band=${r.band}
                              data-status=${r.status}
                            >
                              <td class="rank">${r.rank}</td>
                              <th scope="row" style="font-size:inherit;color:inherit;white-space:normal;font-weight:600">
                                ${r.unitName}<span class="code"
                                  >${r.unitCode}${myUnits.has(r.unitId) ? ` · ${m.yourUnit}` : ''}<span class="narrow">
                                    · ${bandText(mv, r.band, locale())}</span
                                  ></span
                                >
                                <span class="narrow status-inline"><status-badge status=${r.status}></status-badge></span>
                              </th>
                              <td class="num">
                                <strong>${formatPercent(r.percent)}</strong><span class="code">${formatNumber(r.total)}/${formatNumber(r.max)}</span>
                                ${r.appraised && r.selfPercent !== undefined ? html`<span class="code" data-testid="self-percent">${m.stSelfPercent(formatNumber(r.selfPercent))}</span>` : nothing}
                              </td>
                              <td class="wide">${bandText(mv, r.band, locale())}</td>
                              <td class="wide">${this.renderTrend(r)}</td>
                              <td class="wide"><status-badge status=${r.status}></status-badge></td>
                              <td>
                                <button
                                  type="button"
                                  class="link"
                                  data-testid="why-toggle"
                                  aria-expanded=${open ? 'true' : 'false'}
                                  @click=${() => this.toggle(r.unitId)}
                                >
                                  ${open ? m.stHide : m.stWhy}
                                </button>
                              </td>
                            </tr>
                            ${open ? this.renderDetail(r, rows, COLS) : nothing}`;
                        })}
                      </tbody>
                    </table>
                  </div>
                  ${this.renderMatrix(rows)}`
        }
        ${
          c.loaded && missing.length && this.source === 'live'
            ? html`<p class="missing" data-testid="standings-missing"><b>${m.notReported}:</b> ${missing.join('; ')}</p>`
            : nothing
        }
      </div>
      <movement-trend .unitIds=${this.trendUnits} .data=${this.data}></movement-trend>`;
  }
}

/** Vietnamese stage names for the file and the print (always Vietnamese: they are official papers). */
function viStage(stage: SnapshotStage): string {
  return { 'self-assessment': 'sau tự đánh giá', appraisal: 'sau thẩm định', final: 'kết quả cuối cùng' }[stage];
}

declare global {
  interface HTMLElementTagNameMap {
    'standings-view': StandingsView;
  }
}
