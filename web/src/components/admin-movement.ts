import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ExtendDeadlineInput, MovementSettingsInput, canExtendDeadline, isConfigEditable, type Movement, type OrgRole, type Unit } from '@thidua/domain';
import type { AdminApi, MovementItem } from '../data/admin-api.js';
import { LocaleController, formatDate, formatNumber, t, tx, issuesText } from '../i18n/index.js';
import { endOfVnDay, vnDate } from '../logic/vn-date.js';
import { base, controls } from '../styles/shared.js';
import { adminStyles } from '../styles/admin.js';
import { pickMovement } from '../logic/movement.js';
import './movement-phases.js';

interface Draft {
  maxPoints: Record<string, string>;
  notApplicable: Record<string, string[]>;
  deadlines: Record<string, string>;
}

const draftOf = (m: Movement): Draft => ({
  maxPoints: Object.fromEntries(m.criteria.map((c) => [c.code, String(c.maxPoints)])),
  notApplicable: Object.fromEntries(Object.entries(m.notApplicable).map(([u, l]) => [u, [...l]])),
  deadlines: Object.fromEntries(m.periods.map((p) => [p.id, p.deadline === null ? '' : vnDate(p.deadline)])),
});

const RUNNING: readonly Movement['status'][] = ['open', 'appraisal', 'council'];

/**
 * The secretariat's movement settings: points per criterion, applicability per unit and deadlines
 * while reporting has not opened (`setMovementSettings`); afterwards a deadline extension with a
 * reason (`extendDeadline`). Both callables audit the change.
 */
@customElement('admin-movement')
export class AdminMovement extends LitElement {
  static override styles = [base, controls, adminStyles];

  @state() private selectedId: string | null = null;
  @state() private draft: Draft | null = null;
  @state() private draftFor: string | null = null;
  @state() private unitId = '';
  @state() private extendPeriod = '';
  @state() private extendDate = '';
  @state() private extendReason = '';
  @state() private busy = false;
  @state() private message: { kind: 'ok' | 'danger'; text: string } | null = null;

  /** The admin API (callables). */
  @property({ attribute: false }) api?: AdminApi;
  /** The organisation. */
  @property({ attribute: false }) orgId = '';
  /** Units by id (applicability is per unit). */
  @property({ attribute: false }) units: Record<string, Unit> = {};
  /** The organisation's movements. */
  @property({ attribute: false }) movements: MovementItem[] = [];
  /** The signed-in person's roles (who may move the movement to its next phase). */
  @property({ attribute: false }) roles: readonly OrgRole[] = [];

  constructor() {
    super();
    new LocaleController(this);
  }

  private get selected(): MovementItem | null {
    // Unless one is chosen: the running movement (its phases are what the secretariat acts on), else
    // the one being prepared, else the one the pages show (the latest closed).
    const running = pickMovement(this.movements);
    return (
      this.movements.find((x) => x.id === this.selectedId) ??
      (running && RUNNING.includes(running.movement.status) ? running : null) ??
      this.movements.find((x) => isConfigEditable(x.movement)) ??
      running
    );
  }

  override willUpdate(): void {
    const sel = this.selected;
    // A fresh draft when another movement is picked or the stored one changed (criteriaVersion, deadlines).
    const key = sel ? `${sel.id}:${sel.movement.criteriaVersion}:${sel.movement.periods.map((p) => p.deadline).join(',')}` : null;
    if (key !== this.draftFor) {
      this.draftFor = key;
      this.draft = sel ? draftOf(sel.movement) : null;
    }
    if (!this.unitId || !this.units[this.unitId]) this.unitId = Object.keys(this.units).sort()[0] ?? '';
  }

  private handlePoints(code: string, e: Event) {
    this.draft = { ...this.draft!, maxPoints: { ...this.draft!.maxPoints, [code]: (e.target as HTMLInputElement).value } };
  }

  private handleApplies(code: string, e: Event) {
    const applies = (e.target as HTMLInputElement).checked;
    const list = (this.draft!.notApplicable[this.unitId] ?? []).filter((c) => c !== code);
    this.draft = { ...this.draft!, notApplicable: { ...this.draft!.notApplicable, [this.unitId]: applies ? list : [...list, code] } };
  }

  private handleDeadline(periodId: string, e: Event) {
    this.draft = { ...this.draft!, deadlines: { ...this.draft!.deadlines, [periodId]: (e.target as HTMLInputElement).value } };
  }

  private async handleSave(e: Event) {
    e.preventDefault();
    const m = t();
    const sel = this.selected;
    const d = this.draft;
    if (!sel || !d || !this.api) return;
    const maxPoints: Record<string, number> = {};
    for (const [code, v] of Object.entries(d.maxPoints)) {
      const n = Number(v.replace(',', '.'));
      if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1000) {
        this.message = { kind: 'danger', text: `${code}: ${m.pointsInvalid}` };
        return;
      }
      maxPoints[code] = n;
    }
    const deadlines: Record<string, number | null> = {};
    for (const [periodId, v] of Object.entries(d.deadlines)) deadlines[periodId] = v ? endOfVnDay(v) : null;
    const parsed = MovementSettingsInput.safeParse({ orgId: this.orgId, movementId: sel.id, maxPoints, notApplicable: d.notApplicable, deadlines });
    if (!parsed.success) {
      this.message = { kind: 'danger', text: issuesText(parsed.error.issues, { maxPoints: m.criterionPoints, deadlines: m.deadline }) };
      return;
    }
    this.busy = true;
    try {
      const res = await this.api.setMovementSettings(parsed.data);
      this.message = { kind: 'ok', text: m.settingsSaved(res.criteriaVersion, res.rescored) };
    } catch (err) {
      this.message = { kind: 'danger', text: (err as Error).message };
    } finally {
      this.busy = false;
    }
  }

  private async handleExtend(e: Event) {
    e.preventDefault();
    const m = t();
    const sel = this.selected;
    if (!sel || !this.api) return;
    const periodId = this.extendPeriod || sel.movement.currentPeriodId;
    const parsed = ExtendDeadlineInput.safeParse({
      orgId: this.orgId,
      movementId: sel.id,
      periodId,
      deadline: endOfVnDay(this.extendDate) ?? -1,
      reason: this.extendReason,
    });
    if (!parsed.success) {
      this.message = { kind: 'danger', text: issuesText(parsed.error.issues, { deadline: m.deadline, periodId: m.period }) };
      return;
    }
    this.busy = true;
    try {
      await this.api.extendDeadline(parsed.data);
      this.message = { kind: 'ok', text: m.extendDone };
      this.extendReason = '';
    } catch (err) {
      this.message = { kind: 'danger', text: (err as Error).message };
    } finally {
      this.busy = false;
    }
  }

  private renderEditable(mv: Movement, d: Draft) {
    const m = t();
    const unitIds = Object.keys(this.units).sort((a, b) => this.units[a]!.code.localeCompare(this.units[b]!.code, 'vi'));
    const off = new Set(d.notApplicable[this.unitId] ?? []);
    return html`<form @submit=${this.handleSave} novalidate data-testid="settings-form">
      <h3>${m.pointsHeading}</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>${m.criterionCode}</th>
              <th>${m.criterionText}</th>
              <th class="num">${m.criterionPoints}</th>
            </tr>
          </thead>
          <tbody>
            ${mv.criteria.map(
              (c) =>
                html`<tr>
                  <td>${c.code}</td>
                  <td>${tx(c.text)}${c.defaultMarked ? html` <small class="hint">(${m.defaultMarkedHint})</small>` : nothing}</td>
                  <td class="num">
                    <input
                      class="points"
                      inputmode="decimal"
                      aria-label=${`${m.criterionPoints} ${c.code}`}
                      data-testid=${`points-${c.code}`}
                      .value=${d.maxPoints[c.code] ?? ''}
                      @input=${(e: Event) => this.handlePoints(c.code, e)}
                    />
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3>${m.applicabilityHeading}</h3>
      ${
        unitIds.length
          ? html`<div class="field">
                <label for="applies-unit">${m.applicabilityUnit}</label>
                <select id="applies-unit" data-testid="applies-unit" @change=${(e: Event) => (this.unitId = (e.target as HTMLSelectElement).value)}>
                  ${unitIds.map((u) => html`<option value=${u} ?selected=${u === this.unitId}>${this.units[u]!.name} — ${m.applicabilityCount((d.notApplicable[u] ?? []).length)}</option>`)}
                </select>
                <p class="hint">${m.applicabilityHint}</p>
              </div>
              <div class="checks" data-testid="applies-list">
                ${mv.criteria.map(
                  (c) =>
                    html`<label
                      ><input
                        type="checkbox"
                        data-testid=${`applies-${c.code}`}
                        .checked=${!off.has(c.code)}
                        @change=${(e: Event) => this.handleApplies(c.code, e)}
                      />${c.code}</label
                    >`,
                )}
              </div>`
          : nothing
      }
      <h3>${m.deadlinesHeading}</h3>
      <div class="grid">
        ${mv.periods.map(
          (p) =>
            html`<div class="field">
              <label for=${`deadline-${p.id}`}>${m.periodLabel} ${tx(p.label)}</label>
              <input
                id=${`deadline-${p.id}`}
                type="date"
                data-testid=${`deadline-${p.id}`}
                .value=${d.deadlines[p.id] ?? ''}
                @input=${(e: Event) => this.handleDeadline(p.id, e)}
              />
            </div>`,
        )}
      </div>
      <div class="buttons"><button type="submit" data-testid="settings-save" ?disabled=${this.busy}>${this.busy ? m.saving : m.settingsSave}</button></div>
    </form>`;
  }

  private renderExtension(mv: Movement) {
    const m = t();
    const periodId = this.extendPeriod || mv.currentPeriodId;
    return html`<div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>${m.periodLabel}</th>
              <th>${m.deadlineLabel}</th>
            </tr>
          </thead>
          <tbody>
            ${mv.periods.map(
              (p) =>
                html`<tr>
                  <td>${tx(p.label)}</td>
                  <td data-testid=${`deadline-now-${p.id}`}>${p.deadline === null ? m.deadlineNone : formatDate(p.deadline)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <form class="card" @submit=${this.handleExtend} novalidate data-testid="extend-form">
        <h3>${m.extendHeading}</h3>
        <div class="grid">
          <div class="field">
            <label for="extend-period">${m.periodLabel}</label>
            <select id="extend-period" @change=${(e: Event) => (this.extendPeriod = (e.target as HTMLSelectElement).value)}>
              ${mv.periods.filter((p) => p.deadline !== null).map((p) => html`<option value=${p.id} ?selected=${p.id === periodId}>${tx(p.label)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="extend-date">${m.extendNewDeadline}</label>
            <input
              id="extend-date"
              type="date"
              data-testid="extend-date"
              .value=${this.extendDate}
              @input=${(e: Event) => (this.extendDate = (e.target as HTMLInputElement).value)}
            />
          </div>
        </div>
        <div class="field">
          <label for="extend-reason">${m.extendReason}</label>
          <textarea
            id="extend-reason"
            rows="2"
            data-testid="extend-reason"
            .value=${this.extendReason}
            @input=${(e: Event) => (this.extendReason = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <button type="submit" data-testid="extend-submit" ?disabled=${this.busy}>${this.busy ? m.saving : m.extendSubmit}</button>
      </form>`;
  }

  override render() {
    const m = t();
    const sel = this.selected;
    if (!sel)
      return html`<h2>${m.tabMovement}</h2>
        <p class="notice">${m.movementNone}</p>`;
    const mv = sel.movement;
    const editable = isConfigEditable(mv);
    return html`<h2>${m.tabMovement}</h2>
      ${
        this.movements.length > 1
          ? html`<div class="field">
              <label for="movement-pick">${m.movementPick}</label>
              <select id="movement-pick" data-testid="movement-pick" @change=${(e: Event) => (this.selectedId = (e.target as HTMLSelectElement).value)}>
                ${this.movements.map((x) => html`<option value=${x.id} ?selected=${x.id === sel.id}>${tx(x.movement.title)}</option>`)}
              </select>
            </div>`
          : html`<p><strong>${tx(mv.title)}</strong></p>`
      }
      <p>
        ${m.movementStatus}: <span class="badge" data-testid="movement-status">${m.movementStatuses[mv.status]}</span> · v${formatNumber(mv.criteriaVersion, 0)}
      </p>
      <p class="notice ${editable ? '' : 'warn'}">${editable ? m.movementEditable : canExtendDeadline(mv) ? m.movementLocked : m.movementClosed}</p>
      <movement-phases .api=${this.api} .orgId=${this.orgId} .movementId=${sel.id} .movement=${mv} .roles=${this.roles}></movement-phases>
      ${this.message ? html`<p class="notice ${this.message.kind}" role=${this.message.kind === 'ok' ? 'status' : 'alert'} data-testid="settings-message">${this.message.text}</p>` : nothing}
      ${editable && this.draft ? this.renderEditable(mv, this.draft) : canExtendDeadline(mv) ? this.renderExtension(mv) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-movement': AdminMovement;
  }
}
