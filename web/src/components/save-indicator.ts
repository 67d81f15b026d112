import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SaveState } from '../controllers/report-controller.js';
import { LocaleController, t } from '../i18n/index.js';
import { base } from '../styles/shared.js';

/** Where the draft is: Đã lưu, Đang lưu…, Ngoại tuyến – sẽ đồng bộ khi có mạng, Chưa lưu (or the error). */
@customElement('save-indicator')
export class SaveIndicator extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: inline-block;
        font-size: 0.875rem;
      }
      span {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
      }
      span::before {
        content: '';
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        background: currentColor;
        flex: none;
      }
      .saved {
        color: var(--td-ok);
      }
      .saving,
      .unsaved {
        color: var(--td-muted);
      }
      .offline,
      .conflict {
        color: #7a5500;
      }
      .error {
        color: var(--td-danger);
      }
    `,
  ];

  /** The save state from the report controller. */
  @property() state: SaveState = 'unsaved';
  /** Why the last save failed, when `state` is 'error'. */
  @property() detail: string | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const m = t();
    const text = this.state === 'error' && this.detail ? m.saveErrorDetail(this.detail) : m.saveState[this.state];
    return html`<span class=${this.state} role="status" data-testid="save-state" data-state=${this.state}>${text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'save-indicator': SaveIndicator;
  }
}
