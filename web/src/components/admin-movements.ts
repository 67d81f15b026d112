import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CreateMovementInput, MovementCatalogue, catalogueOf, isCatalogueEditable, type Criterion, type MovementSource, type TargetSpec } from '@thidua/domain';
import type { AdminApi, MovementItem } from '../data/admin-api.js';
import { LocaleController, t, tx } from '../i18n/index.js';
import { linesOf, newCriterion, parseStepsText, periodsOfYear, stepsText, withKind, withRule, type PeriodLayout } from '../logic/launch.js';
import { endOfVnDay, vnDate } from '../logic/vn-date.js';
import { base, controls } from '../styles/shared.js';
import { adminStyles } from '../styles/admin.js';

/** zod issues as lines a person reads: "criteria.3.text.vi: Cần nhập nội dung tiêu chí (tiếng Việt)". */
const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.map(String).join('.') || '—'}: ${i.message}`);

/**
 * The secretariat's movements (#/admin, tab "Phong trào"): every movement with its phase, a
 * launch form (from the Plan 119 template, a copy of an earlier movement, or scratch) and the
 * catalogue editor of a draft. Both forms check with the callables' own schemas before calling;
 * the callables check again, audit, and refuse what does not fit the phase.
 */
@customElement('admin-movements')
export class AdminMovements extends LitElement {
  static override styles = [
    base,
    controls,
    adminStyles,
    css`
      fieldset {
        border: 1px solid var(--td-border);
        border-radius: 6px;
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: flex-end;
      }
      .row label {
        display: flex;
        flex-direction: column;
        font-size: 0.85rem;
        gap: 0.15rem;
      }
      .row label.grow {
        flex: 1 1 18rem;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        font: inherit;
      }
      input.short {
        width: 6rem;
      }
      ul.problems {
        margin: 0.25rem 0 0;
      }
    `,
  ];

  /** The admin API (callables, downloads). */
  @property({ attribute: false }) api?: AdminApi;
  @property({ attribute: false }) orgId = '';
  /** The organisation's movements, live. */
  @property({ attribute: false }) movements: MovementItem[] = [];

  @state() private movementId = '';
  @state() private source = 'template';
  @state() private newTitle = '';
  @state() private year = new Date().getFullYear() + 1;
  @state() private layout: PeriodLayout = 'halves';
  @state() private deadlines: string[] = ['', ''];
  @state() private selectedId: string | null = null;
  @state() private catalogue: MovementCatalogue | null = null;
  @state() private catalogueFor: string | null = null;
  @state() private problems: string[] = [];
  @state() private busy = false;
  @state() private message: { kind: 'ok' | 'danger'; text: string } | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  private get selected(): MovementItem | null {
    return this.movements.find((x) => x.id === this.selectedId) ?? null;
  }

  override willUpdate(): void {
    const sel = this.selected;
    // A fresh copy to edit when another movement is opened or the stored one changed.
    const key = sel ? `${sel.id}:${sel.movement.criteriaVersion}:${JSON.stringify(sel.movement.periods)}:${sel.movement.status}` : null;
    if (key !== this.catalogueFor) {
      this.catalogueFor = key;
      this.catalogue = sel ? catalogueOf(sel.movement) : null;
      this.problems = [];
    }
  }

  private async run<T>(work: () => Promise<T>, done: (r: T) => string) {
    this.busy = true;
    this.message = null;
    try {
      this.message = { kind: 'ok', text: done(await work()) };
    } catch (e) {
      this.message = { kind: 'danger', text: (e as Error).message };
    } finally {
      this.busy = false;
    }
  }

  // ─── Launch ─────────────────────────────────────────────────────────────────────────────────
  private launchInput(): unknown {
    const m = t();
    const source: MovementSource =
      this.source === 'template'
        ? { kind: 'template', template: 'plan119' }
        : this.source === 'scratch'
          ? { kind: 'scratch' }
          : { kind: 'copy', movementId: this.source.slice('copy:'.length) };
    const periods = periodsOfYear(this.year, this.layout, this.deadlines, {
      first: m.halfFirst(this.year),
      second: m.halfSecond(this.year),
      whole: m.wholeYear(this.year),
    });
    return {
      orgId: this.orgId,
      movementId: this.movementId.trim(),
      source,
      title: { vi: this.newTitle.trim(), en: '' },
      periods,
      currentPeriodId: periods[0]!.id,
    };
  }

  private async handleLaunch(e: Event) {
    e.preventDefault();
    const parsed = CreateMovementInput.safeParse(this.launchInput());
    this.problems = issuesOf(parsed);
    if (!parsed.success || !this.api) return;
    const input = parsed.data;
    await this.run(
      () => this.api!.createMovement(input),
      (r) => {
        this.selectedId = r.movementId;
        this.movementId = '';
        return t().launchDone(r.movementId);
      },
    );
  }

  private renderLaunch() {
    const m = t();
    const labels = this.layout === 'halves' ? [m.halfFirst(this.year), m.halfSecond(this.year)] : [m.wholeYear(this.year)];
    return html`<form @submit=${this.handleLaunch} data-testid="launch-form">
      <h3>${m.launchHeading}</h3>
      <div class="row">
        <label
          >${m.launchSource}
          <select data-testid="launch-source" .value=${this.source} @change=${(e: Event) => (this.source = (e.target as HTMLSelectElement).value)}>
            <option value="template">${m.launchTemplate}</option>
            ${this.movements.map((x) => html`<option value=${`copy:${x.id}`}>${m.launchCopy(`${tx(x.movement.title)} (${x.id})`)}</option>`)}
            <option value="scratch">${m.launchScratch}</option>
          </select>
        </label>
        <label
          >${m.movementId}
          <input
            data-testid="launch-id"
            required
            .value=${this.movementId}
            title=${m.launchIdHint}
            @input=${(e: Event) => (this.movementId = (e.target as HTMLInputElement).value)}
          />
        </label>
        <label
          >${m.launchYear}
          <input
            class="short"
            type="number"
            min="2000"
            max="2100"
            data-testid="launch-year"
            .value=${String(this.year)}
            @input=${(e: Event) => (this.year = Number((e.target as HTMLInputElement).value))}
          />
        </label>
        <label
          >${m.launchPeriods}
          <select
            data-testid="launch-layout"
            .value=${this.layout}
            @change=${(e: Event) => (this.layout = (e.target as HTMLSelectElement).value as PeriodLayout)}
          >
            <option value="halves">${m.launchHalves}</option>
            <option value="whole">${m.launchWhole}</option>
          </select>
        </label>
      </div>
      <div class="row">
        <label class="grow"
          >${m.movementTitle}
          <input data-testid="launch-title" required .value=${this.newTitle} @input=${(e: Event) => (this.newTitle = (e.target as HTMLInputElement).value)} />
        </label>
        ${labels.map(
          (l, i) =>
            html`<label
              >${m.launchDeadline(l)}
              <input
                type="date"
                data-testid=${`launch-deadline-${i}`}
                .value=${this.deadlines[i] ?? ''}
                @input=${(e: Event) => (this.deadlines = this.deadlines.map((d, k) => (k === i ? (e.target as HTMLInputElement).value : d)))}
              />
            </label>`,
        )}
        <button type="submit" ?disabled=${this.busy} data-testid="launch-submit">${m.launchSubmit}</button>
      </div>
    </form>`;
  }

  // ─── Catalogue ──────────────────────────────────────────────────────────────────────────────
  private patch(p: Partial<MovementCatalogue>) {
    this.catalogue = { ...this.catalogue!, ...p };
  }
  private setCriterion(i: number, c: Criterion) {
    this.patch({ criteria: this.catalogue!.criteria.map((x, k) => (k === i ? c : x)) });
  }
  private setTarget(i: number, p: Partial<TargetSpec>) {
    const c = this.catalogue!.criteria[i]!;
    if (c.target) this.setCriterion(i, { ...c, target: { ...c.target, ...p } });
  }

  private async handleSave() {
    const sel = this.selected;
    const parsed = MovementCatalogue.safeParse(this.catalogue);
    this.problems = issuesOf(parsed);
    if (!parsed.success || !sel || !this.api) return;
    const catalogue = parsed.data;
    await this.run(
      () => this.api!.updateMovementCatalogue({ orgId: this.orgId, movementId: sel.id, catalogue }),
      (r) => t().catalogueSaved(r.criteriaVersion, r.changed.length),
    );
  }

  private async handleGenerate() {
    const sel = this.selected;
    if (!sel || !this.api) return;
    await this.run(
      () => this.api!.generatePlan({ orgId: this.orgId, movementId: sel.id }),
      (r) => t().planGenerated(r.number, r.version),
    );
  }

  private async handleDownload(format: 'docx' | 'pdf') {
    const sel = this.selected;
    if (!sel || !this.api) return;
    await this.run(
      () => this.api!.downloadPlan(this.orgId, sel.id, format),
      () => t().saved,
    );
  }

  private renderCriterion(c: Criterion, i: number, locked: boolean) {
    const m = t();
    const text = (e: Event) => (e.target as HTMLInputElement).value;
    const num = (e: Event) => (e.target as HTMLInputElement).valueAsNumber;
    const tg = c.target;
    return html`<fieldset data-testid=${`criterion-${i}`} ?disabled=${locked}>
      <div class="row">
        <label
          >${m.criterionCode}<input
            class="short"
            data-testid="criterion-code"
            .value=${c.code}
            @input=${(e: Event) => this.setCriterion(i, { ...c, code: text(e) })}
        /></label>
        <label>${m.criterionGroup}<input class="short" .value=${c.group} @input=${(e: Event) => this.setCriterion(i, { ...c, group: text(e) })} /></label>
        <label
          >${m.criterionKind}
          <select .value=${c.kind} @change=${(e: Event) => this.setCriterion(i, withKind(c, (e.target as HTMLSelectElement).value as Criterion['kind']))}>
            ${(['quantitative', 'qualitative'] as const).map((k) => html`<option value=${k}>${m.kinds[k]}</option>`)}
          </select>
        </label>
        <label
          >${m.criterionPoints}<input
            class="short"
            type="number"
            min="0"
            max="1000"
            step="0.5"
            data-testid="criterion-points"
            .value=${String(c.maxPoints)}
            @input=${(e: Event) => this.setCriterion(i, { ...c, maxPoints: num(e), defaultMarked: false })}
        /></label>
        <label
          ><span>${m.evidenceRequired}</span
          ><input
            type="checkbox"
            .checked=${c.evidenceRequired !== false}
            @change=${(e: Event) => this.setCriterion(i, { ...c, evidenceRequired: (e.target as HTMLInputElement).checked })}
        /></label>
        <button type="button" class="secondary" @click=${() => this.patch({ criteria: this.catalogue!.criteria.filter((_x, k) => k !== i) })}>
          ${m.criterionRemove}
        </button>
      </div>
      <label class="grow"
        >${m.criterionText}
        <textarea
          rows="2"
          data-testid="criterion-text"
          .value=${c.text.vi}
          @input=${(e: Event) => this.setCriterion(i, { ...c, text: { ...c.text, vi: (e.target as HTMLTextAreaElement).value } })}
        ></textarea>
      </label>
      ${
        tg
          ? html`<div class="row">
              <label
                >${m.comparator}
                <select
                  .value=${tg.comparator}
                  @change=${(e: Event) => this.setTarget(i, { comparator: (e.target as HTMLSelectElement).value as TargetSpec['comparator'] })}
                >
                  ${(['eq', 'gte', 'increase', 'none'] as const).map((k) => html`<option value=${k}>${m.comparators[k]}</option>`)}
                </select>
              </label>
              <label
                >${m.threshold}<input
                  class="short"
                  type="number"
                  min="0"
                  max="100"
                  .value=${String(tg.threshold)}
                  @input=${(e: Event) => this.setTarget(i, { threshold: num(e) })}
              /></label>
              <label
                >${m.strength}
                <select
                  .value=${tg.strength}
                  @change=${(e: Event) => this.setTarget(i, { strength: (e.target as HTMLSelectElement).value as TargetSpec['strength'] })}
                >
                  ${(['hard', 'aspirational'] as const).map((k) => html`<option value=${k}>${m.strengths[k]}</option>`)}
                </select>
              </label>
              <label
                >${m.partialCredit}
                <select
                  data-testid="criterion-rule"
                  .value=${tg.partialCredit}
                  @change=${(e: Event) =>
                    this.setCriterion(i, { ...c, target: withRule(tg, (e.target as HTMLSelectElement).value as TargetSpec['partialCredit']) })}
                >
                  ${(['all-or-nothing', 'linear', 'steps'] as const).map((k) => html`<option value=${k}>${m.partialCredits[k]}</option>`)}
                </select>
              </label>
              ${
                tg.partialCredit === 'steps'
                  ? html`<label
                      >${m.steps}<input
                        data-testid="criterion-steps"
                        .value=${stepsText(tg.steps)}
                        placeholder="10:25; 20:50"
                        @change=${(e: Event) => this.setTarget(i, { steps: parseStepsText(text(e)) })}
                    /></label>`
                  : nothing
              }
              <label class="grow"
                >${m.targetNumerator}<input
                  .value=${tg.numerator.vi}
                  @input=${(e: Event) => this.setTarget(i, { numerator: { ...tg.numerator, vi: text(e) } })}
              /></label>
              <label class="grow"
                >${m.targetDenominator}<input
                  .value=${tg.denominator.vi}
                  @input=${(e: Event) => this.setTarget(i, { denominator: { ...tg.denominator, vi: text(e) } })}
              /></label>
            </div>`
          : nothing
      }
    </fieldset>`;
  }

  private renderCatalogue(sel: MovementItem) {
    const m = t();
    const cat = this.catalogue!;
    const locked = !isCatalogueEditable(sel.movement);
    const plan = cat.plan;
    return html`<section data-testid="catalogue-editor">
      <h3>${m.catalogueHeading(tx(sel.movement.title))}</h3>
      <p class="notice">${m.movementPhase}: <strong data-testid="catalogue-phase">${m.movementStatuses[sel.movement.status]}</strong></p>
      ${locked ? html`<p class="notice warn" data-testid="catalogue-locked">${m.catalogueLocked}</p>` : nothing}
      <div class="row">
        <button type="button" ?disabled=${this.busy || sel.movement.status === 'closed'} data-testid="plan-generate" @click=${this.handleGenerate}>
          ${m.planGenerate}
        </button>
        <button type="button" class="secondary" ?disabled=${this.busy} data-testid="plan-download-docx" @click=${() => this.handleDownload('docx')}>
          ${m.planDownload('docx')}
        </button>
        <button type="button" class="secondary" ?disabled=${this.busy} data-testid="plan-download-pdf" @click=${() => this.handleDownload('pdf')}>
          ${m.planDownload('pdf')}
        </button>
      </div>
      <fieldset ?disabled=${locked}>
        <label class="grow"
          >${m.movementTitle}
          <input
            data-testid="catalogue-title"
            .value=${cat.title.vi}
            @input=${(e: Event) => this.patch({ title: { ...cat.title, vi: (e.target as HTMLInputElement).value } })}
          />
        </label>
      </fieldset>
      <h3>${m.periodsHeading}</h3>
      <fieldset ?disabled=${locked}>
        ${cat.periods.map(
          (p, i) =>
            html`<div class="row">
              <label class="grow"
                >${m.periodLabel}<input
                  .value=${p.label.vi}
                  @input=${(e: Event) => this.patch({ periods: cat.periods.map((x, k) => (k === i ? { ...x, label: { ...x.label, vi: (e.target as HTMLInputElement).value } } : x)) })}
              /></label>
              <label
                >${m.deadlineLabel}<input
                  type="date"
                  data-testid=${`catalogue-deadline-${p.id}`}
                  .value=${p.deadline === null ? '' : vnDate(p.deadline)}
                  @input=${(e: Event) => {
                    const v = (e.target as HTMLInputElement).value;
                    this.patch({ periods: cat.periods.map((x, k) => (k === i ? { ...x, deadline: v ? endOfVnDay(v) : null } : x)) });
                  }}
              /></label>
            </div>`,
        )}
      </fieldset>
      <h3>${m.criteriaHeading}</h3>
      ${cat.criteria.map((c, i) => this.renderCriterion(c, i, locked))}
      <button
        type="button"
        class="secondary"
        ?disabled=${locked}
        data-testid="criterion-add"
        @click=${() => this.patch({ criteria: [...cat.criteria, newCriterion(cat)] })}
      >
        ${m.criterionAdd}
      </button>
      <h3>${m.bandsHeading}</h3>
      <fieldset ?disabled=${locked}>
        ${cat.bands.map(
          (b, i) =>
            html`<div class="row">
              <label
                >${m.bandMin}<input
                  class="short"
                  type="number"
                  min="0"
                  max="100"
                  .value=${String(b.min)}
                  @input=${(e: Event) => this.patch({ bands: cat.bands.map((x, k) => (k === i ? { ...x, min: (e.target as HTMLInputElement).valueAsNumber } : x)) })}
              /></label>
              <label
                >${m.bandName}<input
                  .value=${b.vi}
                  @input=${(e: Event) => this.patch({ bands: cat.bands.map((x, k) => (k === i ? { ...x, vi: (e.target as HTMLInputElement).value } : x)) })}
              /></label>
            </div>`,
        )}
        <label
          >${m.tieRule}
          <select .value=${cat.tieRule} @change=${(e: Event) => this.patch({ tieRule: (e.target as HTMLSelectElement).value as MovementCatalogue['tieRule'] })}>
            ${(['shared', 'by-code'] as const).map((k) => html`<option value=${k}>${m.tieRules[k]}</option>`)}
          </select>
        </label>
      </fieldset>
      <h3>${m.planHeading}</h3>
      <fieldset ?disabled=${locked}>
        <label
          >${m.planIntro}<textarea
            rows="2"
            .value=${plan.intro}
            @input=${(e: Event) => this.patch({ plan: { ...plan, intro: (e.target as HTMLTextAreaElement).value } })}
          ></textarea>
        </label>
        ${plan.sections.map(
          (s, i) =>
            html`<label
              >${s.heading}<textarea
                rows="6"
                .value=${s.paragraphs.join('\n')}
                @change=${(e: Event) => this.patch({ plan: { ...plan, sections: plan.sections.map((x, k) => (k === i ? { ...x, paragraphs: linesOf((e.target as HTMLTextAreaElement).value) } : x)) } })}
              ></textarea>
            </label>`,
        )}
        <label
          >${m.planClosing}<textarea
            rows="2"
            .value=${plan.closing}
            @input=${(e: Event) => this.patch({ plan: { ...plan, closing: (e.target as HTMLTextAreaElement).value } })}
          ></textarea>
        </label>
        <label
          >${m.planRecipients}<textarea
            rows="5"
            .value=${plan.recipients.join('\n')}
            @change=${(e: Event) => this.patch({ plan: { ...plan, recipients: linesOf((e.target as HTMLTextAreaElement).value) } })}
          ></textarea>
        </label>
        <label
          >${m.planSigner}<input
            .value=${plan.signer.name}
            @input=${(e: Event) => this.patch({ plan: { ...plan, signer: { ...plan.signer, name: (e.target as HTMLInputElement).value } } })}
        /></label>
      </fieldset>
      <button type="button" ?disabled=${locked || this.busy} data-testid="catalogue-save" @click=${this.handleSave}>${m.catalogueSave}</button>
    </section>`;
  }

  private renderList() {
    const m = t();
    if (!this.movements.length) return html`<p class="notice" data-testid="movements-empty">${m.movementsEmpty}</p>`;
    // Current ones first, then the closed ones (the past years), newest id first within each.
    const rows = [...this.movements].sort(
      (a, b) => Number(a.movement.status === 'closed') - Number(b.movement.status === 'closed') || b.id.localeCompare(a.id),
    );
    return html`<div class="table-wrap">
      <table data-testid="movements-list">
        <thead>
          <tr>
            <th>${m.movementId}</th>
            <th>${m.movementTitle}</th>
            <th>${m.movementPhase}</th>
            <th>${m.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (x) =>
              html`<tr data-testid=${`movement-row-${x.id}`} data-status=${x.movement.status}>
                <td>${x.id}</td>
                <td>${tx(x.movement.title)}</td>
                <td data-testid="movement-phase">${m.movementStatuses[x.movement.status]}${x.movement.status === 'closed' ? ` (${m.movementsPast})` : ''}</td>
                <td>
                  <button type="button" class="secondary" data-testid=${`movement-open-${x.id}`} @click=${() => (this.selectedId = x.id)}>
                    ${m.movementOpen}
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const m = t();
    const sel = this.selected;
    return html`<h2>${m.movementsHeading}</h2>
      ${this.renderList()} ${this.renderLaunch()}
      ${this.message ? html`<p class="notice ${this.message.kind}" role=${this.message.kind === 'danger' ? 'alert' : 'status'} data-testid="movements-message">${this.message.text}</p>` : nothing}
      ${
        this.problems.length
          ? html`<div class="notice danger" role="alert" data-testid="movements-problems">
              ${m.catalogueProblems}
              <ul class="problems">
                ${this.problems.map((p) => html`<li>${p}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${sel && this.catalogue ? this.renderCatalogue(sel) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-movements': AdminMovements;
  }
}
