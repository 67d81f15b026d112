import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { canRunMeeting, fractionText, type Claims, type VoteChoice, type VoteReceipt, type VoterRecord } from '@thidua/domain';
import type { AwardsBackend, AwardsScope, MeetingEntry, NominationEntry } from '../data/awards-backend.js';
import { LocaleController, formatPercent, t, tx } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import { awardStyles } from '../styles/awards.js';
import { quorumNeeded } from '../logic/awards.js';

const CHOICES: VoteChoice[] = ['yes', 'no', 'abstain'];

/**
 * One meeting: members and roles, attendance and quorum, a vote per nomination (each present
 * member votes once, for themself; the secretary records absent members' written votes), closing
 * with the tally, and the results under the council's rules with their explanation.
 */
@customElement('meeting-card')
export class MeetingCard extends LitElement {
  static override styles = [
    base,
    controls,
    awardStyles,
    css`
      .vote {
        border-top: 1px solid var(--td-border);
        padding: 0.5rem 0;
      }
      /* A ballot keeps its height whatever arrives (names, markers, who voted, the answer), so a
         click never lands on a line that moved under the pointer between press and release. */
      .vote .line {
        margin: 0.25rem 0;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .vote .act {
        min-height: 2.75rem;
        display: flex;
        align-items: center;
      }
    `,
  ];

  @state() private present: Set<string> | null = null;
  @state() private reasons: Record<string, string> = {};
  @state() private written = { memberId: '', nominationId: '', choice: 'yes' as VoteChoice };
  /** `meetingId/nominationId` → the server's answer to the person's vote. */
  @state() private receipts: Record<string, VoteReceipt> = {};
  /** `meetingId/nominationId` → the choice being sent (until the server answers). */
  @state() private sending: Record<string, VoteChoice> = {};
  /** `meetingId/nominationId` → the ballot's key, drawn once and sent again with any resend. */
  private keys = new Map<string, string>();
  @state() private busy = false;
  @state() private message: { kind: 'ok' | 'danger'; text: string } | null = null;

  /** The awards data service. */
  @property({ attribute: false }) api?: AwardsBackend;
  /** Organisation, movement and the person. */
  @property({ attribute: false }) scope?: AwardsScope;
  /** The person's claims. */
  @property({ attribute: false }) claims?: Claims;
  /** The meeting shown. */
  @property({ attribute: false }) meeting?: MeetingEntry;
  /** Nominations the person can see (names of the agenda). */
  @property({ attribute: false }) nominations: NominationEntry[] = [];
  /** The person's own "voted" marker in this meeting (null: not voted; undefined: not loaded yet). */
  @property({ attribute: false }) myVotes: VoterRecord | null | undefined = undefined;
  /** Every member's marker (only for the meeting's secretary and chair; null otherwise). */
  @property({ attribute: false }) voters: VoterRecord[] | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  private get at() {
    return { orgId: this.scope!.orgId, movementId: this.scope!.movementId, meetingId: this.meeting!.id };
  }

  private async run(action: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.message = null;
    try {
      await action();
      this.message = { kind: 'ok', text: t().awards.done };
      return true;
    } catch (e) {
      this.message = { kind: 'danger', text: t().awards.failed((e as Error).message) };
      return false;
    } finally {
      this.busy = false;
    }
  }

  private handleAttendance() {
    const mt = this.meeting!;
    const present = [...(this.present ?? new Set(mt.present))];
    const absent = mt.council.members
      .filter((x) => !present.includes(x.memberId))
      .map((x) => ({ memberId: x.memberId, reason: this.reasons[x.memberId] ?? '' }));
    return this.run(() => this.api!.recordAttendance({ ...this.at, present, absent }));
  }

  private ballotKey(key: string): string {
    let k = this.keys.get(key);
    if (!k) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      k = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      this.keys.set(key, k);
    }
    return k;
  }

  /**
   * One ballot, on its own (other ballots stay usable): "sending" until the server has recorded
   * it, then its answer. The ballot's key makes a resend after a failure return the same record.
   */
  private async handleVote(nominationId: string, choice: VoteChoice) {
    const key = `${this.meeting!.id}/${nominationId}`;
    if (this.sending[key]) return;
    this.sending = { ...this.sending, [key]: choice };
    this.message = null;
    try {
      const r = await this.api!.castVote({ ...this.at, nominationId, choice, nonce: this.ballotKey(key) });
      this.receipts = { ...this.receipts, [key]: r };
    } catch (e) {
      this.message = { kind: 'danger', text: t().awards.failed((e as Error).message) };
    } finally {
      const { [key]: _done, ...rest } = this.sending;
      this.sending = rest;
    }
  }

  private renderBallotAction(id: string) {
    const m = t().awards;
    const key = `${this.meeting!.id}/${id}`;
    const receipt = this.receipts[key];
    if (receipt || this.myVotes?.nominations[id]) {
      const text = receipt ? m.youVotedChoice(m.choice[receipt.choice] ?? receipt.choice) : m.youVoted;
      return html`<p class="meta line" data-testid="voted">
        ${text}${receipt ? html` · <span class="mono">${m.receipt(receipt.commitment.slice(0, 16))}</span>` : nothing}
      </p>`;
    }
    if (this.sending[key]) return html`<p class="meta line" role="status" data-testid="vote-sending">${m.sendingVote}</p>`;
    if (this.myVotes === undefined) return html`<p class="meta line" data-testid="vote-loading">${m.loadingVote}</p>`;
    return html`<div class="row">
      ${CHOICES.map((c) => html`<button type="button" class=${c === 'yes' ? '' : 'secondary'} data-testid=${`vote-${c}`} @click=${() => this.handleVote(id, c)}>${m.choice[c]}</button>`)}
    </div>`;
  }

  private handleWritten(e: Event) {
    e.preventDefault();
    const w = this.written;
    return this.run(() => this.api!.castVote({ ...this.at, nominationId: w.nominationId, choice: w.choice, voterId: w.memberId, written: true }));
  }

  /** Who has voted on a nomination (that they voted, never how). */
  private votersOf(nominationId: string): string[] {
    return (this.voters ?? []).filter((v) => v.nominations[nominationId]).map((v) => v.voterId);
  }

  private nameOf(id: string): string {
    return this.nominations.find((n) => n.id === id)?.nomineeName ?? id;
  }

  private renderResults(mt: MeetingEntry) {
    const m = t().awards;
    if (!mt.results) return nothing;
    return html`<h3>${m.results}</h3>
      ${Object.values(mt.results).map(
        (r) =>
          html`<div
            class="vote"
            data-testid="result"
            data-nomination-id=${r.nominationId}
            data-approved=${String(r.approved)}
            data-yes=${r.yes}
            data-base=${r.base}
          >
            <p>
              <b>${this.nameOf(r.nominationId)}</b>
              <span class="chip ${r.approved ? 'ok' : 'bad'}">${r.approved ? m.approved : m.notApproved}</span>
              ${formatPercent(r.percentYes)}
            </p>
            <p class="meta">${m.tallyLine(r.yes, r.no, r.abstain + r.notVoted, r.base)}</p>
            <p class="meta" data-testid="result-explanation">${tx(r.explanation)}</p>
            ${r.secret ? html`<p class="meta">${m.secretNote(r.receipts.length)}</p>` : nothing}
          </div>`,
      )}`;
  }

  override render() {
    const mt = this.meeting;
    const scope = this.scope;
    if (!mt || !scope || !this.claims) return nothing;
    const m = t().awards;
    const open = mt.status === 'open';
    const runner = canRunMeeting({ ...this.claims, uid: scope.uid }, scope.orgId, mt);
    const members = mt.council.members;
    const rules = mt.council.rules;
    const present = this.present ?? new Set(mt.present);
    const needed = quorumNeeded(members.length, rules.quorum);
    const storedPresent = mt.present.length;
    const iAmMember = mt.memberIds.includes(scope.uid);
    const iAmPresent = mt.present.includes(scope.uid);
    const isSecretary = scope.uid === mt.secretaryId;
    // The meeting's clerks follow who has voted (the controller watches the markers for them).
    const isClerk = isSecretary || scope.uid === mt.chairId;
    const absent = mt.absent.map((a) => a.memberId);
    return html`<article class="card" data-testid="meeting" data-meeting-id=${mt.id} data-status=${mt.status} data-kind=${mt.kind}>
      <h2>${m.meetingKind[mt.kind]}${mt.council.name && mt.council.name !== m.meetingKind[mt.kind] ? ` — ${mt.council.name}` : ''}</h2>
      <p class="meta">
        ${mt.date.split('-').reverse().join('/')} ${mt.startTime ?? ''}${mt.endTime ? `–${mt.endTime}` : ''} · ${mt.place} ·
        <span class="chip" data-testid="meeting-status">${m.meetingStatus[mt.status]}</span>
        · ${rules.secretBallot ? m.secretBallot : m.vote} · ${m.approval}: ${fractionText(rules.approval)}
        (${rules.base === 'total' ? m.baseTotal : m.basePresent})
      </p>
      <p data-testid="quorum" data-present=${storedPresent} data-needed=${needed} data-met=${String(storedPresent >= needed)}>
        ${m.quorumLine(storedPresent, members.length, needed, storedPresent >= needed)}
      </p>

      <h3>${m.attendance}</h3>
      <table>
        <tbody>
          ${members.map(
            (x) =>
              html`<tr data-testid="member" data-member-id=${x.memberId}>
                <td>${x.name}<br /><span class="meta">${m.councilRole[x.councilRole]}${x.position ? ` · ${x.position}` : ''}</span></td>
                <td>
                  ${
                    open && runner
                      ? html`<label class="check"
                          ><input
                            type="checkbox"
                            data-testid="present"
                            .checked=${present.has(x.memberId)}
                            @change=${(e: Event) => {
                              const s = new Set(present);
                              if ((e.target as HTMLInputElement).checked) s.add(x.memberId);
                              else s.delete(x.memberId);
                              this.present = s;
                            }}
                          />
                          <span>${m.present}</span></label
                        >`
                      : html`${mt.present.includes(x.memberId) ? m.present : absent.includes(x.memberId) ? `${m.absentReason}: ${mt.absent.find((a) => a.memberId === x.memberId)?.reason || '—'}` : '—'}`
                  }
                </td>
                <td>
                  ${
                    open && runner && !present.has(x.memberId)
                      ? html`<input
                          aria-label=${m.absentReason}
                          placeholder=${m.absentReason}
                          data-testid="absent-reason"
                          .value=${this.reasons[x.memberId] ?? ''}
                          @input=${(e: Event) => (this.reasons = { ...this.reasons, [x.memberId]: (e.target as HTMLInputElement).value })}
                        />`
                      : nothing
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${open && runner ? html`<p><button type="button" class="secondary" data-testid="save-attendance" ?disabled=${this.busy} @click=${this.handleAttendance}>${m.saveAttendance}</button></p>` : nothing}
      ${
        open
          ? html`<h3>${m.vote}</h3>
              ${iAmMember && !iAmPresent && storedPresent > 0 ? html`<p class="meta">${m.notPresent}</p>` : nothing}
              ${mt.nominationIds.map((id) => {
                const key = `${mt.id}/${id}`;
                const voted = !!this.receipts[key] || !!this.myVotes?.nominations[id];
                const who = this.votersOf(id);
                return html`<div
                  class="vote"
                  data-testid="ballot"
                  data-nomination-id=${id}
                  data-voted=${String(voted)}
                  data-sending=${String(!!this.sending[key])}
                >
                  <p class="line"><b>${this.nameOf(id)}</b></p>
                  ${iAmPresent ? html`<div class="act">${this.renderBallotAction(id)}</div>` : nothing}
                  ${
                    isClerk
                      ? html`<p class="meta line" data-testid="voted-count" data-count=${who.length}>
                          ${m.votedSoFar(who.length, storedPresent + (rules.countWrittenVotes ? absent.length : 0))}:
                          ${who.map((v) => members.find((x) => x.memberId === v)?.name ?? v).join(', ') || '—'}
                        </p>`
                      : nothing
                  }
                </div>`;
              })}
              ${
                isSecretary && absent.length && rules.countWrittenVotes
                  ? html`<form @submit=${this.handleWritten} data-testid="written-vote">
                      <h3>${m.writtenVote}</h3>
                      <div class="grid">
                        <select
                          aria-label=${m.writtenMember}
                          data-testid="written-member"
                          @change=${(e: Event) => (this.written = { ...this.written, memberId: (e.target as HTMLSelectElement).value })}
                        >
                          <option value="">${m.writtenMember}</option>
                          ${absent.map((id) => html`<option value=${id}>${members.find((x) => x.memberId === id)?.name ?? id}</option>`)}
                        </select>
                        <select
                          aria-label=${m.agenda}
                          data-testid="written-nomination"
                          @change=${(e: Event) => (this.written = { ...this.written, nominationId: (e.target as HTMLSelectElement).value })}
                        >
                          <option value="">${m.agenda}</option>
                          ${mt.nominationIds.map((id) => html`<option value=${id}>${this.nameOf(id)}</option>`)}
                        </select>
                        <select
                          aria-label=${m.vote}
                          data-testid="written-choice"
                          @change=${(e: Event) => (this.written = { ...this.written, choice: (e.target as HTMLSelectElement).value as VoteChoice })}
                        >
                          ${CHOICES.map((c) => html`<option value=${c} ?selected=${this.written.choice === c}>${m.choice[c]}</option>`)}
                        </select>
                      </div>
                      <p>
                        <button
                          type="submit"
                          class="secondary"
                          data-testid="written-submit"
                          ?disabled=${this.busy || !this.written.memberId || !this.written.nominationId}
                        >
                          ${m.recordWritten}
                        </button>
                      </p>
                    </form>`
                  : nothing
              }
              ${runner ? html`<p><button type="button" data-testid="close-meeting" ?disabled=${this.busy || storedPresent === 0} @click=${() => this.run(() => this.api!.closeMeeting(this.at))}>${m.closeMeeting}</button></p>` : nothing}`
          : this.renderResults(mt)
      }
      ${this.message ? html`<p class="notice ${this.message.kind}" role=${this.message.kind === 'danger' ? 'alert' : 'status'} data-testid="meeting-message">${this.message.text}</p>` : nothing}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'meeting-card': MeetingCard;
  }
}
