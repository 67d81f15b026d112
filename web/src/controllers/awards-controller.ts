import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DossierStatus, VoterRecord } from '@thidua/domain';
import type { Unsubscribe } from '../data/errors.js';
import type { AwardsBackend, AwardsScope, DecisionEntry, DocumentEntry, MeetingEntry, NominationEntry } from '../data/awards-backend.js';

/**
 * Live award data of one movement, as far as the person may read it: nominations, meetings,
 * decisions, generated documents, and their own "voted" markers in the open meetings they sit on.
 */
export class AwardsController implements ReactiveController {
  nominations: NominationEntry[] = [];
  meetings: MeetingEntry[] = [];
  decisions: Record<string, DecisionEntry> = {};
  documents: DocumentEntry[] = [];
  /** Where the dossier's generation is (reviewers only; null when nothing was asked or not readable). */
  dossierStatus: DossierStatus | null = null;
  /** meetingId → the person's voter record there (null: not voted yet). */
  myVotes: Record<string, VoterRecord | null> = {};
  /** meetingId → every member's marker, for the meetings the person keeps (secretary or chair). */
  voters: Record<string, VoterRecord[]> = {};
  loaded = false;
  error: string | null = null;

  private api: AwardsBackend | null = null;
  private scope: AwardsScope | null = null;
  private key = '';
  private unsubs: Unsubscribe[] = [];
  private voteUnsubs = new Map<string, Unsubscribe>();
  private voterUnsubs = new Map<string, Unsubscribe>();
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  setTarget(api: AwardsBackend | null, scope: AwardsScope | null): void {
    const key = scope ? JSON.stringify(scope) : '';
    if (key === this.key && api === this.api) return;
    this.key = key;
    this.api = api;
    this.scope = scope;
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private stop(): void {
    this.unsubs.forEach((u) => u());
    this.unsubs = [];
    this.voteUnsubs.forEach((u) => u());
    this.voteUnsubs.clear();
    this.voterUnsubs.forEach((u) => u());
    this.voterUnsubs.clear();
  }

  private fail = (e: Error) => {
    this.error = e.message;
    this.host.requestUpdate();
  };

  private subscribe(): void {
    this.stop();
    this.nominations = [];
    this.meetings = [];
    this.decisions = {};
    this.documents = [];
    this.dossierStatus = null;
    this.myVotes = {};
    this.voters = {};
    this.loaded = false;
    this.error = null;
    const { api, scope } = this;
    if (!api || !scope) return;
    const update = () => this.host.requestUpdate();
    this.unsubs.push(
      api.watchNominations(
        scope,
        (list) => {
          this.nominations = list.sort((a, b) => a.createdAt - b.createdAt);
          this.loaded = true;
          update();
        },
        this.fail,
      ),
      api.watchMeetings(
        scope,
        (list) => {
          this.meetings = list.sort((a, b) => b.createdAt - a.createdAt);
          this.followVotes();
          update();
        },
        this.fail,
      ),
      api.watchDecisions(
        scope,
        (list) => {
          this.decisions = Object.fromEntries(list.map((d) => [d.nominationId, d]));
          update();
        },
        this.fail,
      ),
      api.watchDocuments(
        scope,
        (list) => {
          // The whole dossier (ZIP) first, then the documents in use, by type and title.
          this.documents = list.sort(
            (a, b) =>
              Number(b.docType === 'ho-so') - Number(a.docType === 'ho-so') ||
              Number(b.active) - Number(a.active) ||
              a.docType.localeCompare(b.docType) ||
              a.title.localeCompare(b.title, 'vi'),
          );
          update();
        },
        this.fail,
      ),
    );
    // Only reviewers may read it (the ward's dossier is theirs to wait for).
    if (scope.reviewer)
      this.unsubs.push(
        api.watchDossierStatus(
          scope,
          (st) => {
            this.dossierStatus = st;
            update();
          },
          this.fail,
        ),
      );
  }

  /** Watches the person's marker in each open meeting they sit on. */
  private followVotes(): void {
    const { api, scope } = this;
    if (!api || !scope) return;
    const wanted = new Set(this.meetings.filter((m) => m.status === 'open' && m.memberIds.includes(scope.uid)).map((m) => m.id));
    for (const [id, u] of this.voteUnsubs) {
      if (!wanted.has(id)) {
        u();
        this.voteUnsubs.delete(id);
      }
    }
    // The meeting's clerks (secretary, chair) follow who has voted.
    const kept = new Set(this.meetings.filter((m) => m.status === 'open' && (m.secretaryId === scope.uid || m.chairId === scope.uid)).map((m) => m.id));
    for (const [id, u] of this.voterUnsubs) {
      if (!kept.has(id)) {
        u();
        this.voterUnsubs.delete(id);
      }
    }
    for (const id of kept) {
      if (this.voterUnsubs.has(id)) continue;
      this.voterUnsubs.set(
        id,
        api.watchVoters(
          scope,
          id,
          (list) => {
            this.voters = { ...this.voters, [id]: list };
            this.host.requestUpdate();
          },
          this.fail,
        ),
      );
    }
    for (const id of wanted) {
      if (this.voteUnsubs.has(id)) continue;
      this.voteUnsubs.set(
        id,
        api.watchMyVotes(
          scope,
          id,
          (v) => {
            this.myVotes = { ...this.myVotes, [id]: v };
            this.host.requestUpdate();
          },
          this.fail,
        ),
      );
    }
  }
}
