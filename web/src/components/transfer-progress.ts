import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, formatNumber, t } from '../i18n/index.js';
import { base } from '../styles/shared.js';

/** "3,2 MB", "840,5 KB", "230 B": the size a person reads. */
function sizeText(bytes: number): string {
  if (bytes >= 1048576) return `${formatNumber(bytes / 1048576, 1)} MB`;
  return bytes >= 1024 ? `${formatNumber(bytes / 1024, 1)} KB` : `${bytes} B`;
}

/**
 * A transfer's progress: a <progress> with an accessible name and the bytes in words ("Đã tải lên
 * 3,2 / 20 MB (16%)"). Without a known total the bar is indeterminate and only the bytes are said.
 */
@customElement('transfer-progress')
export class TransferProgress extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        margin: 0.35rem 0;
        font-size: 0.875rem;
        color: var(--td-muted);
      }
      progress {
        display: block;
        width: 100%;
        max-width: 24rem;
        height: 0.6rem;
        accent-color: var(--td-primary);
      }
    `,
  ];

  /** Upload or download. */
  @property() kind: 'upload' | 'download' = 'upload';
  /** Bytes moved so far. */
  @property({ type: Number }) loaded = 0;
  /** Bytes in all; null when the server does not say. */
  @property({ attribute: false }) total: number | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const m = t();
    const label = this.kind === 'upload' ? m.progressUploadLabel : m.progressDownloadLabel;
    const total = this.total;
    if (total === null || total <= 0)
      return html`<progress aria-label=${label} data-testid="transfer-progress"></progress>
        <span role="status">${m.progressDownloadUnknown(sizeText(this.loaded))}</span>`;
    const done = Math.min(this.loaded, total);
    const pct = Math.floor((done / total) * 100);
    const words = this.kind === 'upload' ? m.progressUpload(sizeText(done), sizeText(total), pct) : m.progressDownload(sizeText(done), sizeText(total), pct);
    return html`<progress aria-label=${label} max=${total} .value=${done} data-testid="transfer-progress"></progress> <span role="status">${words}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'transfer-progress': TransferProgress;
  }
}
