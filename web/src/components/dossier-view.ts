import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DossierStatus } from '@thidua/domain';
import type { AwardsBackend, AwardsScope, DocumentEntry } from '../data/awards-backend.js';
import type { Progress } from '../data/transfer.js';
import { LocaleController, formatDate, t } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import { awardStyles } from '../styles/awards.js';
import { formatsOf } from '../logic/awards.js';
import './transfer-progress.js';

/**
 * The generated dossier as far as the person may read it: each document with its number, current
 * version and SHA-256, its earlier versions, and downloads (DOCX, PDF when there is one, the ZIP of
 * the whole dossier) through the authenticated /api endpoint, which checks the right again.
 */
@customElement('dossier-view')
export class DossierView extends LitElement {
  static override styles = [base, controls, awardStyles];

  @state() private busy = '';
  @state() private progress: Progress | null = null;
  @state() private error = '';
  @state() private open: Record<string, boolean> = {};

  /** The awards data service. */
  @property({ attribute: false }) api?: AwardsBackend;
  /** Organisation and movement. */
  @property({ attribute: false }) scope?: AwardsScope;
  /** The index entries the person may read. */
  @property({ attribute: false }) documents: DocumentEntry[] = [];
  /** Where the dossier's generation is (reviewers; null when nothing was asked yet). */
  @property({ attribute: false }) status: DossierStatus | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  private async handleDownload(d: DocumentEntry, version: number | undefined, format: string | undefined) {
    if (!this.api || !this.scope) return;
    const key = `${d.id}:${version ?? ''}:${format ?? ''}`;
    this.busy = key;
    this.error = '';
    this.progress = { loaded: 0, total: null };
    try {
      await this.api.downloadDocument(this.scope.orgId, this.scope.movementId, d.id, {
        ...(version !== undefined ? { version } : {}),
        ...(format ? { format } : {}),
        fileName: d.fileName,
        onProgress: (p) => (this.progress = p),
      });
    } catch (e) {
      this.error = t().awards.failed((e as Error).message);
    } finally {
      this.busy = '';
      this.progress = null;
    }
  }

  private buttons(d: DocumentEntry, main: string | null, pdf: string | null, version?: number) {
    const m = t().awards;
    return formatsOf(main, pdf, d.fileName).map(
      (f) =>
        html`<button
          type="button"
          class=${version === undefined ? 'secondary' : 'link'}
          data-testid=${version === undefined ? `download-${f.ext}` : `download-version-${f.ext}`}
          data-version=${version ?? d.version}
          ?disabled=${this.busy !== ''}
          @click=${() => this.handleDownload(d, version, f.format)}
        >
          ${this.busy === `${d.id}:${version ?? ''}:${f.format ?? ''}` ? m.downloading : m.download(f.ext)}
        </button>`,
    );
  }

  /** Queued, generating, ready: a labelled bar (indeterminate while it works, full when ready) and the stage in words. */
  private renderStatus(st: DossierStatus) {
    const m = t().awards;
    const working = st.state === 'queued' || st.state === 'generating';
    const text = st.state === 'ready' ? m.dossierReadyCount(st.documents) : m.dossierState[st.state];
    return html`<div class="row" role="status" aria-live="polite" aria-busy=${working ? 'true' : 'false'} data-testid="dossier-status" data-state=${st.state}>
      ${
        st.state === 'failed'
          ? nothing
          : working
            ? html`<progress aria-label=${m.dossierStatusLabel}></progress>`
            : html`<progress aria-label=${m.dossierStatusLabel} max="1" .value=${1}></progress>`
      }
      <span>${text}</span>
    </div>`;
  }

  override render() {
    const m = t().awards;
    const docs = this.documents.filter((d) => d.version > 0);
    return html`<section class="card" data-testid="dossier" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2>${m.dossierTitle}</h2>
      <p class="meta">${m.dossierHint}</p>
      ${this.status ? this.renderStatus(this.status) : nothing}
      ${this.progress ? html`<transfer-progress kind="download" .loaded=${this.progress.loaded} .total=${this.progress.total}></transfer-progress>` : nothing}
      ${this.error ? html`<p class="notice danger" role="alert" data-testid="download-error">${this.error}</p>` : nothing}
      ${
        docs.length === 0
          ? html`<p class="notice" data-testid="dossier-empty">${m.noDocuments}</p>`
          : html`<table>
              <tbody>
                ${docs.map(
                  (d) =>
                    html`<tr data-testid="document" data-doc-id=${d.id} data-doc-type=${d.docType} data-version=${d.version} data-sha256=${d.sha256 ?? ''}>
                      <td>
                        <b>${d.title}</b>${d.active ? nothing : html` <span class="chip bad">${m.inactive}</span>`}<br />
                        <span class="meta"
                          >${d.number ? html`${m.number}: <span data-testid="document-number">${d.number}</span> · ` : nothing}${m.version(d.version)}</span
                        ><br />
                        <span class="meta">${m.hash}: <span class="mono" data-testid="document-hash">${d.sha256 ?? ''}</span></span>
                        ${
                          d.versions.length > 1
                            ? html`<details
                                .open=${this.open[d.id] ?? false}
                                @toggle=${(e: Event) => (this.open = { ...this.open, [d.id]: (e.target as HTMLDetailsElement).open })}
                              >
                                <summary>${m.versions} (${d.versions.length})</summary>
                                <ul class="flags">
                                  ${[...d.versions].reverse().map(
                                    (v) =>
                                      html`<li data-testid="document-version" data-version=${v.version}>
                                        ${m.version(v.version)}${v.createdAt ? ` · ${formatDate(v.createdAt)}` : ''} ·
                                        <span class="mono">${v.sha256.slice(0, 16)}</span>
                                        <div class="row">${this.buttons(d, v.storagePath, v.pdfPath, v.version)}</div>
                                      </li>`,
                                  )}
                                </ul>
                              </details>`
                            : nothing
                        }
                      </td>
                      <td><div class="row">${this.buttons(d, d.storagePath, d.pdfPath)}</div></td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dossier-view': DossierView;
  }
}
