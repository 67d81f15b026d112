import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { backendContext } from '../context/backend-context.js';
import { sessionContext } from '../context/session-context.js';
import { emptyOrgData, orgDataContext, type OrgData } from '../context/org-data-context.js';
import { StandingsController } from '../controllers/standings-controller.js';
import type { Backend, Session } from '../data/backend.js';
import { LocaleController, formatNumber, formatTime, locale, t, tx } from '../i18n/index.js';
import { bandText, currentPeriod } from '../logic/movement.js';
import { sortEntries } from '../logic/standings.js';
import { base, controls } from '../styles/shared.js';
import './status-badge.js';

/**
 * The live standings of the current period: rank, unit, score, band and report status. Updates in
 * place whenever the standings document changes (a unit submits, a report is certified…).
 */
@customElement('standings-view')
export class StandingsView extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      h1 {
        font-size: 1.3rem;
        margin: 0 0 0.25rem;
      }
      .sub {
        color: var(--td-muted);
        margin: 0 0 1rem;
        font-size: 0.9rem;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.95rem;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: 0.5rem;
      }
      th,
      td {
        padding: 0.6rem 0.5rem;
        text-align: left;
        border-bottom: 1px solid var(--td-border);
        vertical-align: middle;
      }
      th {
        font-size: 0.8rem;
        color: var(--td-muted);
        font-weight: 600;
        white-space: nowrap;
      }
      td.num,
      th.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
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
      .code {
        display: block;
        font-size: 0.8rem;
        color: var(--td-muted);
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
      .status-inline,
      .band-inline {
        display: none;
      }
      .status-inline {
        margin-top: 0.25rem;
      }
      /* Phones: band and status columns fold into the unit cell, so the unit name keeps its room. */
      @media (max-width: 36rem) {
        .band-col,
        .status-col {
          display: none;
        }
        .status-inline {
          display: block;
        }
        .band-inline {
          display: inline;
        }
      }
    `,
  ];

  private readonly standings = new StandingsController(this);

  @consume({ context: backendContext })
  private backend?: Backend;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @consume({ context: orgDataContext, subscribe: true })
  @state()
  private orgData: OrgData = emptyOrgData;

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(): void {
    const org = this.session?.claims?.org;
    const entry = this.orgData.current;
    this.standings.setTarget(
      this.backend && org && entry
        ? { backend: this.backend, orgId: org, movementId: entry.id, periodId: entry.movement.currentPeriodId }
        : null,
    );
  }

  override render() {
    const m = t();
    const entry = this.orgData.current;
    if (!entry) return nothing;
    const period = currentPeriod(entry.movement);
    const periodLabel = tx(period?.label) || entry.movement.currentPeriodId;
    const c = this.standings;
    const myUnits = new Set(Object.keys(this.session?.claims?.units ?? {}));
    const rows = sortEntries(Object.values(c.standings?.entries ?? {}));
    const reported = new Set(rows.map((r) => r.unitId));
    const missing = Object.entries(this.orgData.units)
      .filter(([id, u]) => u.active && !reported.has(id))
      .map(([, u]) => u.name)
      .sort((a, b) => a.localeCompare(b, 'vi'));
    return html`<div class="card">
      <h1>${m.standingsTitle}</h1>
      <p class="sub">
        ${tx(entry.movement.title)} · ${periodLabel}<br />
        <span aria-live="polite" data-testid="standings-updated">${c.standings ? m.updatedAt(formatTime(c.standings.updatedAt)) : m.liveHint}</span>
      </p>
      ${c.error ? html`<p class="notice danger" role="alert">${m.loadError(c.error)}</p>` : nothing}
      ${!c.loaded
        ? html`<p class="loading" role="status">${m.loading}</p>`
        : rows.length === 0
          ? html`<p class="notice" data-testid="standings-empty">${m.noStandings}</p>`
          : html`<div class="scroll">
              <table data-testid="standings-table">
                <caption class="visually-hidden">${m.standingsCaption(periodLabel)}</caption>
                <thead>
                  <tr>
                    <th scope="col">${m.rank}</th>
                    <th scope="col">${m.unit}</th>
                    <th scope="col" class="num">${m.score}</th>
                    <th scope="col" class="band-col">${m.band}</th>
                    <th scope="col" class="status-col">${m.status}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (r) => html`<tr
                      class=${myUnits.has(r.unitId) ? 'mine' : ''}
                      data-testid="standings-row"
                      data-unit-id=${r.unitId}
                      data-rank=${r.rank}
                      data-percent=${String(r.percent)}
                      data-status=${r.status}
                    >
                      <td class="rank">${r.rank}</td>
                      <th scope="row" style="font-size:inherit;color:inherit;white-space:normal">
                        ${r.unitName}<span class="code">${r.unitCode}${myUnits.has(r.unitId) ? ` · ${m.yourUnit}` : ''}<span class="band-inline"> · ${bandText(entry.movement, r.band, locale())}</span></span>
                        <span class="status-inline"><status-badge status=${r.status}></status-badge></span>
                      </th>
                      <td class="num">
                        <strong>${formatNumber(r.percent)}%</strong><span class="code">${formatNumber(r.total)}/${formatNumber(r.max)}</span>
                      </td>
                      <td class="band-col">${bandText(entry.movement, r.band, locale())}</td>
                      <td class="status-col"><status-badge status=${r.status}></status-badge></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
      ${c.loaded && missing.length
        ? html`<p class="missing" data-testid="standings-missing"><b>${m.notReported}:</b> ${missing.join('; ')}</p>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'standings-view': StandingsView;
  }
}
