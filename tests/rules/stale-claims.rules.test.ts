/**
 * A token older than the person's claims (userMeta/{uid}.claimsVersion above the token's `v`: the
 * person was deactivated, demoted or moved since it was issued) reads nothing sensitive and writes
 * nothing. Each row is a read or write that the same person makes with a current token, so a
 * refusal is the stale claims' doing, not the request's.
 */
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, doc, getDoc, getDocs, query, serverTimestamp, setDoc, updateDoc, where, type Firestore } from 'firebase/firestore';
import { paths, type Claims } from '@thidua/domain';
import { MOVEMENT, ORG, UNIT, actors, dbOfUser, useRulesEnv, type ActorName } from '../support/rules-env.js';
import { movement, reviewerAppraisal, seed, seeded, world } from '../support/factories.js';
import { awardIds, awardPathsIn, awardWorld } from '../support/award-factories.js';

useRulesEnv();

const award = awardPathsIn(ORG);
const VERSION = 4;

interface Row {
  who: ActorName;
  what: string;
  run: (db: Firestore) => Promise<unknown>;
}

const get = (path: string) => (db: Firestore) => getDoc(doc(db, path));
const list =
  (path: string, ...w: ReturnType<typeof where>[]) =>
  (db: Firestore) =>
    getDocs(query(collection(db, path), ...w));

const rows: Row[] = [
  { who: 'staff', what: "its unit's report", run: get(paths.report(ORG, MOVEMENT, seeded.reportId)) },
  { who: 'council', what: 'the reports it reviews', run: list(paths.reports(ORG, MOVEMENT), where('status', 'in', ['submitted'])) },
  { who: 'staff', what: "its report's history", run: list(paths.reportHistory(ORG, MOVEMENT, seeded.reportId), where('unitId', '==', UNIT)) },
  { who: 'council', what: 'a history entry', run: get(paths.historyEntry(ORG, MOVEMENT, seeded.reportId, seeded.historyEntryId)) },
  { who: 'chair', what: 'a score', run: get(paths.score(ORG, MOVEMENT, seeded.reportId)) },
  { who: 'staff', what: "its unit's scores", run: list(paths.scores(ORG, MOVEMENT), where('unitId', '==', UNIT)) },
  { who: 'secretariat', what: 'the appraisals', run: list(paths.appraisals(ORG, MOVEMENT)) },
  { who: 'secretariat', what: 'its own appraisal', run: get(paths.reviewerAppraisal(ORG, MOVEMENT, seeded.reportId, actors.secretariat.uid)) },
  { who: 'head', what: "its unit's registration", run: get(paths.registration(ORG, MOVEMENT, UNIT)) },
  { who: 'council', what: 'the registrations', run: list(paths.registrations(ORG, MOVEMENT)) },
  { who: 'staff', what: "its unit's evidence", run: list(paths.evidenceList(ORG), where('unitId', '==', UNIT)) },
  { who: 'chair', what: 'a piece of evidence', run: get(paths.evidence(ORG, seeded.evidenceId)) },
  { who: 'council', what: 'a nomination', run: get(award.nomination) },
  { who: 'staff', what: "its unit's nominations", run: list(paths.nominations(ORG, MOVEMENT), where('proposingUnitId', '==', UNIT)) },
  { who: 'head', what: 'the ward meeting it sits on', run: get(award.wardMeeting) },
  { who: 'chair', what: 'the meetings', run: list(paths.meetings(ORG, MOVEMENT)) },
  { who: 'staff', what: "its 'voted' marker", run: get(award.staffVoter) },
  { who: 'head', what: "its meeting's voters", run: list(paths.voters(ORG, MOVEMENT, awardIds.unitMeeting), where('voterId', '==', actors.head.uid)) },
  { who: 'council', what: 'a decision', run: get(award.decision) },
  { who: 'staff', what: "its unit's decisions", run: list(paths.decisions(ORG, MOVEMENT), where('unitId', '==', UNIT)) },
  { who: 'council', what: "a unit's generated document", run: get(award.unitDocument) },
  { who: 'staff', what: "its unit's generated documents", run: list(paths.documents(ORG, MOVEMENT), where('unitId', '==', UNIT)) },
  { who: 'secretariat', what: "another member's record", run: get(paths.member(ORG, actors.staff.uid)) },
  { who: 'staff', what: 'a notification marked read', run: (db) => updateDoc(doc(db, paths.notification(ORG, seeded.notificationId)), { read: true }) },
  {
    who: 'staff',
    what: 'a new push token',
    run: (db) =>
      setDoc(doc(db, paths.pushToken(ORG, actors.staff.uid, 'demo-web-staff-2')), { token: 'demo-web-staff-2', kind: 'demo', createdAt: serverTimestamp() }),
  },
];

/** The world, everyone's claims at VERSION, and the secretariat's own appraisal. */
async function seedStale() {
  const docs = { ...world(ORG, 'submitted'), ...awardWorld(ORG) };
  for (const a of Object.values(actors)) if (a.claims.org === ORG) docs[paths.userMeta(a.uid)] = { claimsUpdatedAt: 1, claimsVersion: VERSION };
  docs[paths.movement(ORG, MOVEMENT)] = movement({ reviewersSeeEachOther: true });
  docs[paths.reviewerAppraisal(ORG, MOVEMENT, seeded.reportId, actors.secretariat.uid)] = reviewerAppraisal();
  await seed(docs);
}

const dbWith = (who: ActorName, v: number) => dbOfUser(actors[who].uid, { ...actors[who].claims, v } as unknown as Partial<Claims>);

describe('a token older than the claims', () => {
  it.each(rows)('$who cannot reach $what with it, and can with a current token', async ({ who, run }) => {
    await seedStale();
    await assertFails(run(dbWith(who, VERSION - 1)));
    await assertSucceeds(run(dbWith(who, VERSION)));
  });

  it('still reads what the whole ward sees (the org, the movement, the standings) and its own record', async () => {
    await seedStale();
    const db = dbWith('staff', VERSION - 1);
    await assertSucceeds(getDoc(doc(db, paths.org(ORG))));
    await assertSucceeds(getDoc(doc(db, paths.movement(ORG, MOVEMENT))));
    await assertSucceeds(getDocs(collection(db, paths.standingEntries(ORG, MOVEMENT))));
    await assertSucceeds(getDoc(doc(db, paths.member(ORG, actors.staff.uid))));
  });
});
