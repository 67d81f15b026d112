import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { OrgRole, SetMemberInput, type Unit, type UnitRole } from '@thidua/domain';
import type { AdminApi, MemberEntry } from '../data/admin-api.js';
import { LocaleController, t, issuesTextByField } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import { adminStyles } from '../styles/admin.js';

interface MemberForm {
  email: string;
  displayName: string;
  position: string;
  roles: OrgRole[];
  units: Record<string, UnitRole>;
  active: boolean;
}

/**
 * The organisation's members: invite by email, assign roles and units, deactivate and reactivate.
 * Every change goes through the `setMember` callable, which sets the claims and audits.
 */
@customElement('admin-members')
export class AdminMembers extends LitElement {
  static override styles = [base, controls, adminStyles];

  @state() private form: MemberForm | null = null;
  @state() private editing = false;
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private message: { kind: 'ok' | 'danger'; text: string; link?: string } | null = null;

  /** The admin API (callables). */
  @property({ attribute: false }) api?: AdminApi;
  /** The organisation. */
  @property({ attribute: false }) orgId = '';
  /** Units by id (for names and the unit picker). */
  @property({ attribute: false }) units: Record<string, Unit> = {};
  /** Members, sorted by name. */
  @property({ attribute: false }) members: MemberEntry[] = [];
  /** The signed-in admin's uid (an admin cannot lock themself out). */
  @property({ attribute: false }) selfUid = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  private handleInvite() {
    this.form = { email: '', displayName: '', position: '', roles: [], units: {}, active: true };
    this.editing = false;
    this.errors = {};
    this.message = null;
  }

  private handleEdit(entry: MemberEntry) {
    const x = entry.member;
    this.form = { email: x.email, displayName: x.displayName, position: x.position ?? '', roles: [...x.roles], units: { ...x.units }, active: x.active };
    this.editing = true;
    this.errors = {};
    this.message = null;
  }

  private handleText(field: 'email' | 'displayName' | 'position', e: Event) {
    this.form = { ...this.form!, [field]: (e.target as HTMLInputElement).value };
  }

  private handleRole(role: OrgRole, e: Event) {
    const on = (e.target as HTMLInputElement).checked;
    const roles = this.form!.roles.filter((r) => r !== role);
    this.form = { ...this.form!, roles: on ? [...roles, role] : roles };
  }

  private handleUnit(unitId: string, e: Event) {
    const value = (e.target as HTMLSelectElement).value;
    const units = { ...this.form!.units };
    if (value === 'staff' || value === 'head') units[unitId] = value;
    else delete units[unitId];
    this.form = { ...this.form!, units };
  }

  /** The fields as the form labels them, for the sentences about bad input. */
  private labels(): Record<string, string> {
    const m = t();
    return { email: m.memberEmail, displayName: m.memberName, position: m.memberPosition, roles: m.memberRoles, units: m.memberUnits };
  }

  private async save(form: MemberForm): Promise<boolean> {
    const m = t();
    const parsed = SetMemberInput.safeParse({ orgId: this.orgId, ...form, position: form.position.trim() || undefined });
    const errors: Record<string, string> = {};
    if (!parsed.success) Object.assign(errors, issuesTextByField(parsed.error.issues, this.labels()));
    this.errors = errors;
    if (!parsed.success) return false;
    this.busy = true;
    try {
      const res = await this.api!.setMember(parsed.data);
      const name = parsed.data.displayName;
      this.message = res.inviteLink
        ? { kind: 'ok', text: m.memberInvited(parsed.data.email), link: res.inviteLink }
        : { kind: 'ok', text: parsed.data.active ? m.memberSaved(name) : m.memberDeactivated(name) };
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

  private async handleToggle(entry: MemberEntry) {
    const x = entry.member;
    await this.save({ email: x.email, displayName: x.displayName, position: x.position ?? '', roles: x.roles, units: x.units, active: !x.active });
  }

  private renderText(field: 'email' | 'displayName' | 'position', label: string, type = 'text') {
    const err = this.errors[field];
    return html`<div class="field">
      <label for=${`member-${field}`}>${label}</label>
      <input
        id=${`member-${field}`}
        data-testid=${`member-${field}`}
        type=${type}
        .value=${this.form![field]}
        ?disabled=${field === 'email' && this.editing}
        aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${`member-${field}-msg`}
        @input=${(e: Event) => this.handleText(field, e)}
      />
      ${err ? html`<p id=${`member-${field}-msg`} class="error">${err}</p>` : nothing}
    </div>`;
  }

  private renderForm() {
    const m = t();
    const f = this.form!;
    const unitIds = Object.keys(this.units)
      .filter((id) => this.units[id]!.active || f.units[id])
      .sort((a, b) => this.units[a]!.code.localeCompare(this.units[b]!.code, 'vi'));
    return html`<form class="card" @submit=${this.handleSubmit} novalidate data-testid="member-form">
      <h3>${this.editing ? m.memberEditHeading(f.displayName) : m.memberInviteHeading}</h3>
      <div class="grid">
        ${this.renderText('email', m.memberEmail, 'email')} ${this.renderText('displayName', m.memberName)} ${this.renderText('position', m.memberPosition)}
      </div>
      <fieldset class="field">
        <legend>${m.memberRoles}</legend>
        <div class="checks">
          ${OrgRole.options.map(
            (r) =>
              html`<label
                ><input
                  type="checkbox"
                  data-testid=${`member-role-${r}`}
                  .checked=${f.roles.includes(r)}
                  @change=${(e: Event) => this.handleRole(r, e)}
                />${m.orgRole[r]}</label
              >`,
          )}
        </div>
      </fieldset>
      <fieldset class="field">
        <legend>${m.memberUnits}</legend>
        <div class="grid">
          ${unitIds.map(
            (id) =>
              html`<div>
                <label for=${`member-unit-${id}`}>${this.units[id]!.name}</label>
                <select id=${`member-unit-${id}`} data-testid=${`member-unit-${id}`} @change=${(e: Event) => this.handleUnit(id, e)}>
                  <option value="" ?selected=${!f.units[id]}>${m.memberUnitNone}</option>
                  <option value="staff" ?selected=${f.units[id] === 'staff'}>${m.unitRole.staff}</option>
                  <option value="head" ?selected=${f.units[id] === 'head'}>${m.unitRole.head}</option>
                </select>
              </div>`,
          )}
        </div>
        ${this.errors['units'] ? html`<p class="error">${this.errors['units']}</p>` : nothing}
      </fieldset>
      <div class="buttons">
        <button type="submit" data-testid="member-save" ?disabled=${this.busy}>${this.busy ? m.saving : this.editing ? m.save : m.memberInvite}</button>
        <button type="button" class="secondary" @click=${() => (this.form = null)}>${m.formCancel}</button>
      </div>
    </form>`;
  }

  override render() {
    const m = t();
    const msg = this.message;
    return html`<h2>${m.membersHeading}</h2>
      ${
        msg
          ? html`<div class="notice ${msg.kind}" role=${msg.kind === 'ok' ? 'status' : 'alert'} data-testid="members-message">
              ${msg.text} ${msg.link ? html`<div class="link-box" data-testid="invite-link">${msg.link}</div>` : nothing}
            </div>`
          : nothing
      }
      ${this.form ? this.renderForm() : html`<div class="buttons"><button type="button" data-testid="member-invite" @click=${this.handleInvite}>${m.memberInvite}</button></div>`}
      ${
        this.members.length
          ? html`<div class="table-wrap">
              <table data-testid="members-table">
                <thead>
                  <tr>
                    <th>${m.memberName}</th>
                    <th>${m.memberEmail}</th>
                    <th>${m.unitsLabel}</th>
                    <th>${m.rolesLabel}</th>
                    <th>${m.statusLabel}</th>
                    <th>${m.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.members.map((entry) => {
                    const x = entry.member;
                    const self = entry.uid === this.selfUid;
                    return html`<tr class=${x.active ? '' : 'inactive'} data-testid="member-row" data-email=${x.email}>
                      <td>
                        ${x.displayName}${x.position ? html`<br /><small>${x.position}</small>` : nothing}${self ? html` <span class="badge">${m.memberSelf}</span>` : nothing}
                      </td>
                      <td>${x.email}</td>
                      <td>${Object.entries(x.units).map(([u, r]) => html`<div>${this.units[u]?.name ?? u} (${m.unitRole[r]})</div>`)}</td>
                      <td>${x.roles.map((r) => m.orgRole[r]).join(', ')}</td>
                      <td><span class="badge ${x.active ? 'ok' : ''}">${x.active ? m.active : m.inactive}</span></td>
                      <td class="row-actions">
                        <button type="button" class="secondary" data-testid="member-edit" @click=${() => this.handleEdit(entry)}>${m.edit}</button>
                        ${
                          self
                            ? nothing
                            : html`<button
                                type="button"
                                class="secondary"
                                data-testid="member-toggle"
                                ?disabled=${this.busy}
                                @click=${() => this.handleToggle(entry)}
                              >
                                ${x.active ? m.memberDeactivate : m.memberActivate}
                              </button>`
                        }
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
          : html`<p class="notice">${m.membersEmpty}</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-members': AdminMembers;
  }
}
