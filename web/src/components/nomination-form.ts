import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ProposeNominationInput, STANDARDS, type AwardForm, type Claims, type NomineeType, type StandardCode, type Unit } from '@thidua/domain';
import type { AwardsBackend, AwardsScope } from '../data/awards-backend.js';
import { LocaleController, issuesText, t, tx } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import { awardStyles } from '../styles/awards.js';
import { slug } from '../logic/awards.js';

/** What a candidate line fills in. */
export interface NominationPrefill {
  unitId: string;
  collectiveName: string;
  standard: StandardCode;
  summary: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * A unit's nomination: a collective or an individual, for the ward's Giấy khen or a proposal of
 * the city's Bằng khen, the standards met, achievements and initiatives with their recognition,
 * and the nominee's status under the decree's hard blocks. Checked with the callable's own zod
 * schema before sending; the server checks eligibility and stores it with the nomination.
 *
 * @fires nomination-done - after the server accepted the nomination.
 * @fires nomination-cancel - when the person closes the form.
 */
@customElement('nomination-form')
export class NominationForm extends LitElement {
  static override styles = [base, controls, awardStyles];

  @state() private unitId = '';
  @state() private nomineeType: NomineeType = 'individual';
  @state() private form: AwardForm = 'GIAY_KHEN_PHUONG';
  @state() private standards: StandardCode[] = [];
  @state() private collectiveName = '';
  @state() private fullName = '';
  @state() private gender: 'male' | 'female' = 'male';
  @state() private birthDate = '';
  @state() private position = '';
  @state() private blocks = { discipline: false, investigation: false, complaint: false };
  @state() private summary = '';
  @state() private achievements = '';
  @state() private initiatives: { title: string; recognitionRef: string }[] = [];
  @state() private disciplineConfirmed = false;
  @state() private outstanding = false;
  @state() private cityCriterion = '';
  @state() private errors: string[] = [];
  @state() private busy = false;

  /** The awards data service. */
  @property({ attribute: false }) api?: AwardsBackend;
  /** Organisation and movement. */
  @property({ attribute: false }) scope?: AwardsScope;
  /** The person's claims (units and roles). */
  @property({ attribute: false }) claims?: Claims;
  /** Units of the organisation (names). */
  @property({ attribute: false }) units: Record<string, Unit> = {};
  /** A candidate's line, when the form was opened from one. */
  @property({ attribute: false }) prefill: NominationPrefill | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (!this.unitId && this.scope?.unitIds[0]) this.unitId = this.scope.unitIds[0];
    if (changed.has('prefill') && this.prefill) {
      const p = this.prefill;
      this.unitId = p.unitId;
      this.nomineeType = 'collective';
      this.collectiveName = p.collectiveName;
      this.standards = [p.standard];
      this.summary = p.summary;
    }
  }

  private get isHead(): boolean {
    return this.claims?.units[this.unitId] === 'head';
  }

  private input(): unknown {
    const unitName = this.units[this.unitId]?.name ?? this.unitId;
    const collective = this.nomineeType === 'collective';
    const name = collective ? this.collectiveName.trim() || unitName : this.fullName.trim();
    const nomineeId = collective ? (name === unitName ? this.unitId : `tt-${slug(name)}`) : `p-${slug(`${name}-${this.birthDate}`)}`;
    const nominee = collective
      ? { name, unitId: this.unitId, priorAwards: [], blockFlags: this.blocks }
      : {
          fullName: name,
          gender: this.gender,
          birthDate: this.birthDate,
          unitId: this.unitId,
          position: this.position.trim(),
          priorAwards: [],
          blockFlags: this.blocks,
        };
    return {
      orgId: this.scope?.orgId,
      movementId: this.scope?.movementId,
      proposingUnitId: this.unitId,
      nomineeType: this.nomineeType,
      nomineeId: nomineeId || 'x',
      nominee,
      proposedForm: this.form,
      standardsMet: this.standards.filter((s) => STANDARDS[s].nomineeType === this.nomineeType),
      achievementSummary: this.summary,
      initiatives: this.initiatives.filter((i) => i.title.trim()).map((i) => ({ title: i.title.trim(), recognitionRef: i.recognitionRef.trim() })),
      disciplineConfirmed: this.isHead && this.disciplineConfirmed,
      outstanding: this.form === 'DE_NGHI_BANG_KHEN_TP' && this.outstanding,
      cityCriterion: this.form === 'DE_NGHI_BANG_KHEN_TP' ? this.cityCriterion.trim() : '',
      report: { paragraphs: lines(this.achievements) },
    };
  }

  private async handleSubmit(e: Event) {
    e.preventDefault();
    const parsed = ProposeNominationInput.safeParse(this.input());
    if (!parsed.success) {
      const m = t().awards;
      // One sentence per problem, naming the boxes as the form labels them (no paths).
      this.errors = [
        issuesText(parsed.error.issues, {
          proposingUnitId: m.proposingUnit,
          nomineeType: m.nomineeType,
          nomineeId: this.nomineeType === 'individual' ? m.fullName : m.collectiveName,
          nominee: this.nomineeType === 'individual' ? m.fullName : m.collectiveName,
          'nominee.name': this.nomineeType === 'individual' ? m.fullName : m.collectiveName,
          'nominee.fullName': m.fullName,
          'nominee.position': m.position,
          'nominee.gender': m.gender,
          'nominee.birthDate': m.birthDate,
          proposedForm: m.awardForm,
          standardsMet: m.standards,
          achievementSummary: m.achievementSummary,
          'initiatives.*.title': m.initiativeTitle,
          'initiatives.*.recognitionRef': m.initiativeRef,
          cityCriterion: m.cityCriterion,
          report: m.achievements,
        }),
      ];
      return;
    }
    if (!this.api) return;
    this.errors = [];
    this.busy = true;
    try {
      await this.api.proposeNomination(parsed.data);
      this.dispatchEvent(new CustomEvent('nomination-done', { bubbles: true, composed: true }));
    } catch (err) {
      this.errors = [t().awards.failed((err as Error).message)];
    } finally {
      this.busy = false;
    }
  }

  private toggleStandard(code: StandardCode, on: boolean) {
    this.standards = on ? [...new Set([...this.standards, code])] : this.standards.filter((s) => s !== code);
  }

  private text(id: string, label: string, value: string, set: (v: string) => void, type = 'text') {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type=${type} data-testid=${`nf-${id}`} .value=${value} @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />
    </div>`;
  }

  override render() {
    const m = t().awards;
    const collective = this.nomineeType === 'collective';
    const codes = (Object.keys(STANDARDS) as StandardCode[]).filter((c) => STANDARDS[c].nomineeType === this.nomineeType);
    const units = this.scope?.unitIds ?? [];
    return html`<form class="card" data-testid="nomination-form" @submit=${this.handleSubmit} novalidate>
      <h2>${m.formTitle}</h2>
      <div class="grid">
        <div class="field">
          <label for="unit">${m.proposingUnit}</label>
          <select id="unit" data-testid="nf-unit" @change=${(e: Event) => (this.unitId = (e.target as HTMLSelectElement).value)}>
            ${units.map((u) => html`<option value=${u} ?selected=${u === this.unitId}>${this.units[u]?.name ?? u}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="type">${m.nomineeType}</label>
          <select
            id="type"
            data-testid="nf-type"
            @change=${(e: Event) => ((this.nomineeType = (e.target as HTMLSelectElement).value as NomineeType), (this.standards = []))}
          >
            <option value="individual" ?selected=${!collective}>${m.individual}</option>
            <option value="collective" ?selected=${collective}>${m.collective}</option>
          </select>
        </div>
        <div class="field">
          <label for="form">${m.awardForm}</label>
          <select id="form" data-testid="nf-form" @change=${(e: Event) => (this.form = (e.target as HTMLSelectElement).value as AwardForm)}>
            ${(['GIAY_KHEN_PHUONG', 'DE_NGHI_BANG_KHEN_TP'] as const).map((f) => html`<option value=${f} ?selected=${f === this.form}>${m.awardFormText[f]}</option>`)}
          </select>
        </div>
      </div>

      ${
        collective
          ? this.text('collective-name', m.collectiveName, this.collectiveName || (this.units[this.unitId]?.name ?? ''), (v) => (this.collectiveName = v))
          : html`<div class="grid">
              ${this.text('full-name', m.fullName, this.fullName, (v) => (this.fullName = v))}
              <div class="field">
                <label for="gender">${m.gender}</label>
                <select id="gender" data-testid="nf-gender" @change=${(e: Event) => (this.gender = (e.target as HTMLSelectElement).value as 'male' | 'female')}>
                  <option value="male" ?selected=${this.gender === 'male'}>${m.male}</option>
                  <option value="female" ?selected=${this.gender === 'female'}>${m.female}</option>
                </select>
              </div>
              ${this.text('birth-date', m.birthDate, this.birthDate, (v) => (this.birthDate = v), 'date')}
              ${this.text('position', m.position, this.position, (v) => (this.position = v))}
            </div>`
      }

      <fieldset>
        <legend>${m.standards}</legend>
        ${codes.map(
          (c) =>
            html`<label class="check"
              ><input
                type="checkbox"
                data-testid=${`nf-standard-${c}`}
                .checked=${this.standards.includes(c)}
                @change=${(e: Event) => this.toggleStandard(c, (e.target as HTMLInputElement).checked)}
              />
              <span><b>${c}</b> — ${tx(STANDARDS[c].text)}</span></label
            >`,
        )}
      </fieldset>

      <div class="field">
        <label for="summary">${m.achievementSummary}</label>
        <textarea
          id="summary"
          rows="3"
          data-testid="nf-summary"
          .value=${this.summary}
          @input=${(e: Event) => (this.summary = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="field">
        <label for="achievements">${m.achievements}</label>
        <textarea
          id="achievements"
          rows="4"
          data-testid="nf-achievements"
          .value=${this.achievements}
          @input=${(e: Event) => (this.achievements = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>

      <fieldset>
        <legend>${m.initiatives}</legend>
        ${this.initiatives.map(
          (it, i) =>
            html`<div class="grid" data-testid="nf-initiative">
              <div class="field">
                <label for=${`it-${i}`}>${m.initiativeTitle}</label>
                <input
                  id=${`it-${i}`}
                  data-testid="nf-initiative-title"
                  .value=${it.title}
                  @input=${(e: Event) => (this.initiatives = this.initiatives.map((x, j) => (j === i ? { ...x, title: (e.target as HTMLInputElement).value } : x)))}
                />
              </div>
              <div class="field">
                <label for=${`ir-${i}`}>${m.initiativeRef}</label>
                <input
                  id=${`ir-${i}`}
                  data-testid="nf-initiative-ref"
                  .value=${it.recognitionRef}
                  @input=${(e: Event) => (this.initiatives = this.initiatives.map((x, j) => (j === i ? { ...x, recognitionRef: (e.target as HTMLInputElement).value } : x)))}
                />
              </div>
              <div>
                <button type="button" class="link" @click=${() => (this.initiatives = this.initiatives.filter((_, j) => j !== i))}>
                  ${m.removeInitiative}
                </button>
              </div>
            </div>`,
        )}
        <button
          type="button"
          class="secondary"
          data-testid="nf-add-initiative"
          @click=${() => (this.initiatives = [...this.initiatives, { title: '', recognitionRef: '' }])}
        >
          ${m.addInitiative}
        </button>
      </fieldset>

      <fieldset>
        <legend>${m.blocks}</legend>
        ${(
          [
            ['discipline', m.blockDiscipline],
            ['investigation', m.blockInvestigation],
            ['complaint', m.blockComplaint],
          ] as const
        ).map(
          ([k, label]) =>
            html`<label class="check"
              ><input
                type="checkbox"
                data-testid=${`nf-block-${k}`}
                .checked=${this.blocks[k]}
                @change=${(e: Event) => (this.blocks = { ...this.blocks, [k]: (e.target as HTMLInputElement).checked })}
              />
              <span>${label}</span></label
            >`,
        )}
      </fieldset>

      <label class="check"
        ><input
          type="checkbox"
          data-testid="nf-discipline"
          .checked=${this.isHead && this.disciplineConfirmed}
          ?disabled=${!this.isHead}
          @change=${(e: Event) => (this.disciplineConfirmed = (e.target as HTMLInputElement).checked)}
        />
        <span>${m.disciplineConfirmed}</span></label
      >
      ${this.isHead ? nothing : html`<p class="hint">${m.disciplineHeadOnly}</p>`}
      ${
        this.form === 'DE_NGHI_BANG_KHEN_TP'
          ? html`<label class="check"
                ><input
                  type="checkbox"
                  data-testid="nf-outstanding"
                  .checked=${this.outstanding}
                  @change=${(e: Event) => (this.outstanding = (e.target as HTMLInputElement).checked)}
                />
                <span>${m.outstanding}</span></label
              >
              ${this.text('city-criterion', m.cityCriterion, this.cityCriterion, (v) => (this.cityCriterion = v))}`
          : nothing
      }
      ${
        this.errors.length
          ? html`<div class="notice danger" role="alert" data-testid="nf-errors">
              ${m.fixErrors}
              <ul>
                ${this.errors.map((x) => html`<li>${x}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <div class="row">
        <button type="submit" data-testid="nf-submit" ?disabled=${this.busy}>${this.busy ? m.saving : m.submitNomination}</button>
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('nomination-cancel', { bubbles: true, composed: true }))}>
          ${m.cancel}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nomination-form': NominationForm;
  }
}
