import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import {
  COLLECTIVE_AIMS,
  INDIVIDUAL_AIMS,
  PHASE_TEXT,
  PROGRAMME_MAX,
  PROGRAMME_MIN,
  REGISTRATION_STATUS_TEXT,
  RegistrationContent,
  actAllowed,
  registrableTargets,
  registrationOverview,
  type Registration,
  type RegisteredIndividual,
} from '@thidua/domain';
import { backendContext } from '../context/backend-context.js';
import { sessionContext } from '../context/session-context.js';
import { emptyOrgData, orgDataContext, type OrgData } from '../context/org-data-context.js';
import type { Backend, Session } from '../data/backend.js';
import type { Unsubscribe } from '../data/errors.js';
import type { RegistrationBackend } from '../data/registration-backend.js';
import { unitsOf } from '../logic/claims.js';
import { LocaleController, formatDate, formatTime, issuesTextByField, t, tx } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';

type Form = RegistrationContent;

const emptyForm = (): Form => ({ programme: '', targetCodes: [], collectiveAim: 'tap-the-lao-dong-tien-tien', individuals: [] });
const copy = (c: Form): Form => ({ ...c, targetCodes: [...c.targetCodes], individuals: c.individuals.map((p) => ({ ...p })) });
const when = (ms: number) => `${formatTime(ms)} ${formatDate(ms)}`;

/**
 * Đăng ký thi đua of the current movement. A unit's member sees the unit's form (programme,
 * targets, collective aim, individuals), saves it, and the head signs it; the secretariat sees
 * every unit's status and reminds those not signed. The form checks with the callable's own schema;
 * a refused save keeps what was typed. The server checks every act again.
 */
@customElement('registration-page')
export class RegistrationPage extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      .targets label,
      .aim {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        font-weight: 400;
      }
      .person {
        display: grid;
        grid-template-columns: 2fr 2fr 2fr auto;
        gap: 0.5rem;
        align-items: end;
        margin-bottom: 0.5rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        margin-top: 1rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.4rem 0.5rem;
        border-bottom: 1px solid var(--td-border);
      }
      fieldset {
        border: 1px solid var(--td-border);
        border-radius: var(--td-radius);
        margin: 1rem 0;
      }
      @media (max-width: 640px) {
        .person {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @consume({ context: backendContext })
  private backend?: Backend;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @consume({ context: orgDataContext, subscribe: true })
  @state()
  private orgData: OrgData = emptyOrgData;

  @state() private unitId: string | null = null;
  @state() private registration: Registration | null = null;
  @state() private loaded = false;
  @state() private form: Form = emptyForm();
  /** True once the person typed: a live update then no longer replaces the form. */
  @state() private dirty = false;
  @state() private errors: Record<string, string> = {};
  @state() private message: { kind: 'ok' | 'danger'; text: string } | null = null;
  @state() private busy = false;
  @state() private all: Registration[] = [];
  @state() private overviewMessage: { kind: 'ok' | 'danger'; text: string } | null = null;

  private watched = '';
  private watchedAll = '';
  private unsubscribe: Unsubscribe | null = null;
  private unsubscribeAll: Unsubscribe | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  private get api(): RegistrationBackend | null {
    return this.backend?.registration?.() ?? null;
  }

  private get isSecretariat(): boolean {
    return this.session?.claims?.roles.includes('secretariat') ?? false;
  }

  override willUpdate(): void {
    const claims = this.session?.claims ?? null;
    const units = unitsOf(claims);
    if (!this.unitId || !units.some((u) => u.unitId === this.unitId)) this.unitId = units[0]?.unitId ?? null;
    const movementId = this.orgData.current?.id ?? null;
    const api = this.api;
    const key = claims && movementId && this.unitId && api ? `${claims.org}/${movementId}/${this.unitId}` : '';
    if (key !== this.watched) {
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.watched = key;
      this.loaded = false;
      this.registration = null;
      this.dirty = false;
      this.form = emptyForm();
      if (key) {
        this.unsubscribe = api!.watchRegistration(
          claims!.org,
          movementId!,
          this.unitId!,
          (r) => {
            this.registration = r;
            this.loaded = true;
            if (!this.dirty) this.form = r ? copy(r.content) : emptyForm();
          },
          (e) => {
            this.loaded = true;
            this.message = { kind: 'danger', text: t().registration.failed(e.message) };
          },
        );
      }
    }
    const keyAll = this.isSecretariat && claims && movementId && api ? `${claims.org}/${movementId}` : '';
    if (keyAll !== this.watchedAll) {
      this.unsubscribeAll?.();
      this.unsubscribeAll = null;
      this.watchedAll = keyAll;
      this.all = [];
      if (keyAll) {
        this.unsubscribeAll = api!.watchRegistrations(
          claims!.org,
          movementId!,
          (list) => (this.all = list),
          (e) => (this.overviewMessage = { kind: 'danger', text: t().registration.failed(e.message) }),
        );
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribeAll?.();
    this.unsubscribe = this.unsubscribeAll = null;
    this.watched = this.watchedAll = '';
  }

  private edit(change: Partial<Form>) {
    this.form = { ...this.form, ...change };
    this.dirty = true;
    this.message = null;
  }

  private editPerson(i: number, change: Partial<RegisteredIndividual>) {
    this.edit({ individuals: this.form.individuals.map((p, j) => (j === i ? { ...p, ...change } : p)) });
  }

  private toggleTarget(code: string, on: boolean) {
    const codes = new Set(this.form.targetCodes);
    if (on) codes.add(code);
    else codes.delete(code);
    const order = registrableTargets(this.orgData.current!.movement).map((c) => c.code);
    this.edit({ targetCodes: order.filter((c) => codes.has(c)) });
  }

  private labels(): Record<string, string> {
    const m = t().registration;
    return {
      programme: m.programme,
      targetCodes: m.targets,
      collectiveAim: m.collectiveAim,
      individuals: m.individuals,
      'individuals.*.name': m.individualName,
      'individuals.*.position': m.individualPosition,
      'individuals.*.aim': m.individualAim,
    };
  }

  private async save() {
    const m = t().registration;
    const parsed = RegistrationContent.safeParse(this.form);
    this.errors = parsed.success ? {} : issuesTextByField(parsed.error.issues, this.labels());
    if (!parsed.success) {
      this.message = { kind: 'danger', text: Object.values(this.errors).join(' ') };
      return;
    }
    await this.act(async (api, key) => {
      const res = await api.save({ ...key, content: parsed.data });
      this.dirty = false;
      this.message = { kind: 'ok', text: res.unsigned ? m.savedUnsigned : m.saved };
    });
  }

  private async sign() {
    await this.act(async (api, key) => {
      await api.sign(key);
      this.message = { kind: 'ok', text: t().registration.signed };
    });
  }

  private async act(run: (api: RegistrationBackend, key: { orgId: string; movementId: string; unitId: string }) => Promise<void>) {
    const api = this.api;
    const claims = this.session?.claims;
    const movementId = this.orgData.current?.id;
    if (!api || !claims || !movementId || !this.unitId) return;
    this.busy = true;
    this.message = null;
    try {
      await run(api, { orgId: claims.org, movementId, unitId: this.unitId });
    } catch (e) {
      // The form keeps what was typed: nothing is lost on a refusal.
      this.message = { kind: 'danger', text: t().registration.failed((e as Error).message) };
    } finally {
      this.busy = false;
    }
  }

  private async remind() {
    const api = this.api;
    const claims = this.session?.claims;
    const movementId = this.orgData.current?.id;
    if (!api || !claims || !movementId) return;
    this.busy = true;
    this.overviewMessage = null;
    try {
      const res = await api.remind({ orgId: claims.org, movementId });
      this.overviewMessage = { kind: 'ok', text: t().registration.reminded(res.units.length, res.notified) };
    } catch (e) {
      this.overviewMessage = { kind: 'danger', text: t().registration.failed((e as Error).message) };
    } finally {
      this.busy = false;
    }
  }

  private renderMessage(msg: { kind: 'ok' | 'danger'; text: string } | null, testid: string) {
    return msg ? html`<p class="notice ${msg.kind}" role=${msg.kind === 'ok' ? 'status' : 'alert'} data-testid=${testid}>${msg.text}</p>` : nothing;
  }

  private renderForm(open: boolean) {
    const m = t().registration;
    const movement = this.orgData.current!.movement;
    const claims = this.session!.claims!;
    const isHead = claims.units[this.unitId!] === 'head';
    const r = this.registration;
    const status = r?.status ?? 'none';
    const targets = registrableTargets(movement);
    const disabled = !open || this.busy;
    const units = unitsOf(claims);
    return html`<section aria-labelledby="reg-form-heading" data-testid="registration-form">
      <h3 id="reg-form-heading">${this.orgData.units[this.unitId!]?.name ?? this.unitId}</h3>
      ${
        units.length > 1
          ? html`<label
              >${m.unitLabel}
              <select data-testid="registration-unit" @change=${(e: Event) => (this.unitId = (e.target as HTMLSelectElement).value)}>
                ${units.map((u) => html`<option value=${u.unitId} ?selected=${u.unitId === this.unitId}>${this.orgData.units[u.unitId]?.name ?? u.unitId}</option>`)}
              </select></label
            >`
          : nothing
      }
      <p><strong>${m.status}:</strong> <span data-testid="registration-status" data-status=${status}>${tx(REGISTRATION_STATUS_TEXT[status])}</span></p>
      ${r ? html`<p class="hint">${m.savedBy(r.savedByName ?? '', when(r.savedAt))}</p>` : nothing}
      ${r?.status === 'signed' && r.signedAt ? html`<p class="hint" data-testid="registration-signed-by">${m.signedBy(r.signedByName ?? '', when(r.signedAt))}</p>` : nothing}
      <label for="programme">${m.programme}</label>
      <textarea
        id="programme"
        rows="8"
        data-testid="registration-programme"
        .value=${this.form.programme}
        ?disabled=${disabled}
        aria-invalid=${this.errors['programme'] ? 'true' : 'false'}
        aria-describedby="programme-hint"
        @input=${(e: Event) => this.edit({ programme: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
      <p class="hint" id="programme-hint">${m.programmeHint(PROGRAMME_MIN, PROGRAMME_MAX)} (${this.form.programme.trim().length})</p>
      ${this.errors['programme'] ? html`<p class="error">${this.errors['programme']}</p>` : nothing}
      <fieldset class="targets" data-testid="registration-targets">
        <legend>${m.targets}</legend>
        <p class="hint">${m.targetsHint}</p>
        ${targets.length === 0 ? html`<p>${m.noTargets}</p>` : nothing}
        ${targets.map(
          (c) =>
            html`<label
              ><input
                type="checkbox"
                data-code=${c.code}
                .checked=${this.form.targetCodes.includes(c.code)}
                ?disabled=${disabled}
                @change=${(e: Event) => this.toggleTarget(c.code, (e.target as HTMLInputElement).checked)}
              /><span><strong>${c.code}</strong> ${tx(c.text)}</span></label
            >`,
        )}
        ${this.errors['targetCodes'] ? html`<p class="error">${this.errors['targetCodes']}</p>` : nothing}
      </fieldset>
      <label for="collective-aim">${m.collectiveAim}</label>
      <select
        id="collective-aim"
        data-testid="registration-collective-aim"
        ?disabled=${disabled}
        @change=${(e: Event) => this.edit({ collectiveAim: (e.target as HTMLSelectElement).value as Form['collectiveAim'] })}
      >
        ${COLLECTIVE_AIMS.map((a) => html`<option value=${a.id} ?selected=${this.form.collectiveAim === a.id}>${tx(a.label)}</option>`)}
      </select>
      <fieldset data-testid="registration-individuals">
        <legend>${m.individuals}</legend>
        ${this.form.individuals.length === 0 ? html`<p class="hint">${m.noIndividuals}</p>` : nothing}
        ${repeat(
          this.form.individuals,
          (_p, i) => i,
          (p, i) =>
            html`<div class="person" data-testid="registration-person">
              <label
                >${m.individualName}
                <input
                  type="text"
                  data-field="name"
                  .value=${p.name}
                  ?disabled=${disabled}
                  @input=${(e: Event) => this.editPerson(i, { name: (e.target as HTMLInputElement).value })}
              /></label>
              <label
                >${m.individualPosition}
                <input
                  type="text"
                  data-field="position"
                  .value=${p.position}
                  ?disabled=${disabled}
                  @input=${(e: Event) => this.editPerson(i, { position: (e.target as HTMLInputElement).value })}
              /></label>
              <label
                >${m.individualAim}
                <select
                  data-field="aim"
                  ?disabled=${disabled}
                  @change=${(e: Event) => this.editPerson(i, { aim: (e.target as HTMLSelectElement).value as RegisteredIndividual['aim'] })}
                >
                  ${INDIVIDUAL_AIMS.map((a) => html`<option value=${a.id} ?selected=${p.aim === a.id}>${tx(a.label)}</option>`)}
                </select></label
              >
              <button
                type="button"
                class="secondary"
                ?disabled=${disabled}
                aria-label=${m.removeIndividual(i + 1)}
                @click=${() => this.edit({ individuals: this.form.individuals.filter((_x, j) => j !== i) })}
              >
                ✕
              </button>
            </div>`,
        )}
        <button
          type="button"
          class="secondary"
          data-testid="registration-add-person"
          ?disabled=${disabled}
          @click=${() => this.edit({ individuals: [...this.form.individuals, { name: '', position: '', aim: 'lao-dong-tien-tien' }] })}
        >
          ${m.addIndividual}
        </button>
        ${this.errors['individuals'] ? html`<p class="error">${this.errors['individuals']}</p>` : nothing}
      </fieldset>
      <div class="actions">
        <button type="button" data-testid="registration-save" ?disabled=${disabled} @click=${() => void this.save()}>${this.busy ? m.saving : m.save}</button>
        ${
          isHead
            ? html`<button
                type="button"
                class="secondary"
                data-testid="registration-sign"
                ?disabled=${disabled || status !== 'draft' || this.dirty}
                @click=${() => void this.sign()}
              >
                ${m.sign}
              </button>`
            : nothing
        }
      </div>
      ${this.renderMessage(this.message, 'registration-message')}
    </section>`;
  }

  private renderOverview() {
    const m = t().registration;
    const units = Object.entries(this.orgData.units)
      .map(([id, u]) => ({ id, name: u.name, active: u.active }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    const o = registrationOverview(units, this.all);
    return html`<section aria-labelledby="reg-overview-heading" data-testid="registration-overview">
      <h3 id="reg-overview-heading">${m.overview}</h3>
      <p data-testid="registration-counts">${m.counts(o.counts.signed, o.counts.draft, o.counts.none)}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">${m.colUnit}</th>
            <th scope="col">${m.colStatus}</th>
            <th scope="col">${m.colSigned}</th>
          </tr>
        </thead>
        <tbody>
          ${o.rows.map(
            (row) =>
              html`<tr data-testid="registration-row" data-unit=${row.unitId} data-status=${row.status}>
                <td>${row.unitName}</td>
                <td>${tx(REGISTRATION_STATUS_TEXT[row.status])}</td>
                <td>${row.signedAt ? `${when(row.signedAt)} · ${row.signedByName ?? ''}` : '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" data-testid="registration-remind" ?disabled=${this.busy || o.unsigned.length === 0} @click=${() => void this.remind()}>
          ${m.remind}
        </button>
      </div>
      ${this.renderMessage(this.overviewMessage, 'registration-remind-message')}
    </section>`;
  }

  override render() {
    const m = t().registration;
    const entry = this.orgData.current;
    const claims = this.session?.claims;
    if (!entry || !claims) return html`<p class="loading" role="status">${m.loading}</p>`;
    const open = actAllowed(entry.movement, 'register');
    const member = !!this.unitId;
    return html`<h2>${m.title}</h2>
      <p class="hint">${m.intro}</p>
      ${open ? nothing : html`<p class="notice warn" data-testid="registration-closed">${m.closed(tx(PHASE_TEXT[entry.movement.status]))}</p>`}
      ${!member && !this.isSecretariat ? html`<p class="notice">${m.notEntitled}</p>` : nothing}
      ${member ? (this.loaded ? this.renderForm(open) : html`<p class="loading" role="status">${m.loading}</p>`) : nothing}
      ${this.isSecretariat ? this.renderOverview() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'registration-page': RegistrationPage;
  }
}
