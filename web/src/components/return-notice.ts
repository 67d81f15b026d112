import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { reportId as makeReportId, type ReportStatus } from '@thidua/domain';
import { reviewBackendContext } from '../context/review-context.js';
import { sessionContext } from '../context/session-context.js';
import { emptyOrgData, orgDataContext, type OrgData } from '../context/org-data-context.js';
import { UnitAppraisalController } from '../controllers/unit-appraisal-controller.js';
import type { Session } from '../data/backend.js';
import type { ReviewBackend } from '../data/review-backend.js';
import { LocaleController, formatDate, formatNumber, t, tx } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';

/**
 * The unit's side of an appraisal, inside the report form: when the report was returned, the
 * reviewer's comment on each item and the response deadline (the unit edits, then resubmits);
 * once items are appraised, their appraised scores beside the reasons.
 */
@customElement('return-notice')
export class ReturnNotice extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      ul {
        margin: 0.5rem 0 0;
        padding-left: 1.25rem;
      }
      li {
        margin-bottom: 0.35rem;
      }
      .code {
        font-weight: 700;
      }
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.25rem;
      }
      details summary {
        cursor: pointer;
        font-weight: 600;
      }
    `,
  ];

  private readonly appraisal = new UnitAppraisalController(this);

  @consume({ context: reviewBackendContext })
  private backend?: ReviewBackend;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session: Session | null = null;

  @consume({ context: orgDataContext, subscribe: true })
  @state()
  private orgData: OrgData = emptyOrgData;

  /** The unit whose report the form shows. */
  @property() unitId: string | null = null;
  /** The report's status, from the form. */
  @property() status: ReportStatus = 'draft';

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(): void {
    const claims = this.session?.claims;
    const entry = this.orgData.current;
    if (this.backend && claims && entry && this.unitId) {
      const reportId = makeReportId(entry.movement.currentPeriodId, this.unitId);
      this.appraisal.setTarget({ backend: this.backend, orgId: claims.org, movementId: entry.id, unitId: this.unitId, reportId });
    } else {
      this.appraisal.setTarget(null);
    }
  }

  private criterionText(code: string): string {
    return tx(this.orgData.current?.movement.criteria.find((c) => c.code === code)?.text);
  }

  override render() {
    const m = t();
    const a = this.appraisal.appraisal;
    if (!a) return nothing;
    const comments = Object.entries(a.returnComments);
    const items = Object.entries(a.items);
    const overdue = a.responseDeadline !== null && a.responseDeadline < Date.now();
    return html`${
      this.status === 'returned' && comments.length
        ? html`<section class="notice warn" aria-labelledby="rn-title" data-testid="return-notice">
            <h2 id="rn-title">${m.returnedTitle}</h2>
            ${
              a.responseDeadline !== null
                ? html`<p style="margin:0" data-testid="response-deadline-text" data-value=${String(a.responseDeadline)}>
                    <b>${m.returnedDeadline(formatDate(a.responseDeadline))}</b>${overdue ? html` — <span class="error">${m.returnedOverdue}</span>` : nothing}
                  </p>`
                : nothing
            }
            <p style="margin:0.25rem 0 0">${m.returnedIntro}</p>
            <ul>
              ${comments.map(
                ([code, text]) =>
                  html`<li data-testid="return-comment-item" data-code=${code}>
                    <span class="code">${code}:</span> <q>${text}</q> <br /><span class="hint">${this.criterionText(code)}</span>
                  </li>`,
              )}
            </ul>
          </section>`
        : nothing
    }
    ${
      items.length
        ? html`<details class="card" style="margin-bottom:1rem" data-testid="appraised-items">
            <summary>${m.appraisedItemsTitle} (${items.length})</summary>
            <ul>
              ${items.map(([code, i]) => html`<li><span class="code">${code}</span>: ${formatNumber(i.score)} — ${i.reason}</li>`)}
            </ul>
          </details>`
        : nothing
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'return-notice': ReturnNotice;
  }
}
