/**
 * The movement's phases on the server: reads the facts the domain's `planAdvance` needs, and in
 * one transaction moves the status, appends the phase history, writes the audit entry and, on
 * closing, freezes the final standings of every period not yet frozen. Then notifies whom the step
 * concerns (after the commit; a redelivery cannot duplicate: notification ids derive from the step).
 */
import { HttpsError } from 'firebase-functions/v2/https';
import { type Firestore, type Query, type Transaction } from 'firebase-admin/firestore';
import {
  Member,
  PhaseChange,
  mayTakeStep,
  nextPhase,
  phaseBlockers,
  phaseNotice,
  planAdvance,
  snapshotId,
  type AdvanceMovementInput,
  type Blocker,
  type Claims,
  type Movement,
  type PhaseAudience,
  type PhaseFacts,
  type StandingsSnapshot,
} from '@thidua/domain';
import { refs } from '../data/refs.js';
import { toDomain } from '../data/convert.js';
import { parseMovement } from '../data/movement.js';
import { frozenSnapshot } from '../standings/freeze.js';
import { readStandings } from '../data/standings.js';
import { notify } from '../notify/notify.js';
import type { PushSender } from '../notify/senders.js';
import { audit } from '../data/audit.js';
import type { ObjectStore } from '../storage/objectStore.js';
import { generateClosingReport, type ClosingReportResult } from './closing-report.js';

/** Everything the preconditions look at; a handful of small collection reads per step (in the transaction when given). */
async function readFacts(db: Firestore, tx: Transaction | null, orgId: string, movementId: string, now: number): Promise<PhaseFacts> {
  const get = (q: Query) => (tx ? tx.get(q) : q.get());
  const [units, reports, snapshots, meetings, nominations] = await Promise.all([
    get(refs(db).units(orgId).where('active', '==', true)),
    get(refs(db).reports(orgId, movementId).select('unitId', 'periodId', 'status')),
    get(refs(db).standingsSnapshots(orgId, movementId).select()),
    get(refs(db).meetings(orgId, movementId).select('status')),
    get(refs(db).nominations(orgId, movementId).select('status')),
  ]);
  return {
    now,
    activeUnits: units.docs.map((d) => ({ id: d.id, name: String(d.get('name') ?? d.id) })),
    reports: reports.docs.map((d) => ({ unitId: String(d.get('unitId')), periodId: String(d.get('periodId')), status: d.get('status') })),
    snapshotIds: snapshots.docs.map((d) => d.id),
    meetings: meetings.docs.map((d) => ({ id: d.id, status: d.get('status') })),
    nominations: nominations.docs.map((d) => ({ id: d.id, status: d.get('status') })),
  };
}

export interface PhaseView {
  status: Movement['status'];
  next: Movement['status'] | null;
  blockers: Blocker[];
}

/** The movement's phase and what blocks its next step, for the movement page. */
export async function movementPhase(db: Firestore, orgId: string, movementId: string, now: number): Promise<PhaseView> {
  const movement = parseMovement(await refs(db).movement(orgId, movementId).get());
  const facts = await readFacts(db, null, orgId, movementId, now);
  return { status: movement.status, next: nextPhase(movement.status), blockers: phaseBlockers(movement, facts) };
}

export interface AdvanceDeps {
  db: Firestore;
  store: ObjectStore;
  sender: PushSender;
  now: () => number;
}

export async function advanceMovement(
  deps: AdvanceDeps,
  actor: Claims & { uid: string },
  input: AdvanceMovementInput,
): Promise<{ status: Movement['status']; frozen: string[]; notified: number; closingReport?: ClosingReportResult }> {
  const { db } = deps;
  if (actor.org !== input.orgId) throw new HttpsError('permission-denied', 'Phong trào không thuộc tổ chức của bạn.');
  const movementRef = refs(db).movement(input.orgId, input.movementId);
  // A close retried after its report failed: the step is done, the report is made now (same number).
  if (input.to === 'closed' && mayTakeStep(actor, 'closed')) {
    const cur = parseMovement(await movementRef.get());
    if (cur.status === 'closed' && !cur.closingReport) {
      const closingReport = await closingReportOf(deps, actor, input);
      return { status: 'closed', frozen: [], notified: 0, closingReport };
    }
  }
  const done = await db.runTransaction(async (tx) => {
    const now = deps.now();
    const [snap, memberSnap] = await Promise.all([tx.get(movementRef), tx.get(refs(db).member(input.orgId, actor.uid))]);
    const movement = parseMovement(snap);
    const facts = await readFacts(db, tx, input.orgId, input.movementId, now);
    const out = planAdvance({ movement, to: input.to, claims: actor, facts, reason: input.reason });
    if (!out.ok) throw new HttpsError(out.code, out.message.vi);

    // Closing freezes the final standings of every period that has some and no final snapshot yet.
    const frozen: { id: string; data: StandingsSnapshot }[] = [];
    if (out.to === 'closed') {
      const pending = movement.periods.filter((p) => !facts.snapshotIds.includes(snapshotId(p.id, 'final')));
      const lives = await Promise.all(
        pending.map((p) => readStandings(db, tx, { orgId: input.orgId, movementId: input.movementId, periodId: p.id }, movement.tieRule)),
      );
      for (const [i, standings] of lives.entries()) {
        if (!standings || Object.keys(standings.entries).length === 0) continue;
        frozen.push({ id: snapshotId(pending[i]!.id, 'final'), data: frozenSnapshot(movement, standings, 'final', actor.uid, now) });
      }
    }

    const member = Member.safeParse(toDomain(memberSnap.data())).data;
    const reason = input.reason?.trim();
    const change = PhaseChange.parse({
      from: out.from,
      to: out.to,
      at: now,
      byUid: actor.uid,
      byName: (member?.displayName ?? '').slice(0, 200),
      ...(reason ? { reason } : {}),
      ...(out.overridden.length ? { overridden: out.overridden.map((b) => b.message.vi.slice(0, 1000)) } : {}),
    });
    const summary = out.to === 'closed' ? input.closingSummary?.trim() : undefined;
    tx.update(movementRef, {
      status: out.to,
      phaseHistory: [...(movement.phaseHistory ?? []), change],
      ...(summary ? { closingSummary: summary } : {}),
    });
    for (const f of frozen) tx.create(refs(db).standingsSnapshot(input.orgId, input.movementId, f.id), f.data);
    audit(db, tx, input.orgId, {
      actorUid: actor.uid,
      action: 'advance-movement',
      target: movementRef.path,
      before: { status: out.from },
      after: { status: out.to, ...(frozen.length ? { frozen: frozen.map((f) => f.id) } : {}), ...(summary ? { closingSummary: summary } : {}) },
      reason: reason ?? null,
      overridden: out.overridden.map((b) => b.message.vi),
    });
    return { movement, to: out.to, frozen: frozen.map((f) => f.id), activeUnitIds: facts.activeUnits.map((u) => u.id) };
  });

  // Closing: the Báo cáo tổng kết, from the final snapshots just frozen and the summary just stored.
  const closingReport = done.to === 'closed' ? await closingReportOf(deps, actor, input) : undefined;

  const notice = phaseNotice(done.to, done.movement.title);
  let notified = 0;
  if (notice) {
    const uids = await phaseRecipients(db, input.orgId, notice.audiences, new Set(done.activeUnitIds));
    notified = await notify(
      db,
      deps.sender,
      input.orgId,
      `phase-${input.movementId}-${done.to}`,
      uids,
      { kind: 'movement-phase', title: notice.title, body: notice.body, link: notice.link },
      deps.now(),
    );
  }
  return { status: done.to, frozen: done.frozen, notified, ...(closingReport ? { closingReport } : {}) };
}

async function closingReportOf(deps: AdvanceDeps, actor: { uid: string }, input: AdvanceMovementInput): Promise<ClosingReportResult> {
  try {
    return await generateClosingReport(deps, input.orgId, input.movementId, actor.uid);
  } catch (e) {
    console.error('closing report', input.orgId, input.movementId, e);
    throw new HttpsError(
      'internal',
      'Phong trào đã kết thúc nhưng chưa tạo được báo cáo tổng kết; hãy bấm “Kết thúc phong trào” lại để tạo (số và nội dung giữ nguyên).',
    );
  }
}

/** Active members a step concerns: the members of active units, the secretariat, the council and chair. */
async function phaseRecipients(db: Firestore, orgId: string, audiences: PhaseAudience[], activeUnits: Set<string>): Promise<string[]> {
  const snap = await refs(db).members(orgId).where('active', '==', true).get();
  return snap.docs
    .filter((d) => {
      const roles = (d.get('roles') as string[] | undefined) ?? [];
      const units = Object.keys((d.get('units') as Record<string, string> | undefined) ?? {});
      return (
        (audiences.includes('units') && units.some((u) => activeUnits.has(u))) ||
        (audiences.includes('reviewers') && roles.includes('secretariat')) ||
        (audiences.includes('council') && (roles.includes('council') || roles.includes('chair')))
      );
    })
    .map((d) => d.id);
}
