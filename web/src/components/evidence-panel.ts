import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES } from '@thidua/domain';
import type { EvidenceItem } from '../data/evidence.js';
import type { Transfer } from '../controllers/evidence-controller.js';
import { evidenceDetach, evidenceDownload, evidenceFile, evidenceLink, evidenceRefused, evidenceReuse } from '../events/evidence-events.js';
import { LocaleController, formatNumber, locale, t } from '../i18n/index.js';
import { checkFile, parseLink, parseMeta, shortHash, type MetaDraft, type MetaErrors } from '../logic/evidence.js';
import { base, controls } from '../styles/shared.js';
import './transfer-progress.js';

type Mode = 'file' | 'link' | 'reuse';

const ACCEPT = Object.entries(EVIDENCE_TYPES)
  .flatMap(([type, spec]) => [type, ...spec.ext.map((e) => `.${e}`)])
  .join(',');

const emptyMeta = (): MetaDraft => ({ title: '', docNumber: '', docDate: '', issuer: '' });

/**
 * The evidence (tài liệu kiểm chứng) of one item: what is attached (title, official metadata,
 * file name, size, short SHA-256, download or link), and a small form to attach a file, a link to
 * a document in the city's systems, or a piece the unit already has. Checks what was typed with
 * the domain's schemas and the file with the domain's file check before anything is sent; a
 * refusal shows its reason and keeps every box as typed. Presentational: data in, events out.
 *
 * @fires evidence-file - a checked file and its metadata, to upload and attach
 * @fires evidence-link - a checked link and its metadata, to record and attach
 * @fires evidence-reuse - an existing piece of the unit's evidence, to attach to this item too
 * @fires evidence-detach - a piece to take off this item (the piece itself stays)
 * @fires evidence-download - a file to download
 * @fires evidence-refused - the browser's reason for refusing a file (or null to clear it)
 */
@customElement('evidence-panel')
export class EvidencePanel extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      section {
        margin-top: 0.75rem;
      }
      h3 {
        font-size: 0.95rem;
        margin: 0 0 0.25rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--td-border);
        border-radius: var(--td-radius);
        margin-bottom: 0.5rem;
        font-size: 0.875rem;
      }
      li .title {
        font-weight: 600;
      }
      li .facts {
        color: var(--td-muted);
        overflow-wrap: anywhere;
      }
      li .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: center;
      }
      code {
        font-size: 0.8rem;
      }
      .modes {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        border: 0;
        padding: 0;
        margin: 0.5rem 0;
      }
      .modes label {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        font-weight: normal;
        min-height: 32px;
      }
      .modes input {
        width: auto;
        min-height: 0;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0.5rem 0.75rem;
      }
      .field {
        margin-bottom: 0.5rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--td-primary);
        min-height: 32px;
      }
    `,
  ];

  @query('input[type=file]') private fileInput?: HTMLInputElement;

  @state() private mode: Mode = 'file';
  @state() private meta: MetaDraft = emptyMeta();
  @state() private url = '';
  @state() private pick = '';
  @state() private file: File | null = null;
  @state() private errors: MetaErrors = {};
  @state() private checking = false;
  /** The add form is unfolded (by the person, or to show a refusal). */
  @state() private open = false;

  /** The item's code. */
  @property() code = '';
  /** Ids of the evidence attached to this item (the report's answers). */
  @property({ attribute: false }) attachedIds: readonly string[] = [];
  /** The unit's evidence for the movement. */
  @property({ attribute: false }) items: readonly EvidenceItem[] = [];
  /** Which items each piece backs in this report (id → codes). */
  @property({ attribute: false }) usedBy: ReadonlyMap<string, readonly string[]> = new Map();
  /** A request for this item is in flight. */
  @property({ type: Boolean }) busy = false;
  /** This item's upload or download in flight (or its last one, done), with its bytes so far. */
  @property({ attribute: false }) transfer: Transfer | null = null;
  /** The last refusal for this item (the server's or the browser's reason). */
  @property() error: string | null = null;
  /** Read-only (the report is locked or past its deadline). */
  @property({ type: Boolean }) disabled = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('error') && this.error) this.open = true;
    const before = changed.get('attachedIds') as readonly string[] | undefined;
    // A new piece arrived on this item: the form did its job, start it afresh.
    if (before && this.attachedIds.length > before.length) {
      this.meta = emptyMeta();
      this.url = '';
      this.pick = '';
      this.file = null;
      this.errors = {};
      this.open = false;
      if (this.fileInput) this.fileInput.value = '';
    }
  }

  private setMeta(key: keyof MetaDraft, e: Event) {
    this.meta = { ...this.meta, [key]: (e.target as HTMLInputElement).value };
    if (this.errors[key]) this.errors = { ...this.errors, [key]: undefined };
  }

  private handleFile(e: Event) {
    this.file = (e.target as HTMLInputElement).files?.[0] ?? null;
    this.errors = { ...this.errors, file: undefined };
    this.dispatchEvent(evidenceRefused({ code: this.code, reason: null }));
    // A title to start from: the file's name without its extension.
    if (this.file && this.meta.title.trim() === '') this.meta = { ...this.meta, title: this.file.name.replace(/\.[^.]+$/, '') };
  }

  private async handleSubmit(e: Event) {
    e.preventDefault();
    const m = t();
    if (this.busy || this.checking) return;
    if (this.mode === 'reuse') {
      if (!this.pick) {
        this.errors = { file: m.evidenceChooseExisting };
        return;
      }
      this.dispatchEvent(evidenceReuse({ code: this.code, evidenceId: this.pick }));
      return;
    }
    if (this.mode === 'link') {
      const r = parseLink(this.meta, this.url, this.code);
      if (!r.ok) {
        this.errors = r.errors;
        return;
      }
      this.errors = {};
      this.dispatchEvent(evidenceLink({ code: this.code, meta: r.meta, url: r.url }));
      return;
    }
    const r = parseMeta(this.meta, this.code);
    const errors: MetaErrors = r.ok ? {} : { ...r.errors };
    if (!this.file) errors.file = m.evidenceChooseFile;
    this.errors = errors;
    if (!r.ok || !this.file) return;
    this.checking = true;
    try {
      const file = this.file;
      const { contentType, refused } = await checkFile(file);
      if (refused) {
        const reason = locale() === 'en' && refused.en ? refused.en : refused.vi;
        this.dispatchEvent(evidenceRefused({ code: this.code, reason }));
        return;
      }
      this.dispatchEvent(evidenceFile({ code: this.code, meta: r.meta, file, contentType }));
    } finally {
      this.checking = false;
    }
  }

  private renderItem(id: string) {
    const m = t();
    const e = this.items.find((x) => x.id === id);
    if (!e) return html`<li data-testid="evidence-item" data-id=${id}><span class="facts">${m.evidenceLoadingItem}</span></li>`;
    const official = [
      e.docNumber ? `${m.evidenceNumber} ${e.docNumber}` : '',
      e.docDate ? `${m.evidenceDate} ${e.docDate.split('-').reverse().join('/')}` : '',
      e.issuer ?? '',
    ].filter(Boolean);
    const used = this.usedBy.get(id) ?? [];
    return html`<li data-testid="evidence-item" data-id=${id} data-kind=${e.kind} data-sha256=${e.sha256 ?? ''}>
      <div class="title" data-testid="evidence-title">${e.title}</div>
      ${official.length ? html`<div class="facts" data-testid="evidence-official">${official.join(', ')}</div>` : nothing}
      ${
        e.kind === 'file'
          ? html`<div class="facts row">
              <span data-testid="evidence-file-name">${e.fileName}</span>
              <span data-testid="evidence-size">${m.evidenceSize(formatNumber((e.size ?? 0) / 1024, 1))}</span>
              <span>${m.evidenceHash} <code data-testid="evidence-hash" title=${e.sha256 ?? ''}>${shortHash(e.sha256 ?? '')}</code></span>
            </div>`
          : html`<div class="facts"><a href=${e.url ?? '#'} target="_blank" rel="noopener noreferrer" data-testid="evidence-url">${e.url}</a></div>`
      }
      ${used.length > 1 ? html`<div class="facts" data-testid="evidence-used-for">${m.evidenceUsedFor(used.join(', '))}</div>` : nothing}
      <div class="row">
        ${
          e.kind === 'file'
            ? html`<button
                type="button"
                class="link"
                data-testid="evidence-download"
                @click=${() => this.dispatchEvent(evidenceDownload({ code: this.code, evidenceId: id }))}
              >
                ${m.evidenceDownload}
              </button>`
            : html`<a href=${e.url ?? '#'} target="_blank" rel="noopener noreferrer">${m.evidenceOpenLink}</a>`
        }
        ${
          this.disabled
            ? nothing
            : html`<button
                type="button"
                class="link"
                data-testid="evidence-detach"
                @click=${() => this.dispatchEvent(evidenceDetach({ code: this.code, evidenceId: id }))}
              >
                ${m.evidenceDetach}
              </button>`
        }
      </div>
    </li>`;
  }

  private renderMetaFields() {
    const m = t();
    const err = this.errors;
    const box = (key: keyof MetaDraft, label: string, type = 'text') =>
      html`<div class="field">
        <label for=${`ev-${key}`}>${label}</label>
        <input
          id=${`ev-${key}`}
          type=${type}
          .value=${this.meta[key]}
          aria-invalid=${err[key] ? 'true' : 'false'}
          data-testid=${`evidence-${key}`}
          @input=${(e: Event) => this.setMeta(key, e)}
        />
        ${err[key] ? html`<p class="error" data-testid=${`evidence-${key}-error`}>${err[key]}</p>` : nothing}
      </div>`;
    return html`${box('title', m.evidenceTitle)}
      <div class="grid">${box('docNumber', m.evidenceDocNumber)} ${box('docDate', m.evidenceDocDate, 'date')} ${box('issuer', m.evidenceIssuer)}</div>`;
  }

  private renderForm() {
    const m = t();
    const others = this.items.filter((e) => !this.attachedIds.includes(e.id));
    const modes: [Mode, string][] = [
      ['file', m.evidenceModeFile],
      ['link', m.evidenceModeLink],
      ['reuse', m.evidenceModeReuse],
    ];
    const working = this.busy || this.checking;
    return html`<details .open=${this.open} @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)} data-testid="evidence-add">
      <summary>${m.evidenceAdd}</summary>
      <form @submit=${this.handleSubmit} novalidate>
        <fieldset class="modes">
          <legend class="visually-hidden">${m.evidenceAdd}</legend>
          ${modes.map(
            ([mode, label]) =>
              html`<label>
                <input
                  type="radio"
                  name="mode"
                  .checked=${this.mode === mode}
                  data-testid=${`evidence-mode-${mode}`}
                  @change=${() => {
                    this.mode = mode;
                    this.errors = {};
                  }}
                />
                ${label}
              </label>`,
          )}
        </fieldset>
        ${
          this.mode === 'file'
            ? html`<div class="field">
                  <label for="ev-file">${m.evidenceFile}</label>
                  <input id="ev-file" type="file" accept=${ACCEPT} data-testid="evidence-file" @change=${this.handleFile} />
                  <p class="hint">${m.evidenceFileHint(MAX_EVIDENCE_BYTES / 1048576)}</p>
                  ${this.errors.file ? html`<p class="error">${this.errors.file}</p>` : nothing}
                </div>
                ${this.renderMetaFields()}`
            : nothing
        }
        ${
          this.mode === 'link'
            ? html`<div class="field">
                  <label for="ev-url">${m.evidenceUrl}</label>
                  <input
                    id="ev-url"
                    type="url"
                    inputmode="url"
                    .value=${this.url}
                    aria-invalid=${this.errors.url ? 'true' : 'false'}
                    data-testid="evidence-url-input"
                    @input=${(e: Event) => {
                      this.url = (e.target as HTMLInputElement).value;
                      this.errors = { ...this.errors, url: undefined };
                    }}
                  />
                  ${this.errors.url ? html`<p class="error" data-testid="evidence-url-error">${this.errors.url}</p>` : nothing}
                </div>
                ${this.renderMetaFields()}`
            : nothing
        }
        ${
          this.mode === 'reuse'
            ? others.length === 0
              ? html`<p class="hint">${m.evidenceReuseEmpty}</p>`
              : html`<div class="field">
                  <label for="ev-pick">${m.evidenceReuseSelect}</label>
                  <select id="ev-pick" data-testid="evidence-pick" @change=${(e: Event) => (this.pick = (e.target as HTMLSelectElement).value)}>
                    <option value="" ?selected=${this.pick === ''}>—</option>
                    ${others.map((e) => html`<option value=${e.id} ?selected=${this.pick === e.id}>${e.title}${e.fileName ? ` (${e.fileName})` : ''}</option>`)}
                  </select>
                  ${this.errors.file ? html`<p class="error">${this.errors.file}</p>` : nothing}
                </div>`
            : nothing
        }
        <button type="submit" class="secondary" data-testid="evidence-submit" ?disabled=${working}>
          ${working ? m.evidenceUploading : this.mode === 'file' ? m.evidenceSubmitFile : this.mode === 'link' ? m.evidenceSubmitLink : m.evidenceSubmitReuse}
        </button>
        <div role="alert">${this.error ? html`<p class="error" data-testid="evidence-error">${this.error}</p>` : nothing}</div>
      </form>
    </details>`;
  }

  override render() {
    const m = t();
    // One landmark per item, so each needs its own name (axe landmark-unique): the item's code.
    const tr = this.transfer;
    return html`<section data-testid="evidence" aria-label=${m.evidenceHeadingFor(this.code)} aria-busy=${this.busy || (tr && !tr.done) ? 'true' : 'false'}>
      <h3>${m.evidenceHeading}</h3>
      ${tr ? html`<transfer-progress .kind=${tr.kind} .loaded=${tr.loaded} .total=${tr.total}></transfer-progress>` : nothing}
      ${
        this.attachedIds.length === 0
          ? html`<p class="hint" style="margin:0 0 0.5rem">${m.evidenceNone}</p>`
          : html`<ul>
              ${this.attachedIds.map((id) => this.renderItem(id))}
            </ul>`
      }
      ${this.disabled ? nothing : this.renderForm()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'evidence-panel': EvidencePanel;
  }
}
