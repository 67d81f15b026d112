import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { trendAcrossMovements, type MovementTrendRow } from '@thidua/domain';
import { sessionContext } from '../context/session-context.js';
import { emptyOrgData, orgDataContext, type OrgData } from '../context/org-data-context.js';
import { MovementResultsController } from '../controllers/movement-results-controller.js';
import type { Session } from '../data/backend.js';
import type { StandingsData } from '../data/standings-data.js';
import { loadStandingsData } from '../data/load-standings-data.js';
import { LocaleController, formatNumber, formatPercent, locale, t, tx } from '../i18n/index.js';
import { bandText } from '../logic/movement.js';
import { base, controls, dataTable } from '../styles/shared.js';

/** The year a movement's first period starts, in Vietnam: the short name of its column. */
const yearOf = (ms: number) => new Date(ms + 7 * 3_600_000).getUTCFullYear();

/**
 * A unit's results year after year (Plan 119 runs every year, and so do its successors): per
 * movement its result, rank and rating, the change on the movement before, and for the criteria
 * whose codes recur the share of points earned each year (domain `trendAcrossMovements`). Shown on
 * the standings page and on the unit's report page; drafts are left out (nothing is ranked yet).
 */
@customElement('movement-trend')
export class MovementTrend extends LitElement {
  static override styles = [
    base,
    controls,
    dataTable,
    css`
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.25rem;
      }
      h3 {
        font-size: 0.95rem;
        margin: 1rem 0 0.25rem;
      }
      .sub {
        color: var(--td-muted);
        margin: 0 0 0.75rem;
        font-size: 0.9rem;
      }
      .small {
        display: block;
        font-size: 0.8rem;
        color: var(--td-muted);
      }
      label {
        font-size: 0.85rem;
      }
      select {
        width: auto;
        min-width: 12rem;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @consume({ context: orgDataContext, subscribe: true })
  @state()
  private orgData: OrgData = emptyOrgData;

  /** The units whose results may be shown (the viewer's own, or every unit for reviewers); the first is shown first. */
  @property({ attribute: false }) unitIds: string[] = [];
  /** The data service; Firebase unless a test gives plain data (the same one the standings page uses). */
  @property({ attribute: false }) data?: StandingsData;

  @state() private chosen: string | null = null;

  private readonly results = new MovementResultsController(this);

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

  private get movements() {
    return this.orgData.movements.filter((m) => m.movement.status !== 'draft');
  }

  private get unitId(): string | null {
    return this.unitIds.find((u) => u === this.chosen) ?? this.unitIds[0] ?? null;
  }

  override willUpdate(): void {
    const org = this.session?.claims?.org;
    this.results.setTarget(this.data && org && this.movements.length ? { backend: this.data, orgId: org, movements: this.movements } : null);
  }

  private renderRow(r: MovementTrendRow) {
    const m = t();
    const mv = this.movements.find((x) => x.id === r.movementId)?.movement;
    return html`<tr data-testid="movement-trend-row" data-movement-id=${r.movementId} data-percent=${r.percent === null ? '' : String(r.percent)}>
      <th scope="row">${tx(r.title)}</th>
      <td>${m.movementStatuses[r.status]}</td>
      <td>${r.period ? html`${tx(r.period.label)}<span class="small">${r.stage === 'final' ? m.trFinal : m.trLive}</span>` : '—'}</td>
      <td class="num">${r.percent === null ? m.trNotRanked : formatPercent(r.percent)}</td>
      <td class="num">${r.rank === null ? '—' : m.trRankOf(formatNumber(r.rank, 0), formatNumber(r.of, 0))}</td>
      <td>${r.band ? bandText(mv, r.band, locale()) : '—'}</td>
    </tr>`;
  }

  override render() {
    const m = t();
    const unitId = this.unitId;
    const movements = this.movements;
    if (!unitId || !movements.length) return nothing;
    if (this.results.error) return html`<section class="card"><p class="notice danger" role="alert">${m.loadError(this.results.error)}</p></section>`;
    if (!movements.every((x) => this.results.loaded.has(x.id)))
      return html`<section class="card"><p class="loading" role="status">${m.trLoading}</p></section>`;
    const trend = trendAcrossMovements(
      unitId,
      movements.map(({ id, movement }) => ({ id, movement, result: this.results.results[id] ?? null })),
    );
    const unitName = this.orgData.units[unitId]?.name ?? unitId;
    const d = trend.percentChange;
    const change = d === null ? m.trOnlyOne : d > 0 ? m.trUp(formatNumber(d)) : d < 0 ? m.trDown(formatNumber(-d)) : m.trSame;
    return html`<section class="card" data-testid="movement-trend" data-unit-id=${unitId} aria-labelledby="trend-title">
      <h2 id="trend-title">${m.trTitle}</h2>
      ${
        this.unitIds.length > 1
          ? html`<label
              >${m.trUnit}
              <select data-testid="movement-trend-unit" @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
                ${this.unitIds.map((u) => html`<option value=${u} ?selected=${u === unitId}>${this.orgData.units[u]?.name ?? u}</option>`)}
              </select></label
            >`
          : nothing
      }
      <p class="sub">${m.trIntro(unitName)}</p>
      <div class="scroll">
        <table data-testid="movement-trend-table">
          <thead>
            <tr>
              <th scope="col">${m.trMovement}</th>
              <th scope="col">${m.trPhase}</th>
              <th scope="col">${m.trPeriod}</th>
              <th scope="col" class="num">${m.trPercent}</th>
              <th scope="col" class="num">${m.trRank}</th>
              <th scope="col">${m.trBand}</th>
            </tr>
          </thead>
          <tbody>
            ${trend.rows.map((r) => this.renderRow(r))}
          </tbody>
        </table>
      </div>
      <p data-testid="movement-trend-change" data-change=${d === null ? '' : String(d)} class=${d === null ? '' : d > 0 ? 'up' : d < 0 ? 'down' : ''}>
        ${change}
      </p>
      ${
        // Shares per criterion compare years: only once the unit was ranked in two movements.
        trend.rows.filter((r) => r.percent !== null).length > 1
          ? html`<h3>${m.trCriteriaTitle}</h3>
              <p class="sub">${m.trCriteriaHint}</p>
              ${
                trend.criteria.length
                  ? html`<div class="scroll">
                      <table data-testid="movement-trend-criteria">
                        <thead>
                          <tr>
                            <th scope="col">${m.trCriterion}</th>
                            ${trend.rows.map((r) => html`<th scope="col" class="num"><abbr title=${tx(r.title)}>${yearOf(r.start)}</abbr></th>`)}
                          </tr>
                        </thead>
                        <tbody>
                          ${trend.criteria.map(
                            (c) =>
                              html`<tr data-testid="movement-trend-criterion" data-code=${c.code}>
                                <th scope="row">${c.code}<span class="small">${tx(c.text)}</span></th>
                                ${c.cells.map(
                                  (x) =>
                                    html`<td class="num" data-percent=${x ? String(x.percent) : ''}>
                                      ${x ? m.trCell(formatPercent(x.percent), formatNumber(x.points), formatNumber(x.max)) : '—'}
                                    </td>`,
                                )}
                              </tr>`,
                          )}
                        </tbody>
                      </table>
                    </div>`
                  : html`<p class="notice">${m.trNoCriteria}</p>`
              }`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'movement-trend': MovementTrend;
  }
}
