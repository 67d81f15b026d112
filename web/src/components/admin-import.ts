import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { IMPORT_TEMPLATE, checkImport, writeXlsx, type ImportPlan, type RowError, type Text, type Unit } from '@thidua/domain';
import type { AdminApi } from '../data/admin-api.js';
import { LocaleController, t, tx } from '../i18n/index.js';
import { importPayload, readImportFiles, type ImportSource } from '../logic/import-file.js';
import { base, controls } from '../styles/shared.js';
import { adminStyles } from '../styles/admin.js';

/**
 * Import units and members from .xlsx or .csv: reads the files in the browser, previews them with
 * the domain's checks (row, column, message), and sends them to `importOrg` only when clean.
 * The server checks again; either the whole file goes in or nothing does.
 */
@customElement('admin-import')
export class AdminImport extends LitElement {
  static override styles = [base, controls, adminStyles];

  @state() private source: ImportSource | null = null;
  @state() private plan: ImportPlan | null = null;
  /** What the request itself breaks (too many rows…), found by the same check the server runs. */
  @state() private inputProblems: Text[] = [];
  @state() private serverErrors: RowError[] | null = null;
  @state() private reading = false;
  @state() private busy = false;
  /** Rows written by the last import (its result), for the finished progress bar. */
  @state() private written: number | null = null;
  @state() private message: { kind: 'ok' | 'danger'; text: string } | null = null;

  /** The admin API (callables). */
  @property({ attribute: false }) api?: AdminApi;
  /** The organisation. */
  @property({ attribute: false }) orgId = '';
  /** Existing units (members may refer to them). */
  @property({ attribute: false }) units: Record<string, Unit> = {};

  constructor() {
    super();
    new LocaleController(this);
  }

  private async handleFiles(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (!files.length) return;
    this.reading = true;
    this.message = null;
    this.serverErrors = null;
    this.written = null;
    try {
      const picked = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      this.source = await readImportFiles(picked);
      const checked = checkImport(importPayload(this.orgId, this.source), Object.keys(this.units));
      this.plan = checked.plan;
      this.inputProblems = checked.problems;
    } finally {
      this.reading = false;
    }
  }

  private async handleTemplate() {
    const bytes = await writeXlsx(IMPORT_TEMPLATE);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'thidua-mau-nhap.xlsx';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async handleImport() {
    const m = t();
    const src = this.source;
    if (!src || !this.api) return;
    this.busy = true;
    try {
      const res = await this.api.importOrg(importPayload(this.orgId, src));
      if (res.ok) {
        this.written = res.units + res.members;
        this.message = { kind: 'ok', text: m.importDone(res.units, res.members, res.created.length) };
        this.source = null;
        this.plan = null;
        const input = this.renderRoot.querySelector<HTMLInputElement>('#import-file');
        if (input) input.value = '';
      } else {
        this.serverErrors = res.errors;
        this.message = { kind: 'danger', text: m.importRefused };
      }
    } catch (e) {
      this.message = { kind: 'danger', text: (e as Error).message };
    } finally {
      this.busy = false;
    }
  }

  /**
   * Where the import is: reading the file, rows checked (and errors), writing, rows written. The
   * server writes all or nothing in one call, so writing has no byte count: the bar is
   * indeterminate until the result, then full.
   */
  private renderProgress(rows: number, errors: number) {
    const m = t();
    const label = m.importProgressLabel;
    let body: unknown = nothing;
    if (this.reading) body = html`<progress aria-label=${label}></progress><span>${m.importReading}</span>`;
    else if (this.busy) body = html`<progress aria-label=${label}></progress><span>${m.importWriting(rows)}</span>`;
    else if (this.written !== null)
      body = html`<progress aria-label=${label} max=${Math.max(this.written, 1)} .value=${this.written}></progress
        ><span>${m.importWritten(this.written)}</span>`;
    else if (this.source) body = html`<span>${m.importChecked(rows, errors)}</span>`;
    return html`<div class="progress" role="status" aria-live="polite" aria-busy=${this.reading || this.busy ? 'true' : 'false'} data-testid="import-progress">
      ${body}
    </div>`;
  }

  private renderErrors(errors: RowError[], problems: Text[]) {
    const m = t();
    if (!errors.length && !problems.length) return nothing;
    return html`<div class="notice danger" role="alert" data-testid="import-errors">
      <strong>${m.importErrorsTitle(errors.length + problems.length)}</strong>
      ${
        problems.length
          ? html`<ul>
              ${problems.map((p) => html`<li data-testid="import-problem">${tx(p)}</li>`)}
            </ul>`
          : nothing
      }
      ${
        errors.length
          ? html`<div class="table-wrap">
              <table data-testid="import-error-table">
                <thead>
                  <tr>
                    <th>${m.importSheet}</th>
                    <th class="num">${m.importRow}</th>
                    <th>${m.importColumn}</th>
                    <th>${m.importMessage}</th>
                  </tr>
                </thead>
                <tbody>
                  ${errors.map(
                    (e) =>
                      html`<tr data-testid="import-error" data-sheet=${e.sheet} data-row=${e.row} data-column=${e.column}>
                        <td>${this.source?.from[e.sheet] ?? m.importSheets[e.sheet]}</td>
                        <td class="num">${e.row}</td>
                        <td>${e.column}</td>
                        <td>${tx(e.message)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderPreview(plan: ImportPlan) {
    const m = t();
    return html`${
      plan.units.length
        ? html`<h3>${m.importUnitsTitle(plan.units.length)}</h3>
            <div class="table-wrap">
              <table data-testid="import-units">
                <thead>
                  <tr>
                    <th>${m.unitId}</th>
                    <th>${m.unitName}</th>
                    <th>${m.unitCode}</th>
                    <th>${m.unitType}</th>
                  </tr>
                </thead>
                <tbody>
                  ${plan.units.map(
                    (u) =>
                      html`<tr>
                        <td>${u.id}</td>
                        <td>${u.name}</td>
                        <td>${u.code}</td>
                        <td>${m.unitTypes[u.type]}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : nothing
    }
    ${
      plan.members.length
        ? html`<h3>${m.importMembersTitle(plan.members.length)}</h3>
            <div class="table-wrap">
              <table data-testid="import-members">
                <thead>
                  <tr>
                    <th class="num">${m.importRow}</th>
                    <th>${m.memberEmail}</th>
                    <th>${m.memberName}</th>
                    <th>${m.unitsLabel}</th>
                    <th>${m.rolesLabel}</th>
                  </tr>
                </thead>
                <tbody>
                  ${plan.members.map(
                    (x, i) =>
                      html`<tr>
                        <td class="num">${plan.memberRows[i]}</td>
                        <td>${x.email}</td>
                        <td>${x.displayName}</td>
                        <td>
                          ${Object.entries(x.units)
                            .map(([u, r]) => `${u} (${m.unitRole[r]})`)
                            .join(', ')}
                        </td>
                        <td>${x.roles.map((r) => m.orgRole[r]).join(', ')}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : nothing
    }`;
  }

  override render() {
    const m = t();
    const src = this.source;
    const plan = this.plan;
    const errors = this.serverErrors ?? plan?.errors ?? [];
    const problems = [...(src?.problems ?? []), ...this.inputProblems];
    const empty = !!plan && !errors.length && !plan.units.length && !plan.members.length;
    const ready = !!plan && !errors.length && !problems.length && !empty;
    return html`<h2>${m.importHeading}</h2>
      <p class="hint">${m.importIntro}</p>
      <div class="buttons">
        <button type="button" class="secondary" data-testid="import-template" @click=${this.handleTemplate}>${m.importTemplate}</button>
      </div>
      <div class="field" style="margin-top: 1rem">
        <label for="import-file">${m.importChoose}</label>
        <input
          id="import-file"
          data-testid="import-file"
          type="file"
          multiple
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          @change=${this.handleFiles}
        />
      </div>
      ${this.renderProgress((src?.units.length ?? 0) + (src?.members.length ?? 0), errors.length + problems.length)}
      ${this.message ? html`<p class="notice ${this.message.kind}" role=${this.message.kind === 'ok' ? 'status' : 'alert'} data-testid="import-message">${this.message.text}</p>` : nothing}
      ${
        src
          ? html`<p class="hint" data-testid="import-sources">
              ${(['units', 'members'] as const)
                .filter((k) => src.from[k])
                .map((k) => m.importFrom(m.importSheets[k], src.from[k]!))
                .join(' · ')}
            </p>`
          : nothing
      }
      ${
        src?.ignored.length
          ? html`<p class="hint" data-testid="import-ignored">${src.ignored.map((s) => m.importIgnored(s.label, s.why)).join(' · ')}</p>`
          : nothing
      }
      ${this.renderErrors(errors, problems)} ${empty ? html`<p class="notice warn">${m.importNothing}</p>` : nothing}
      ${plan && !errors.length ? this.renderPreview(plan) : nothing}
      ${
        ready
          ? html`<div class="buttons">
              <button type="button" data-testid="import-submit" ?disabled=${this.busy} @click=${this.handleImport}>
                ${this.busy ? m.saving : m.importSubmit(plan.units.length, plan.members.length)}
              </button>
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-import': AdminImport;
  }
}
