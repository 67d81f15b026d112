import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { isSelfScored, type Answer, type Criterion, type Figure, type ItemResult, type Raise, type SubmissionProblem } from '@thidua/domain';
import type { EvidenceItem } from '../data/evidence.js';
import type { Transfer } from '../controllers/evidence-controller.js';
import { answerChange, conflictResolve, figureChange } from '../events/report-events.js';
import { slotKey, type Conflict, type SlotValue } from '../logic/draft.js';
import { LocaleController, formatNumber, formatPercent, locale, t, tx } from '../i18n/index.js';
import { checkFigure, checkSelfScore, figureText, type FigureCheck, type ScoreCheck } from '../logic/figure-input.js';
import { base, controls } from '../styles/shared.js';
import './evidence-panel.js';

/** Values are compared by content: a fresh copy of the same figure from Firestore is no change. */
const byValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);

/**
 * One item of the scorecard. A target: numerator and denominator (whole numbers, checked with the
 * domain's Figure schema as the person types) and an optional giải trình (needed for 0/0). A
 * qualitative criterion: a self-score and the giải trình. A target without threshold: both.
 * Shows the item's points, the reason the scoring engine gives and, once filled, what would raise
 * it; its evidence (evidence-panel), and inline what still blocks submission once it is self-scored. Presentational: plain data in, events out; what was typed stays in the boxes even while it
 * is not valid.
 *
 * @fires figure-change - a quantitative item's figure was edited (detail: code, figure | null, valid)
 * @fires answer-change - a qualitative item's self-score or explanation was edited
 */
@customElement('criterion-field')
export class CriterionField extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      article {
        padding: 1rem 0;
        border-top: 1px solid var(--td-border);
      }
      :host(:first-of-type) article {
        border-top: 0;
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5rem;
      }
      .code {
        font-weight: 700;
        color: var(--td-primary);
      }
      .max {
        font-size: 0.8rem;
        color: var(--td-muted);
        white-space: nowrap;
      }
      .text {
        margin: 0.25rem 0 0.5rem;
      }
      .target {
        font-size: 0.875rem;
        color: var(--td-muted);
        margin: 0 0 0.75rem;
      }
      /* Label, meaning, box and error of both columns share rows, so the two boxes line up. */
      .pair {
        display: grid;
        grid-template-columns: 1fr 1fr;
        grid-template-rows: auto 1fr auto auto;
        column-gap: 0.75rem;
      }
      .pair > div {
        display: grid;
        grid-row: span 4;
        grid-template-rows: subgrid;
      }
      .pair label {
        margin-bottom: 0;
      }
      .pair .hint {
        margin: 0 0 0.25rem;
      }
      input.num {
        font-variant-numeric: tabular-nums;
      }
      .score-row {
        max-width: 12rem;
        margin-bottom: 0.75rem;
      }
      .pair + .score-row {
        margin-top: 0.75rem;
      }
      textarea {
        min-height: 5rem;
        resize: vertical;
      }
      .result {
        margin: 0.75rem 0 0;
        padding: 0.5rem 0.75rem;
        border-radius: var(--td-radius);
        background: var(--td-muted-bg);
        font-size: 0.875rem;
      }
      .result strong {
        font-variant-numeric: tabular-nums;
      }
      .result.met {
        background: var(--td-ok-bg);
      }
      .raise {
        margin: 0.5rem 0 0;
        font-size: 0.875rem;
        color: var(--td-primary-dark);
      }
      details {
        margin-top: 0.75rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--td-primary);
        min-height: 32px;
      }
      details label {
        margin-top: 0.5rem;
      }
      .na {
        color: var(--td-muted);
        font-style: italic;
      }
      .conflict {
        margin: 0 0 0.75rem;
      }
      .conflict p {
        margin: 0 0 0.5rem;
      }
      .conflict dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 0.75rem;
        margin: 0 0 0.5rem;
      }
      .conflict dt {
        font-weight: 600;
      }
      .conflict dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .conflict .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  @state() private num = '';
  @state() private den = '';
  @state() private score = '';
  @state() private explanation = '';
  @state() private figureCheck: FigureCheck = { figure: null, empty: true };
  @state() private scoreCheck: ScoreCheck = { value: undefined };

  /** The criterion from the movement's catalogue. */
  @property({ attribute: false }) criterion!: Criterion;
  /** The stored (or last valid) figure of a quantitative item. */
  @property({ attribute: false, hasChanged: byValue }) figure: Figure | undefined;
  /** The stored answer of a qualitative item. */
  @property({ attribute: false, hasChanged: byValue }) answer: Answer | undefined;
  /** The scoring engine's verdict for this item. */
  @property({ attribute: false }) result: ItemResult | null = null;
  /** How the item could gain points (domain whatWouldRaise), if it can. */
  @property({ attribute: false }) raise: Raise | null = null;
  /** Read-only (the report is no longer a draft). */
  @property({ type: Boolean }) disabled = false;
  /** The unit's evidence for the movement (the attached ids are in `answer`). */
  @property({ attribute: false }) evidence: readonly EvidenceItem[] = [];
  /** Which items each piece of evidence backs in this report. */
  @property({ attribute: false }) usedBy: ReadonlyMap<string, readonly string[]> = new Map();
  /** An evidence request for this item is in flight. */
  @property({ type: Boolean }) evidenceBusy = false;
  /** The item's evidence upload or download in flight, with its progress. */
  @property({ attribute: false }) evidenceTransfer: Transfer | null = null;
  /** The last evidence refusal for this item. */
  @property() evidenceError: string | null = null;
  /** Someone else stored another figure / answer for this item than this person typed. */
  @property({ attribute: false }) figureConflict: Conflict | undefined;
  @property({ attribute: false }) answerConflict: Conflict | undefined;
  /** What blocks submission for this item (domain validateForSubmission). */
  @property({ attribute: false }) problems: readonly SubmissionProblem[] = [];

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Take the stored value only when it differs from what the boxes mean: never overwrite typing.
    if (changed.has('figure')) {
      const current = checkFigure(this.num, this.den);
      const stored = this.figure ?? null;
      const typedIsStored = current.figure
        ? stored !== null && current.figure.numerator === stored.numerator && current.figure.denominator === stored.denominator
        : stored === null || !current.empty;
      if (!typedIsStored || !this.hasUpdated) {
        const text = figureText(stored);
        this.num = text.numerator;
        this.den = text.denominator;
        this.figureCheck = checkFigure(this.num, this.den);
      }
    }
    if (changed.has('answer')) {
      const self = this.answer?.selfScore;
      const typed = checkSelfScore(this.score, this.criterion.maxPoints);
      if (!this.hasUpdated || (typed.error === undefined && typed.value !== self)) {
        this.score = self === undefined ? '' : String(self);
        this.scoreCheck = checkSelfScore(this.score, this.criterion.maxPoints);
      }
      const expl = this.answer?.explanation ?? '';
      if (!this.hasUpdated || expl !== this.explanation) this.explanation = expl;
    }
  }

  private get figureValid(): boolean {
    return !this.figureCheck.numeratorError && !this.figureCheck.denominatorError;
  }

  private get itemValid(): boolean {
    return this.figureValid && !this.scoreCheck.error;
  }

  private handleFigureInput(which: 'num' | 'den', e: Event) {
    const value = (e.target as HTMLInputElement).value;
    if (which === 'num') this.num = value;
    else this.den = value;
    this.figureCheck = checkFigure(this.num, this.den);
    this.dispatchEvent(figureChange({ code: this.criterion.code, figure: this.figureCheck.figure, valid: this.figureValid, itemValid: this.itemValid }));
  }

  private handleScoreInput(e: Event) {
    this.score = (e.target as HTMLInputElement).value;
    this.scoreCheck = checkSelfScore(this.score, this.criterion.maxPoints);
    // An invalid score leaves the stored one alone (patch {}), and marks the item as invalid.
    const patch = this.scoreCheck.error ? {} : { selfScore: this.scoreCheck.value };
    this.dispatchEvent(answerChange({ code: this.criterion.code, patch, itemValid: this.itemValid }));
  }

  private handleExplanationInput(e: Event) {
    this.explanation = (e.target as HTMLTextAreaElement).value;
    this.dispatchEvent(answerChange({ code: this.criterion.code, patch: { explanation: this.explanation }, itemValid: this.itemValid }));
  }

  private targetText(): string {
    const m = t();
    const tg = this.criterion.target;
    if (!tg) return '';
    const threshold = formatNumber(tg.threshold);
    const rule =
      tg.comparator === 'eq'
        ? m.targetEq(threshold)
        : tg.comparator === 'gte'
          ? m.targetGte(threshold)
          : tg.comparator === 'increase'
            ? m.targetIncrease
            : m.selfScoredTarget;
    const parts = [rule + (tg.strength === 'aspirational' ? ` (${m.aspirational})` : '')];
    if (tg.comparator === 'eq' || tg.comparator === 'gte')
      parts.push(
        tg.partialCredit === 'linear'
          ? m.creditLinear
          : tg.partialCredit === 'steps'
            ? m.creditSteps((tg.steps ?? []).map((st) => m.creditStep(formatPercent(st.from), formatPercent(st.share))).join('; '))
            : m.creditAll,
      );
    return parts.join(' · ');
  }

  private renderFigures() {
    const m = t();
    const tg = this.criterion.target;
    const c = this.figureCheck;
    const errNum = c.numeratorError ? m[c.numeratorError] : null;
    const errDen = c.denominatorError ? m[c.denominatorError] : null;
    return html`<p class="target">${this.targetText()}</p>
      <div class="pair">
        <div>
          <label for="num">${m.numerator}</label>
          <p class="hint" id="num-hint">${tx(tg?.numerator)}</p>
          <input
            id="num"
            class="num"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            .value=${this.num}
            ?disabled=${this.disabled}
            aria-invalid=${errNum ? 'true' : 'false'}
            aria-describedby=${errNum ? 'num-hint num-error' : 'num-hint'}
            data-testid="numerator"
            @input=${(e: Event) => this.handleFigureInput('num', e)}
          />
          ${errNum ? html`<p class="error" id="num-error" data-testid="numerator-error">${errNum}</p>` : nothing}
        </div>
        <div>
          <label for="den">${m.denominator}</label>
          <p class="hint" id="den-hint">${tx(tg?.denominator)}</p>
          <input
            id="den"
            class="num"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            .value=${this.den}
            ?disabled=${this.disabled}
            aria-invalid=${errDen ? 'true' : 'false'}
            aria-describedby=${errDen ? 'den-hint den-error' : 'den-hint'}
            data-testid="denominator"
            @input=${(e: Event) => this.handleFigureInput('den', e)}
          />
          ${errDen ? html`<p class="error" id="den-error" data-testid="denominator-error">${errDen}</p>` : nothing}
        </div>
      </div>`;
  }

  private renderExplanation(label: string) {
    const m = t();
    const evidence = this.answer?.evidenceIds.length ?? 0;
    return html`<label for="explanation">${label}</label>
      <textarea
        id="explanation"
        maxlength="4000"
        .value=${this.explanation}
        ?disabled=${this.disabled}
        aria-invalid=${this.needsExplanation ? 'true' : 'false'}
        aria-describedby=${this.needsExplanation ? 'explanation-hint item-problems' : 'explanation-hint'}
        data-testid="explanation"
        @input=${this.handleExplanationInput}
      ></textarea>
      <p class="hint" id="explanation-hint">${m.explanationHint}${evidence > 0 ? html` · ${m.evidenceCount(evidence)}` : nothing}</p>
      ${this.renderProblems()}`;
  }

  /**
   * What still blocks submission, inline, once the item is self-scored (a score without evidence
   * needs a giải trình): the same domain check the submit function makes.
   */
  private get needsExplanation(): boolean {
    return !this.disabled && this.answer?.selfScore !== undefined && this.problems.length > 0;
  }

  private renderProblems() {
    if (!this.needsExplanation) return nothing;
    return html`<div role="status" id="item-problems" data-testid="item-problems">
      ${this.problems.map((p) => html`<p class="error" data-testid="explanation-needed">${tx(p.message)}</p>`)}
    </div>`;
  }

  /** A target: the figures, and a giải trình folded away unless it is needed or already written. */
  private renderTarget() {
    const m = t();
    const zero = this.figure?.denominator === 0;
    return html`${this.renderFigures()}
      <details ?open=${zero || this.explanation !== ''}>
        <summary>${m.explanationOptional}</summary>
        ${zero ? html`<p class="hint">${m.explanationZeroHint}</p>` : nothing} ${this.renderExplanation(m.explanation)}
      </details>`;
  }

  private renderSelfScore() {
    const m = t();
    const max = formatNumber(this.criterion.maxPoints);
    const err = this.scoreCheck.error === 'errSelfScoreRange' ? m.errSelfScoreRange(max) : this.scoreCheck.error ? m[this.scoreCheck.error] : null;
    return html`<div class="score-row">
        <label for="score">${m.selfScore}</label>
        <input
          id="score"
          class="num"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${this.score}
          ?disabled=${this.disabled}
          aria-invalid=${err ? 'true' : 'false'}
          aria-describedby=${err ? 'score-hint score-error' : 'score-hint'}
          data-testid="self-score"
          @input=${this.handleScoreInput}
        />
        <p class="hint" id="score-hint">${m.selfScoreHint(max)}</p>
        ${err ? html`<p class="error" id="score-error" data-testid="self-score-error">${err}</p>` : nothing}
      </div>
      ${this.renderExplanation(m.explanation)}`;
  }

  private renderResult() {
    const r = this.result;
    // While the boxes hold an invalid input the verdict would describe the last valid one: hide it.
    const invalid = this.figureCheck.numeratorError || this.figureCheck.denominatorError || this.scoreCheck.error;
    if (!r || !r.applicable || invalid) return nothing;
    const m = t();
    const why = locale() === 'en' && r.why.en ? r.why.en : r.why.vi;
    const filled = this.figure !== undefined || this.answer?.selfScore !== undefined;
    const raise = filled && this.raise && this.raise.gain > 0 ? this.raise : null;
    return html`<p class="result ${r.met ? 'met' : ''}" aria-live="polite" data-testid="item-result" data-points=${String(r.points)}>
        <strong>${m.points(formatNumber(r.points), formatNumber(r.max))}</strong> — ${why}
      </p>
      ${raise ? html`<p class="raise" data-testid="item-raise">${m.raise(formatNumber(raise.gain))} ${tx(raise.how)}</p>` : nothing}`;
  }

  private slotText(field: 'figures' | 'answers', v: SlotValue): string {
    const m = t();
    if (v === undefined) return m.conflictEmpty;
    if (field === 'figures') {
      const f = v as Figure;
      return `${formatNumber(f.numerator, 0)}/${formatNumber(f.denominator, 0)}`;
    }
    const a = v as Answer;
    const parts: string[] = [];
    if (a.selfScore !== undefined) parts.push(m.conflictSelfScore(formatNumber(a.selfScore)));
    if (a.explanation) parts.push(m.conflictExplanation(a.explanation.length > 120 ? `${a.explanation.slice(0, 120)}…` : a.explanation));
    if (a.evidenceIds.length > 0) parts.push(m.conflictEvidence(a.evidenceIds.length));
    return parts.join(' · ') || m.conflictEmpty;
  }

  /** Both values side by side and the choice; until it is made the item is not saved. */
  private renderConflict(field: 'figures' | 'answers', c: Conflict | undefined) {
    if (!c) return nothing;
    const m = t();
    const slot = slotKey(field, this.criterion.code);
    const keep = (k: 'theirs' | 'mine') => this.dispatchEvent(conflictResolve({ slot, keep: k }));
    return html`<div class="notice warn conflict" role="alert" data-testid="conflict" data-field=${field}>
      <p>${m.conflictTitle}</p>
      <dl>
        <dt>${m.conflictTheirs}</dt>
        <dd data-testid="conflict-theirs">${this.slotText(field, c.theirs)}</dd>
        <dt>${m.conflictMine}</dt>
        <dd data-testid="conflict-mine">${this.slotText(field, c.mine)}</dd>
      </dl>
      <div class="row">
        <button type="button" class="secondary" data-testid="conflict-keep-theirs" ?disabled=${this.disabled} @click=${() => keep('theirs')}>
          ${m.conflictKeepTheirs}
        </button>
        <button type="button" data-testid="conflict-keep-mine" ?disabled=${this.disabled} @click=${() => keep('mine')}>${m.conflictKeepMine}</button>
      </div>
    </div>`;
  }

  override render() {
    const c = this.criterion;
    const m = t();
    const applicable = this.result?.applicable ?? true;
    return html`<article data-testid=${`criterion-${c.code}`} data-code=${c.code} data-kind=${c.kind} aria-labelledby="code text">
      <div class="head">
        <span class="code" id="code">${c.code}</span>
        <span class="max">${m.maxPoints(formatNumber(c.maxPoints))}</span>
      </div>
      <p class="text" id="text">${tx(c.text)}</p>
      ${this.renderConflict('figures', this.figureConflict)} ${this.renderConflict('answers', this.answerConflict)}
      ${
        !applicable
          ? html`<p class="na">${m.notApplicable}</p>`
          : !isSelfScored(c)
            ? this.renderTarget()
            : c.target
              ? html`${this.renderFigures()} ${this.renderSelfScore()}`
              : this.renderSelfScore()
      }
      ${this.renderResult()}
      ${
        applicable
          ? html`<evidence-panel
              .code=${c.code}
              .attachedIds=${this.answer?.evidenceIds ?? []}
              .items=${this.evidence}
              .usedBy=${this.usedBy}
              .busy=${this.evidenceBusy}
              .transfer=${this.evidenceTransfer}
              .error=${this.evidenceError}
              ?disabled=${this.disabled}
            ></evidence-panel>`
          : nothing
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'criterion-field': CriterionField;
  }
}
