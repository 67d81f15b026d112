import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReportStatus } from '@thidua/domain';
import type { HistoryItem } from '../data/evidence.js';
import { LocaleController, formatDate, formatTime, t } from '../i18n/index.js';
import { base } from '../styles/shared.js';
import './status-badge.js';

/**
 * The report's status and its history: each status change (submitted, certified, returned,
 * approved) with who and when, oldest first, and the return comments. Presentational.
 */
@customElement('report-history')
export class ReportHistory extends LitElement {
  static override styles = [
    base,
    css`
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.5rem;
      }
      ol {
        margin: 0;
        padding-left: 1.25rem;
      }
      li {
        margin-bottom: 0.5rem;
      }
      .who {
        color: var(--td-muted);
        font-size: 0.9rem;
      }
      .reason {
        margin: 0.25rem 0 0;
        font-size: 0.9rem;
        white-space: pre-wrap;
      }
      .empty {
        color: var(--td-muted);
        margin: 0;
      }
    `,
  ];

  /** The current status of the report. */
  @property() status: ReportStatus = 'draft';
  /** Status changes, oldest first. */
  @property({ attribute: false }) entries: readonly HistoryItem[] = [];

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const m = t();
    return html`<h2>${m.historyHeading}</h2>
      <p><status-badge data-testid="history-status" status=${this.status}></status-badge></p>
      ${
        this.entries.length === 0
          ? html`<p class="empty">${m.historyEmpty}</p>`
          : html`<ol data-testid="history">
              ${this.entries.map(
                (e) =>
                  html`<li data-testid="history-entry" data-action=${e.action} data-to=${e.to}>
                    <b>${m.historyAction[e.action]}</b>
                    <span class="who">— ${e.actorName ? m.historyBy(e.actorName) : nothing} · ${formatTime(e.at)} ${formatDate(e.at)}</span>
                    ${e.reason ? html`<p class="reason">${m.historyReason}: ${e.reason}</p>` : nothing}
                  </li>`,
              )}
            </ol>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-history': ReportHistory;
  }
}
