import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ScoreResult } from '@thidua/domain';
import { LocaleController, formatNumber, formatPercent, t } from '../i18n/index.js';
import { base } from '../styles/shared.js';

/** The live score of a report: total, percent, band, and how many items are filled. */
@customElement('score-summary')
export class ScoreSummary extends LitElement {
  static override styles = [
    base,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 0.5rem;
        margin: 0;
      }
      .grid div {
        background: var(--td-muted-bg);
        border-radius: var(--td-radius);
        padding: 0.5rem;
        text-align: center;
      }
      dt {
        font-size: 0.8rem;
        color: var(--td-muted);
      }
      dd {
        margin: 0;
        font-size: 1.15rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .progress {
        margin-top: 0.75rem;
        font-size: 0.9rem;
      }
      progress {
        width: 100%;
        height: 0.5rem;
        accent-color: var(--td-primary);
      }
      .next {
        margin: 0.5rem 0 0;
        font-size: 0.875rem;
        color: var(--td-muted);
      }
      .invalid {
        color: var(--td-danger);
        font-size: 0.875rem;
        margin: 0.25rem 0 0;
      }
    `,
  ];

  /** The score from the domain's scoreReport. */
  @property({ attribute: false }) score: ScoreResult | null = null;
  /** The band's name in the current language. */
  @property() band = '';
  /** Items filled / applicable items. */
  @property({ type: Number }) filled = 0;
  @property({ type: Number }) total = 0;
  /** The next rating up and the points it needs (domain pointsToNextBand), if any. */
  @property({ attribute: false }) nextBand: { band: string; points: number } | null = null;
  /** Items whose input is not valid. */
  @property({ type: Number }) invalid = 0;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const m = t();
    const s = this.score;
    if (!s) return nothing;
    return html`<section aria-label=${m.liveScore} data-testid="score-summary">
      <dl class="grid">
        <div>
          <dt>${m.total}</dt>
          <dd data-testid="score-total">${formatNumber(s.total)}/${formatNumber(s.max)}</dd>
        </div>
        <div>
          <dt>${m.percent}</dt>
          <dd data-testid="score-percent" data-value=${String(s.percent)}>${formatPercent(s.percent)}</dd>
        </div>
        <div>
          <dt>${m.band}</dt>
          <dd data-testid="score-band">${this.band}</dd>
        </div>
      </dl>
      <div class="progress" data-testid="progress" data-filled=${this.filled} data-total=${this.total}>
        <span id="progress-label">${m.progress(this.filled, this.total)}</span>
        <progress max=${this.total || 1} .value=${this.filled} aria-labelledby="progress-label"></progress>
      </div>
      ${this.nextBand ? html`<p class="next" data-testid="next-band">${m.nextBand(formatNumber(this.nextBand.points), this.nextBand.band)}</p>` : nothing}
      ${this.invalid > 0 ? html`<p class="invalid" role="alert">${m.invalidCount(this.invalid)}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'score-summary': ScoreSummary;
  }
}
