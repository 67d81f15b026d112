import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DECIDED_STATUSES, DEFAULT_COUNCIL_RULES, OpenMeetingInput, vnDate, type Claims, type CouncilRole, type CouncilRules } from '@thidua/domain';
import type { AwardsBackend, AwardsScope, MemberOption, NominationEntry } from '../data/awards-backend.js';
import { LocaleController, issuesText, t } from '../i18n/index.js';
import { base, controls } from '../styles/shared.js';
import { awardStyles } from '../styles/awards.js';
import { slug } from '../logic/awards.js';

interface Row {
  memberId: string;
  name: string;
  councilRole: CouncilRole;
  position: string;
}

const ROLES: CouncilRole[] = ['CHU_TICH', 'PHO_CHU_TICH', 'UY_VIEN', 'THU_KY'];

/**
 * Opens a meeting: the unit's bình xét (its head) or the ward council (the secretariat), with its
 * members and their council roles (the Chủ tịch chairs, the Thư ký keeps the minutes), the voting
 * rules (quorum, threshold, base, secret or open ballot, written votes) and the nominations put to
 * the vote. Checked with the callable's zod schema before sending.
 *
 * @fires meeting-done - after the server opened the meeting.
 * @fires meeting-cancel - when the person closes the form.
 */
@customElement('meeting-form')
export class MeetingForm extends LitElement {
  static override styles = [base, controls, awardStyles];

  @state() private kind: 'unit' | 'ward' = 'ward';
  @state() private unitId = '';
  @state() private date = vnDate(Date.now());
  @state() private startTime = '08:00';
  @state() private place = '';
  @state() private councilName = '';
  @state() private rows: Row[] = [];
  @state() private options: MemberOption[] = [];
  @state() private rules: CouncilRules = { ...DEFAULT_COUNCIL_RULES };
  @state() private agenda: string[] | null = null;
  @state() private extName = '';
  @state() private extId = '';
  @state() private errors: string[] = [];
  @state() private busy = false;

  /** The awards data service. */
  @property({ attribute: false }) api?: AwardsBackend;
  /** Organisation and movement. */
  @property({ attribute: false }) scope?: AwardsScope;
  /** The person's claims. */
  @property({ attribute: false }) claims?: Claims;
  /** Nominations the person can see (the agenda is chosen from them). */
  @property({ attribute: false }) nominations: NominationEntry[] = [];
  /** The signed-in person's name (seated first at their unit's bình xét). */
  @property({ attribute: false }) selfName = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  private get headUnits(): string[] {
    return Object.entries(this.claims?.units ?? {})
      .filter(([, r]) => r === 'head')
      .map(([u]) => u)
      .sort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const secretariat = this.claims?.roles.includes('secretariat') ?? false;
    this.kind = secretariat ? 'ward' : 'unit';
    this.unitId = this.headUnits[0] ?? '';
    if (this.kind === 'unit' && this.scope)
      this.rows = [{ memberId: this.scope.uid, name: this.selfName || this.scope.uid, councilRole: 'CHU_TICH', position: '' }];
    if (secretariat && this.api && this.scope) {
      this.api
        .listMembers(this.scope.orgId)
        .then((o) => (this.options = o))
        .catch((e: Error) => (this.errors = [t().awards.failed(e.message)]));
    }
  }

  /**
   * Nominations that may go on this meeting's agenda: a unit's own undecided ones; for the ward
   * council only those eligible and not turned down by their unit's bình xét (openMeeting refuses the rest).
   */
  private get candidates(): NominationEntry[] {
    return this.nominations.filter(
      (n) =>
        !(DECIDED_STATUSES as readonly string[]).includes(n.status) &&
        (this.kind === 'ward' ? n.eligibility.eligible && n.votes.unit?.approved !== false : n.proposingUnitId === this.unitId),
    );
  }

  private toggleMember(o: MemberOption, on: boolean) {
    this.rows = on
      ? [...this.rows, { memberId: o.uid, name: o.displayName, councilRole: 'UY_VIEN', position: o.position }]
      : this.rows.filter((r) => r.memberId !== o.uid);
  }

  private addExternal() {
    const name = this.extName.trim();
    if (!name) return;
    const id = this.extId.trim() || `ext-${slug(name) || this.rows.length + 1}`;
    if (this.rows.some((r) => r.memberId === id)) return;
    this.rows = [...this.rows, { memberId: id, name, councilRole: 'UY_VIEN', position: '' }];
    this.extName = '';
    this.extId = '';
  }

  private async handleSubmit(e: Event) {
    e.preventDefault();
    const chair = this.rows.find((r) => r.councilRole === 'CHU_TICH');
    const secretary = this.rows.find((r) => r.councilRole === 'THU_KY');
    const input = {
      orgId: this.scope?.orgId,
      movementId: this.scope?.movementId,
      kind: this.kind,
      ...(this.kind === 'unit' ? { unitId: this.unitId } : {}),
      date: this.date,
      startTime: this.startTime,
      place: this.place,
      council: { name: this.councilName.trim() || t().awards.meetingKind[this.kind], members: this.rows, rules: this.rules },
      chairId: chair?.memberId ?? '',
      secretaryId: secretary?.memberId ?? '',
      nominationIds: this.agenda ?? this.candidates.map((n) => n.id),
    };
    const parsed = OpenMeetingInput.safeParse(input);
    if (!parsed.success) {
      const m = t().awards;
      // One sentence per problem, naming the boxes as the form labels them (no paths).
      this.errors = [
        issuesText(parsed.error.issues, {
          date: m.date,
          startTime: m.startTime,
          place: m.place,
          'council.name': m.councilName,
          'council.members': m.members,
          'council.members.*.memberId': m.externalId,
          'council.members.*.name': m.externalName,
          'council.members.*.councilRole': m.memberRole,
          'council.rules': m.rules,
          chairId: m.councilRole['CHU_TICH'] ?? '',
          secretaryId: m.councilRole['THU_KY'] ?? '',
          nominationIds: m.agenda,
          unitId: m.kind,
        }),
      ];
      return;
    }
    if (!this.api) return;
    this.errors = [];
    this.busy = true;
    try {
      await this.api.openMeeting(parsed.data);
      this.dispatchEvent(new CustomEvent('meeting-done', { bubbles: true, composed: true }));
    } catch (err) {
      this.errors = [t().awards.failed((err as Error).message)];
    } finally {
      this.busy = false;
    }
  }

  private fraction(id: string, label: string, key: 'quorum' | 'approval') {
    const f = this.rules[key];
    const set = (part: 'num' | 'den', v: string) =>
      (this.rules = { ...this.rules, [key]: { ...f, [part]: Math.max(part === 'den' ? 1 : 0, Math.round(Number(v) || 0)) } });
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <div class="row">
        <input
          id=${id}
          type="number"
          min="0"
          style="width:5rem"
          data-testid=${`mf-${key}-num`}
          .value=${String(f.num)}
          @input=${(e: Event) => set('num', (e.target as HTMLInputElement).value)}
        />
        /
        <input
          type="number"
          min="1"
          style="width:5rem"
          aria-label=${label}
          data-testid=${`mf-${key}-den`}
          .value=${String(f.den)}
          @input=${(e: Event) => set('den', (e.target as HTMLInputElement).value)}
        />
      </div>
    </div>`;
  }

  override render() {
    const m = t().awards;
    const secretariat = this.claims?.roles.includes('secretariat') ?? false;
    const agenda = this.agenda ?? this.candidates.map((n) => n.id);
    return html`<form class="card" data-testid="meeting-form" @submit=${this.handleSubmit} novalidate>
      <h2>${m.newMeeting}</h2>
      <div class="grid">
        <div class="field">
          <label for="kind">${m.kind}</label>
          <select
            id="kind"
            data-testid="mf-kind"
            @change=${(e: Event) => ((this.kind = (e.target as HTMLSelectElement).value as 'unit' | 'ward'), (this.agenda = null))}
          >
            ${secretariat ? html`<option value="ward" ?selected=${this.kind === 'ward'}>${m.meetingKind['ward']}</option>` : nothing}
            ${this.headUnits.length ? html`<option value="unit" ?selected=${this.kind === 'unit'}>${m.meetingKind['unit']}</option>` : nothing}
          </select>
        </div>
        <div class="field">
          <label for="date">${m.date}</label>
          <input id="date" type="date" data-testid="mf-date" .value=${this.date} @input=${(e: Event) => (this.date = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="time">${m.startTime}</label>
          <input
            id="time"
            type="time"
            data-testid="mf-time"
            .value=${this.startTime}
            @input=${(e: Event) => (this.startTime = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="place">${m.place}</label>
          <input id="place" data-testid="mf-place" .value=${this.place} @input=${(e: Event) => (this.place = (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      <div class="field">
        <label for="cname">${m.councilName}</label>
        <input
          id="cname"
          data-testid="mf-council-name"
          .value=${this.councilName}
          placeholder=${m.meetingKind[this.kind] ?? ''}
          @input=${(e: Event) => (this.councilName = (e.target as HTMLInputElement).value)}
        />
      </div>

      <fieldset data-testid="mf-members">
        <legend>${m.members}</legend>
        ${
          this.options.length
            ? html`<div class="grid">
                ${this.options.map(
                  (o) =>
                    html`<label class="check"
                      ><input
                        type="checkbox"
                        data-testid="mf-pick"
                        data-uid=${o.uid}
                        .checked=${this.rows.some((r) => r.memberId === o.uid)}
                        @change=${(e: Event) => this.toggleMember(o, (e.target as HTMLInputElement).checked)}
                      />
                      <span>${o.displayName}${o.position ? html`<br /><span class="meta">${o.position}</span>` : nothing}</span></label
                    >`,
                )}
              </div>`
            : nothing
        }
        <table>
          <tbody>
            ${this.rows.map(
              (r, i) =>
                html`<tr data-testid="mf-row" data-member-id=${r.memberId}>
                  <td>${r.name}</td>
                  <td>
                    <select
                      aria-label=${m.memberRole}
                      data-testid="mf-role"
                      @change=${(e: Event) => (this.rows = this.rows.map((x, j) => (j === i ? { ...x, councilRole: (e.target as HTMLSelectElement).value as CouncilRole } : x)))}
                    >
                      ${ROLES.map((role) => html`<option value=${role} ?selected=${role === r.councilRole}>${m.councilRole[role]}</option>`)}
                    </select>
                  </td>
                  <td><button type="button" class="link" @click=${() => (this.rows = this.rows.filter((_, j) => j !== i))}>${m.removeInitiative}</button></td>
                </tr>`,
            )}
          </tbody>
        </table>
        <div class="grid" style="margin-top:0.5rem">
          <div class="field">
            <label for="ext-name">${m.externalName}</label>
            <input
              id="ext-name"
              data-testid="mf-ext-name"
              .value=${this.extName}
              @input=${(e: Event) => (this.extName = (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="ext-id">${m.externalId}</label>
            <input id="ext-id" data-testid="mf-ext-id" .value=${this.extId} @input=${(e: Event) => (this.extId = (e.target as HTMLInputElement).value)} />
          </div>
        </div>
        <button type="button" class="secondary" data-testid="mf-ext-add" @click=${this.addExternal}>${m.addExternal}</button>
      </fieldset>

      <fieldset>
        <legend>${m.rules}</legend>
        <label class="check"
          ><input
            type="checkbox"
            data-testid="mf-secret"
            .checked=${this.rules.secretBallot}
            @change=${(e: Event) => (this.rules = { ...this.rules, secretBallot: (e.target as HTMLInputElement).checked })}
          />
          <span>${m.secretBallot}</span></label
        >
        <label class="check"
          ><input
            type="checkbox"
            data-testid="mf-written"
            .checked=${this.rules.countWrittenVotes}
            @change=${(e: Event) => (this.rules = { ...this.rules, countWrittenVotes: (e.target as HTMLInputElement).checked })}
          />
          <span>${m.countWritten}</span></label
        >
        <div class="grid">
          ${this.fraction('quorum', m.quorum, 'quorum')} ${this.fraction('approval', m.approval, 'approval')}
          <div class="field">
            <label for="base">${m.base}</label>
            <select
              id="base"
              data-testid="mf-base"
              @change=${(e: Event) => (this.rules = { ...this.rules, base: (e.target as HTMLSelectElement).value as 'present' | 'total' })}
            >
              <option value="present" ?selected=${this.rules.base === 'present'}>${m.basePresent}</option>
              <option value="total" ?selected=${this.rules.base === 'total'}>${m.baseTotal}</option>
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset data-testid="mf-agenda">
        <legend>${m.agenda}</legend>
        ${this.candidates.map(
          (n) =>
            html`<label class="check"
              ><input
                type="checkbox"
                data-testid="mf-agenda-item"
                data-nomination-id=${n.id}
                .checked=${agenda.includes(n.id)}
                @change=${(e: Event) => (this.agenda = (e.target as HTMLInputElement).checked ? [...agenda, n.id] : agenda.filter((x) => x !== n.id))}
              />
              <span>${n.nomineeName} <span class="meta">(${m.awardFormText[n.proposedForm]})</span></span></label
            >`,
        )}
      </fieldset>

      ${
        this.errors.length
          ? html`<div class="notice danger" role="alert" data-testid="mf-errors">
              ${m.fixErrors}
              <ul>
                ${this.errors.map((x) => html`<li>${x}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <div class="row">
        <button type="submit" data-testid="mf-submit" ?disabled=${this.busy}>${this.busy ? m.saving : m.openMeeting}</button>
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('meeting-cancel', { bubbles: true, composed: true }))}>
          ${m.cancel}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'meeting-form': MeetingForm;
  }
}
