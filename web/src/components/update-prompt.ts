import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';

/** Fired when the person asks for the new version. */
export type UpdateReloadEvent = CustomEvent<void>;

/**
 * "Có phiên bản mới — Tải lại": shown when a new version of the app is installed and waiting.
 * It never reloads by itself, so a form being filled is not lost.
 * @fires update-reload - the person pressed Tải lại
 */
@customElement('update-prompt')
export class UpdatePrompt extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      :host {
        display: block;
        position: fixed;
        inset: auto 1rem 1rem 1rem;
        z-index: 10;
        max-width: 28rem;
        margin: 0 auto;
      }
      div {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        background: var(--td-text);
        color: #fff;
        border-radius: var(--td-radius);
        padding: 0.6rem 0.75rem 0.6rem 1rem;
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
      }
    `,
  ];

  constructor() {
    super();
    new LocaleController(this);
  }

  private handleReload() {
    this.dispatchEvent(new CustomEvent('update-reload', { bubbles: true, composed: true }));
  }

  override render() {
    const m = t();
    return html`<div role="status" aria-label=${m.appUpdateLabel} data-testid="update-prompt">
      <span>${m.appUpdateAvailable}</span>
      <button type="button" class="primary" data-testid="update-reload" @click=${this.handleReload}>${m.appUpdateReload}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'update-prompt': UpdatePrompt;
  }
  interface HTMLElementEventMap {
    'update-reload': UpdateReloadEvent;
  }
}
