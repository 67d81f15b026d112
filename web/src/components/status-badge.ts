import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReportStatus } from '@thidua/domain';
import { LocaleController, t } from '../i18n/index.js';
import { base } from '../styles/shared.js';

/** A report's status as a coloured label (Bản nháp, Đã gửi, Đã xác nhận, Bị trả lại, Đã duyệt). */
@customElement('status-badge')
export class StatusBadge extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: inline-block;
      }
      span {
        display: inline-block;
        padding: 0.125rem 0.6rem;
        border-radius: 999px;
        font-size: 0.85rem;
        font-weight: 600;
        white-space: nowrap;
        border: 1px solid transparent;
      }
      .draft {
        background: var(--td-muted-bg);
        color: var(--td-muted);
        border-color: var(--td-border);
      }
      .submitted {
        background: var(--td-info-bg);
        color: var(--td-primary-dark);
        border-color: var(--td-info-border);
      }
      .certified,
      .approved {
        background: var(--td-ok-bg);
        color: var(--td-ok);
        border-color: var(--td-ok);
      }
      .returned {
        background: var(--td-warn-bg);
        color: #7a5500;
        border-color: var(--td-warn-border);
      }
    `,
  ];

  /** The status to show. */
  @property() status: ReportStatus = 'draft';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    return html`<span class=${this.status} data-status=${this.status}>${t().reportStatus[this.status]}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-badge': StatusBadge;
  }
}
