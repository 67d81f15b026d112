import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SetUnitInput, type Unit } from '@thidua/domain';
import type { AdminApi } from '../data/admin-api.js';
import { LocaleController, t, issuesTextByField } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import { adminStyles } from '../styles/admin.js';

interface UnitForm {
  unitId: string;
  name: string;
  code: string;
  type: Unit['type'];
  note: string;
  active: boolean;
}

const blank: UnitForm = { unitId: '', name: '', code: '', type: 'phong', note: '', active: true };

/** The organisation's units: list, add, edit, deactivate and reactivate (through `setUnit`). */
@customElement('admin-units')
export class AdminUnits extends LitElement {
  static override styles = [base, controls, adminStyles];

  @state() private form: UnitForm | null = null;
  @state() private editing = false;
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private message: { kind: 'ok' | 'danger'; text: string } | null = null;

  /** The admin API (callables). */
  @property({ attribute: false }) api?: AdminApi;
  /** The organisation. */
  @property({ attribute: false }) orgId = '';
  /** Units by id, inactive ones included. */
  @property({ attribute: false }) units: Record<string, Unit> = {};

  constructor() {
    super();
    new LocaleController(this);
  }

  private handleAdd() {
    this.form = { ...blank };
    this.editing = false;
    this.errors = {};
    this.message = null;
  }

  private handleEdit(id: string) {
    const u = this.units[id]!;
    this.form = { unitId: id, name: u.name, code: u.code, type: u.type, note: u.note ?? '', active: u.active };
    this.editing = true;
    this.errors = {};
    this.message = null;
  }

  private handleInput(field: keyof UnitForm, e: Event) {
    const value = (e.target as HTMLInputElement).value;
    this.form = { ...this.form!, [field]: value };
  }

  private async save(form: UnitForm) {
    const m = t();
    const parsed = SetUnitInput.safeParse({ orgId: this.orgId, ...form, note: form.note.trim() || undefined });
    const errors: Record<string, string> = {};
    if (!parsed.success)
      Object.assign(
        errors,
        issuesTextByField(parsed.error.issues, { unitId: m.unitId, name: m.unitName, code: m.unitCode, type: m.unitType, note: m.unitNote }),
      );
    if (!this.editing && this.units[form.unitId]) errors['unitId'] = m.unitExists(form.unitId);
    this.errors = errors;
    if (!parsed.success || Object.keys(errors).length) return false;
    this.busy = true;
    try {
      await this.api!.setUnit(parsed.data);
      this.message = { kind: 'ok', text: m.unitSaved(parsed.data.name) };
      return true;
    } catch (e) {
      this.message = { kind: 'danger', text: (e as Error).message };
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async handleSubmit(e: Event) {
    e.preventDefault();
    if (this.form && (await this.save(this.form))) this.form = null;
  }

  private async handleToggle(id: string) {
    const u = this.units[id]!;
    this.editing = true;
    await this.save({ unitId: id, name: u.name, code: u.code, type: u.type, note: u.note ?? '', active: !u.active });
  }

  private renderField(field: 'unitId' | 'name' | 'code' | 'note', label: string, hint?: string) {
    const f = this.form!;
    const err = this.errors[field];
    return html`<div class="field">
      <label for=${`unit-${field}`}>${label}</label>
      <input
        id=${`unit-${field}`}
        data-testid=${`unit-${field}`}
        .value=${f[field]}
        ?disabled=${field === 'unitId' && this.editing}
        aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${`unit-${field}-msg`}
        @input=${(e: Event) => this.handleInput(field, e)}
      />
      <p id=${`unit-${field}-msg`} class=${err ? 'error' : 'hint'}>${err ?? hint ?? ''}</p>
    </div>`;
  }

  private renderForm() {
    const m = t();
    const f = this.form!;
    return html`<form class="card" @submit=${this.handleSubmit} novalidate data-testid="unit-form">
      <h3>${this.editing ? m.unitEditHeading(f.name) : m.unitAddHeading}</h3>
      <div class="grid">
        ${this.renderField('unitId', m.unitId, m.unitIdHint)} ${this.renderField('name', m.unitName)} ${this.renderField('code', m.unitCode)}
        <div class="field">
          <label for="unit-type">${m.unitType}</label>
          <select id="unit-type" data-testid="unit-type" .value=${f.type} @change=${(e: Event) => this.handleInput('type', e)}>
            ${(['phong', 'don-vi'] as const).map((x) => html`<option value=${x} ?selected=${f.type === x}>${m.unitTypes[x]}</option>`)}
          </select>
        </div>
        ${this.renderField('note', m.unitNote)}
      </div>
      <div class="buttons">
        <button type="submit" data-testid="unit-save" ?disabled=${this.busy}>${this.busy ? m.saving : m.save}</button>
        <button type="button" class="secondary" @click=${() => (this.form = null)}>${m.formCancel}</button>
      </div>
    </form>`;
  }

  override render() {
    const m = t();
    const ids = Object.keys(this.units).sort((a, b) => this.units[a]!.code.localeCompare(this.units[b]!.code, 'vi'));
    return html`<h2>${m.unitsHeading}</h2>
      ${this.message ? html`<p class="notice ${this.message.kind}" role=${this.message.kind === 'ok' ? 'status' : 'alert'} data-testid="units-message">${this.message.text}</p>` : nothing}
      ${this.form ? this.renderForm() : html`<div class="buttons"><button type="button" data-testid="unit-add" @click=${this.handleAdd}>${m.unitAdd}</button></div>`}
      ${
        ids.length
          ? html`<div class="table-wrap">
              <table data-testid="units-table">
                <thead>
                  <tr>
                    <th>${m.unitCode}</th>
                    <th>${m.unitName}</th>
                    <th>${m.unitId}</th>
                    <th>${m.unitType}</th>
                    <th>${m.statusLabel}</th>
                    <th>${m.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  ${ids.map((id) => {
                    const u = this.units[id]!;
                    return html`<tr class=${u.active ? '' : 'inactive'} data-testid="unit-row" data-unit=${id}>
                      <td>${u.code}</td>
                      <td>${u.name}</td>
                      <td>${id}</td>
                      <td>${m.unitTypes[u.type]}</td>
                      <td><span class="badge ${u.active ? 'ok' : ''}">${u.active ? m.active : m.inactive}</span></td>
                      <td class="row-actions">
                        <button type="button" class="secondary" data-testid="unit-edit" @click=${() => this.handleEdit(id)}>${m.edit}</button>
                        <button type="button" class="secondary" data-testid="unit-toggle" ?disabled=${this.busy} @click=${() => this.handleToggle(id)}>
                          ${u.active ? m.unitDeactivate : m.unitActivate}
                        </button>
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
          : html`<p class="notice">${m.unitsEmpty}</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-units': AdminUnits;
  }
}
