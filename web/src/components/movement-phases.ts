import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AdvanceMovementInput, PHASES, PHASE_TEXT, STEP_TEXT, mayTakeStep, type Blocker, type Movement, type OrgRole, type Phase } from '@thidua/domain';
import type { AdminApi } from '../data/admin-api.js';
import { LocaleController, formatDate, formatTime, t, tx } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';

/**
 * The movement's timeline: the phase it is in, who moved it and when (its phase history), what
 * blocks the next step (the server's `movementPhase`, the domain's `phaseBlockers`) and, for the
 * people who may take it, the button of that step. The server decides; a refusal is shown in its words.
 */
@customElement('movement-phases')
export class MovementPhases extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      ol.phases {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        list-style: none;
        padding: 0;
        margin: 0 0 0.75rem;
      }
      ol.phases li {
        padding: 0.2rem 0.6rem;
        border-radius: 1rem;
        border: 1px solid var(--border, #ccc);
        font-size: 0.9em;
      }
      ol.phases li.done {
        opacity: 0.7;
      }
      ol.phases li.current {
        font-weight: 600;
        border-width: 2px;
      }
      ul.timeline {
        padding-left: 1.2rem;
      }
      ul.blockers li.hard {
        color: var(--danger, #a00);
      }
    `,
  ];

  @property({ attribute: false }) api?: AdminApi;
  @property({ attribute: false }) orgId = '';
  @property({ attribute: false }) movementId = '';
  @property({ attribute: false }) movement?: Movement;
  /** The signed-in person's roles: the step button is offered only to whom the server lets take it. */
  @property({ attribute: false }) roles: readonly OrgRole[] = [];

  @state() private blockers: Blocker[] | null = null;
  @state() private reason = '';
  @state() private summary = '';
  @state() private busy = false;
  @state() private message: { kind: 'ok' | 'danger'; text: string } | null = null;
  private checkedFor: string | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(): void {
    // Check again whenever the movement moved (status or history), or another one is shown.
    const key = this.movement ? `${this.orgId}/${this.movementId}/${this.movement.status}/${this.movement.phaseHistory?.length ?? 0}` : null;
    if (key && key !== this.checkedFor) {
      this.checkedFor = key;
      this.blockers = null;
      void this.check(key);
    }
  }

  private async check(key: string) {
    if (!this.api) return;
    try {
      const view = await this.api.movementPhase({ orgId: this.orgId, movementId: this.movementId });
      if (key === this.checkedFor) this.blockers = view.blockers;
    } catch (e) {
      if (key === this.checkedFor) this.message = { kind: 'danger', text: (e as Error).message };
    }
  }

  private async handleAdvance(to: Phase, e: Event) {
    e.preventDefault();
    if (!this.api) return;
    const reason = this.reason.trim();
    // Closing carries the secretariat's part V of the tổng kết (a retry resends the stored one).
    const summary = to === 'closed' ? (this.movement?.status === 'closed' ? (this.movement.closingSummary ?? '') : this.summary) : '';
    const parsed = AdvanceMovementInput.safeParse({
      orgId: this.orgId,
      movementId: this.movementId,
      to,
      ...(reason ? { reason } : {}),
      ...(to === 'closed' ? { closingSummary: summary } : {}),
    });
    if (!parsed.success) {
      this.message = { kind: 'danger', text: parsed.error.issues.map((i) => i.message).join('; ') };
      return;
    }
    this.busy = true;
    this.message = null;
    try {
      await this.api.advanceMovement(parsed.data);
      // Clear what this step took, not what was typed since: the movement's new phase may arrive
      // (and the next step's form with it) before this call answers.
      if (this.reason.trim() === reason) this.reason = '';
      if (to === 'closed' && this.summary === summary) this.summary = '';
      this.message = { kind: 'ok', text: t().phaseDone(tx(PHASE_TEXT[to])) };
    } catch (err) {
      this.message = { kind: 'danger', text: (err as Error).message };
    } finally {
      this.busy = false;
    }
  }

  private renderStep(mv: Movement) {
    const m = t();
    const next = PHASES[PHASES.indexOf(mv.status) + 1];
    if (!next) return this.renderClosed(mv);
    const blockers = this.blockers;
    return html`<h4>${m.phaseBlockersHeading}</h4>
      ${
        blockers === null
          ? html`<p class="hint">${m.phaseLoading}</p>`
          : blockers.length
            ? html`<ul class="blockers" data-testid="phase-blockers">
                ${blockers.map((b) => html`<li class=${b.overridable ? '' : 'hard'} data-blocker=${b.id}>${tx(b.message)} ${b.overridable ? html`<small class="hint">${m.phaseOverridable}</small>` : nothing}</li>`)}
              </ul>`
            : html`<p class="notice ok" data-testid="phase-ready">${m.phaseNoBlockers}</p>`
      }
      ${
        mayTakeStep({ roles: [...this.roles] }, next)
          ? html`<form @submit=${(e: Event) => this.handleAdvance(next, e)} novalidate data-testid="phase-form">
              ${
                blockers?.some((b) => b.overridable)
                  ? html`<div class="field">
                      <label for="phase-reason">${m.phaseReasonLabel}</label>
                      <textarea
                        id="phase-reason"
                        rows="2"
                        data-testid="phase-reason"
                        .value=${this.reason}
                        @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}
                      ></textarea>
                    </div>`
                  : nothing
              }
              ${
                next === 'closed'
                  ? html`<div class="field">
                      <label for="closing-summary">${m.closingSummaryLabel}</label>
                      <textarea
                        id="closing-summary"
                        rows="6"
                        data-testid="closing-summary"
                        .value=${this.summary}
                        @input=${(e: Event) => (this.summary = (e.target as HTMLTextAreaElement).value)}
                      ></textarea>
                      <small class="hint">${m.closingSummaryHint}</small>
                    </div>`
                  : nothing
              }
              <button type="submit" data-testid="phase-advance" data-to=${next} ?disabled=${this.busy}>${this.busy ? m.saving : tx(STEP_TEXT[next])}</button>
            </form>`
          : nothing
      }`;
  }

  private async download(docId: string, fileName: string, format?: 'docx' | 'pdf') {
    if (!this.api) return;
    this.busy = true;
    try {
      await this.api.downloadMovementDocument(this.orgId, this.movementId, docId, fileName, format);
    } catch (err) {
      this.message = { kind: 'danger', text: (err as Error).message };
    } finally {
      this.busy = false;
    }
  }

  /** Once closed: the tổng kết (DOCX, PDF) and the records archive. */
  private renderClosed(mv: Movement) {
    const m = t();
    const report = mv.closingReport;
    const mayClose = mayTakeStep({ roles: [...this.roles] }, 'closed');
    return html`<p class="notice" data-testid="phase-closed">${m.phaseClosed}</p>
      <h4>${m.closingReportHeading}</h4>
      ${
        report
          ? html`<p data-testid="closing-report">${m.closingReportNumber(report.number)}</p>
              <div class="row">
                <button
                  type="button"
                  class="secondary"
                  ?disabled=${this.busy}
                  data-testid="closing-download-docx"
                  @click=${() => this.download(report.docId, `Bao cao tong ket - ${this.movementId}.docx`, 'docx')}
                >
                  ${m.closingDownload('docx')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  ?disabled=${this.busy}
                  data-testid="closing-download-pdf"
                  @click=${() => this.download(report.docId, `Bao cao tong ket - ${this.movementId}.pdf`, 'pdf')}
                >
                  ${m.closingDownload('pdf')}
                </button>
              </div>`
          : html`<p class="notice warn" data-testid="closing-report-missing">${m.closingReportMissing}</p>
              ${mayClose ? html`<button type="button" ?disabled=${this.busy} data-testid="closing-retry" @click=${(e: Event) => this.handleAdvance('closed', e)}>${m.closingReportRetry}</button>` : nothing}`
      }
      ${
        mayClose
          ? html`<div class="row">
              <button type="button" ?disabled=${this.busy} data-testid="archive-build" @click=${this.handleArchive}>${m.archiveBuild}</button>
              ${
                mv.archive
                  ? html`<button
                      type="button"
                      class="secondary"
                      ?disabled=${this.busy}
                      data-testid="archive-download"
                      @click=${() => this.download(mv.archive!.docId, `Ho so luu tru - ${this.movementId}.zip`)}
                    >
                      ${m.archiveDownload}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }`;
  }

  private handleArchive = async () => {
    if (!this.api) return;
    this.busy = true;
    this.message = null;
    try {
      const r = await this.api.buildArchive({ orgId: this.orgId, movementId: this.movementId });
      this.message = { kind: 'ok', text: t().archiveBuilt(r.version, r.files) };
    } catch (err) {
      this.message = { kind: 'danger', text: (err as Error).message };
    } finally {
      this.busy = false;
    }
  };

  override render() {
    const m = t();
    const mv = this.movement;
    if (!mv) return nothing;
    const at = PHASES.indexOf(mv.status);
    const history = mv.phaseHistory ?? [];
    return html`<section class="card" data-testid="movement-phases">
      <h3>${m.phasesHeading}</h3>
      <ol class="phases" aria-label=${m.phaseNow}>
        ${PHASES.map((p, i) => html`<li class=${i < at ? 'done' : i === at ? 'current' : ''} aria-current=${i === at ? 'step' : 'false'} data-testid=${i === at ? 'phase-current' : nothing} data-phase=${p}>${tx(PHASE_TEXT[p])}</li>`)}
      </ol>
      ${this.message ? html`<p class="notice ${this.message.kind}" role=${this.message.kind === 'ok' ? 'status' : 'alert'} data-testid="phase-message">${this.message.text}</p>` : nothing}
      ${this.renderStep(mv)}
      <h4>${m.phaseTimeline}</h4>
      ${
        history.length
          ? html`<ul class="timeline" data-testid="phase-timeline">
              ${[...history]
                .reverse()
                .map(
                  (h) =>
                    html`<li data-to=${h.to}>
                      <b>${tx(PHASE_TEXT[h.from])} → ${tx(PHASE_TEXT[h.to])}</b> — ${m.phaseBy(h.byName, `${formatTime(h.at)} ${formatDate(h.at)}`)}
                      ${h.reason ? html`<br /><small>${m.phaseReason}: ${h.reason}</small>` : nothing}
                      ${h.overridden?.length ? html`<br /><small>${m.phaseOverridden}: ${h.overridden.join(' ')}</small>` : nothing}
                    </li>`,
                )}
            </ul>`
          : html`<p class="hint">${m.phaseNoHistory}</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'movement-phases': MovementPhases;
  }
}
