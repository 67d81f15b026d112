/**
 * The award workflow's collections (nominations, meetings, ballots, voters, decisions, documents,
 * dossierStatus, numberRegisters): read by those entitled, written by nobody from a client — every change goes
 * through the award callables, which check the vote and record it. A secret ballot's box is
 * readable by nobody, a member's "voted" marker by themself and the meeting's clerks only.
 */
import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { where } from 'firebase/firestore';
import { CERTIFICATES_ID, PUBLIC_DOC_TYPES, openBallotId, paths } from '@thidua/domain';
import { MOVEMENT, ORG, OTHER_ORG, OTHER_UNIT, UNIT, actors, attempt, useRulesEnv } from '../support/rules-env.js';
import { seed, world } from '../support/factories.js';
import { awardIds, awardPathsIn, awardWorld, ballot, decision, dossierDocument, nominationRecord, voterRecord } from '../support/award-factories.js';

useRulesEnv();

const p = awardPathsIn(ORG);
const NOMINATIONS = paths.nominations(ORG, MOVEMENT);
const MEETINGS = paths.meetings(ORG, MOVEMENT);
const DOCUMENTS = paths.documents(ORG, MOVEMENT);
const DECISIONS = paths.decisions(ORG, MOVEMENT);
const unitVoters = paths.voters(ORG, MOVEMENT, awardIds.unitMeeting);
const seedAll = () => seed({ ...world(ORG, 'submitted'), ...awardWorld(ORG), ...world(OTHER_ORG, 'submitted'), ...awardWorld(OTHER_ORG) });

describe('nominations', () => {
  it("the proposing unit's staff and head read and list their unit's nominations", async () => {
    await seedAll();
    await assertSucceeds(attempt.get('staff', p.nomination));
    await assertSucceeds(attempt.get('head', p.nomination));
    await assertSucceeds(attempt.list('staff', NOMINATIONS, where('proposingUnitId', '==', UNIT)));
  });

  it("another unit's staff reads neither this unit's nomination nor the whole list", async () => {
    await seedAll();
    await assertFails(attempt.get('otherUnitStaff', p.nomination));
    await assertFails(attempt.list('otherUnitStaff', NOMINATIONS, where('proposingUnitId', '==', UNIT)));
    await assertSucceeds(attempt.list('otherUnitStaff', NOMINATIONS, where('proposingUnitId', '==', OTHER_UNIT)));
  });

  it('a unit cannot list every nomination without filtering by its unit', async () => {
    await seedAll();
    await assertFails(attempt.list('staff', NOMINATIONS));
  });

  it("the secretariat, council members and the chair read all of the org's nominations", async () => {
    await seedAll();
    for (const who of ['secretariat', 'council', 'chair'] as const) {
      await assertSucceeds(attempt.list(who, NOMINATIONS));
      await assertSucceeds(attempt.get(who, p.otherUnitNomination));
    }
  });

  it('the admin, another org and someone signed out read none', async () => {
    await seedAll();
    await assertFails(attempt.get('admin', p.nomination));
    await assertFails(attempt.list('otherOrgMember', NOMINATIONS));
    await assertFails(attempt.get('signedOut', p.nomination));
  });

  it('nobody proposes, approves or withdraws from the client: the callables do', async () => {
    await seedAll();
    await assertFails(attempt.create('head', paths.nomination(ORG, MOVEMENT, 'nom-new'), nominationRecord()));
    await assertFails(attempt.update('head', p.nomination, { status: 'approved' }));
    await assertFails(attempt.update('chair', p.nomination, { status: 'approved' }));
    await assertFails(attempt.update('secretariat', p.nomination, { eligibility: { eligible: true, flags: [] } }));
    await assertFails(attempt.delete('head', p.nomination));
  });
});

describe('meetings', () => {
  it("the unit's members read their bình xét; another unit does not", async () => {
    await seedAll();
    await assertSucceeds(attempt.get('staff', p.unitMeeting));
    await assertSucceeds(attempt.list('staff', MEETINGS, where('unitId', '==', UNIT)));
    await assertFails(attempt.get('otherUnitStaff', p.unitMeeting));
    await assertFails(attempt.list('otherUnitStaff', MEETINGS, where('unitId', '==', UNIT)));
  });

  it('a unit member who does not sit on the ward council cannot read it', async () => {
    await seedAll();
    await assertFails(attempt.get('staff', p.wardMeeting));
    await assertFails(attempt.list('staff', MEETINGS, where('unitId', '==', null)));
  });

  it('a member of the ward council who is not a reviewer reads the meetings they sit on', async () => {
    await seedAll();
    await assertSucceeds(attempt.get('head', p.wardMeeting));
    await assertSucceeds(attempt.list('head', MEETINGS, where('memberIds', 'array-contains', actors.head.uid)));
  });

  it('reviewers read every meeting, the admin none', async () => {
    await seedAll();
    await assertSucceeds(attempt.list('secretariat', MEETINGS));
    await assertSucceeds(attempt.get('council', p.unitMeeting));
    await assertFails(attempt.get('admin', p.wardMeeting));
    await assertFails(attempt.get('otherOrgMember', p.wardMeeting));
  });

  it('nobody opens, marks attendance or closes a meeting from the client', async () => {
    await seedAll();
    await assertFails(attempt.create('secretariat', paths.meeting(ORG, MOVEMENT, 'meet-new'), { kind: 'ward' }));
    await assertFails(attempt.update('secretariat', p.wardMeeting, { present: [actors.secretariat.uid] }));
    await assertFails(attempt.update('chair', p.wardMeeting, { status: 'closed' }));
    await assertFails(attempt.delete('head', p.unitMeeting));
  });
});

describe('ballots', () => {
  it("nobody reads a secret ballot box, not the chair, the secretary or the meeting's members", async () => {
    await seedAll();
    for (const who of ['chair', 'secretariat', 'council', 'head', 'admin'] as const) {
      await assertFails(attempt.get(who, p.secretBox));
      await assertFails(attempt.list(who, paths.ballots(ORG, MOVEMENT, awardIds.secretMeeting)));
    }
  });

  it('nobody reads an open ballot either, not even its voter: the tally is published on the closed meeting', async () => {
    await seedAll();
    await assertFails(attempt.get('staff', p.openBallot));
    await assertFails(attempt.get('head', p.openBallot));
    await assertFails(attempt.list('staff', paths.ballots(ORG, MOVEMENT, awardIds.unitMeeting), where('voterId', '==', actors.staff.uid)));
  });

  it('a member cannot cast a ballot from the client, for themself or for another member', async () => {
    await seedAll();
    const mine = paths.ballot(ORG, MOVEMENT, awardIds.wardMeeting, openBallotId(awardIds.nomination, actors.council.uid));
    await assertFails(attempt.create('council', mine, ballot({ voterId: actors.council.uid, recordedBy: actors.council.uid })));
    const forChair = paths.ballot(ORG, MOVEMENT, awardIds.wardMeeting, openBallotId(awardIds.nomination, actors.chair.uid));
    await assertFails(attempt.create('council', forChair, ballot({ voterId: actors.chair.uid, recordedBy: actors.council.uid })));
  });

  it('nobody changes or removes a ballot already cast', async () => {
    await seedAll();
    await assertFails(attempt.update('staff', p.openBallot, { choice: 'no' }));
    await assertFails(attempt.update('secretariat', p.secretBox, { receipts: [] }));
    await assertFails(attempt.delete('head', p.openBallot));
  });
});

describe("voters ('voted' markers)", () => {
  it('a member reads their own marker, and their own id before they have voted', async () => {
    await seedAll();
    await assertSucceeds(attempt.get('council', p.secretVoter));
    await assertSucceeds(attempt.get('chair', paths.voter(ORG, MOVEMENT, awardIds.secretMeeting, actors.chair.uid)));
    await assertSucceeds(attempt.list('staff', unitVoters, where('voterId', '==', actors.staff.uid)));
  });

  it("a member who is not the meeting's clerk reads no one else's marker", async () => {
    await seedAll();
    await assertFails(attempt.get('council', paths.voter(ORG, MOVEMENT, awardIds.wardMeeting, actors.head.uid)));
    await assertFails(attempt.get('otherUnitStaff', p.staffVoter));
    await assertFails(attempt.list('council', unitVoters));
  });

  it("the meeting's secretary and chair follow who has voted", async () => {
    await seedAll();
    // The unit's bình xét: the staff keeps the minutes, the head chairs.
    await assertSucceeds(attempt.get('staff', p.headVoter));
    await assertSucceeds(attempt.get('head', p.staffVoter));
    await assertSucceeds(attempt.list('head', unitVoters));
    // The secret ward meeting: the secretariat is its secretary.
    await assertSucceeds(attempt.list('secretariat', paths.voters(ORG, MOVEMENT, awardIds.secretMeeting)));
  });

  it('another org and someone signed out read no marker', async () => {
    await seedAll();
    await assertFails(attempt.get('otherOrgMember', p.staffVoter));
    await assertFails(attempt.get('signedOut', p.staffVoter));
  });

  it('nobody marks themself or another member as having voted', async () => {
    await seedAll();
    await assertFails(
      attempt.create('council', paths.voter(ORG, MOVEMENT, awardIds.wardMeeting, actors.council.uid), voterRecord({ voterId: actors.council.uid })),
    );
    await assertFails(attempt.update('staff', p.staffVoter, { nominations: {} }));
    await assertFails(attempt.delete('staff', p.staffVoter));
  });
});

describe('decisions', () => {
  it("the proposing unit and reviewers read the chair's decision; another unit does not", async () => {
    await seedAll();
    await assertSucceeds(attempt.get('head', p.decision));
    await assertSucceeds(attempt.list('staff', DECISIONS, where('unitId', '==', UNIT)));
    await assertSucceeds(attempt.list('council', DECISIONS));
    await assertFails(attempt.get('otherUnitStaff', p.decision));
    await assertFails(attempt.get('admin', p.decision));
  });

  it('not even the chair writes a decision from the client', async () => {
    await seedAll();
    await assertFails(
      attempt.create(
        'chair',
        paths.decision(ORG, MOVEMENT, awardIds.otherUnitNomination),
        decision({ nominationId: awardIds.otherUnitNomination, unitId: OTHER_UNIT }),
      ),
    );
    await assertFails(attempt.update('chair', p.decision, { outcome: 'reject' }));
    await assertFails(attempt.delete('chair', p.decision));
  });
});

describe('generated documents', () => {
  it("a unit's members read their unit's documents, not the ward's", async () => {
    await seedAll();
    await assertSucceeds(attempt.get('staff', p.unitDocument));
    await assertSucceeds(attempt.list('head', DOCUMENTS, where('unitId', '==', UNIT)));
    await assertFails(attempt.get('staff', p.wardDocument));
    await assertFails(attempt.list('staff', DOCUMENTS, where('unitId', '==', null)));
  });

  it("another unit reads neither this unit's documents nor the ward's", async () => {
    await seedAll();
    await assertFails(attempt.get('otherUnitStaff', p.unitDocument));
    await assertFails(attempt.list('otherUnitStaff', DOCUMENTS, where('unitId', '==', UNIT)));
  });

  it('reviewers read every document; the admin and another org none', async () => {
    await seedAll();
    await assertSucceeds(attempt.list('chair', DOCUMENTS));
    await assertSucceeds(attempt.get('secretariat', p.wardDocument));
    await assertFails(attempt.get('admin', p.unitDocument));
    await assertFails(attempt.get('otherOrgMember', p.wardDocument));
  });

  it('the Kế hoạch (addressed to every unit) is read by every member of the org, and only of the org', async () => {
    const plan = paths.document(ORG, MOVEMENT, 'ke-hoach');
    await seed({
      ...world(ORG, 'submitted'),
      ...world(OTHER_ORG, 'submitted'),
      [plan]: dossierDocument({ docType: 'ke-hoach', title: 'Kế hoạch', unitId: null, number: '01/KH-UBND' }),
    });
    await assertSucceeds(attempt.get('staff', plan));
    await assertSucceeds(attempt.get('otherUnitStaff', plan));
    await assertFails(attempt.get('otherOrgMember', plan));
    await assertFails(attempt.update('secretariat', plan, { number: '02/KH-UBND' }));
  });

  it('the Quyết định tặng Giấy khen and the certificates are public in the org once decided (công khai)', async () => {
    const qd = paths.document(ORG, MOVEMENT, 'quyet-dinh-giay-khen');
    const gk = paths.document(ORG, MOVEMENT, CERTIFICATES_ID);
    await seed({
      ...world(ORG, 'submitted'),
      ...world(OTHER_ORG, 'submitted'),
      [qd]: dossierDocument({ docType: 'quyet-dinh-giay-khen', title: 'Quyết định tặng Giấy khen', unitId: null, number: '01/QĐ-UBND' }),
      [gk]: dossierDocument({ docType: 'giay-khen', title: 'Giấy khen', unitId: null, number: '01/QĐ-UBND' }),
    });
    for (const who of ['staff', 'otherUnitStaff', 'head'] as const) {
      await assertSucceeds(attempt.get(who, qd));
      await assertSucceeds(attempt.get(who, gk));
    }
    const listed = await assertSucceeds(attempt.list('otherUnitStaff', DOCUMENTS, where('docType', 'in', [...PUBLIC_DOC_TYPES])));
    expect(listed.docs.map((d) => d.id).sort()).toEqual([CERTIFICATES_ID, 'quyet-dinh-giay-khen']);
    await assertFails(attempt.list('otherUnitStaff', DOCUMENTS));
    await assertFails(attempt.get('otherOrgMember', qd));
    await assertFails(attempt.update('head', gk, { number: '02/QĐ-UBND' }));
  });

  it('nobody edits the index: a number or a hash changed by hand would break the dossier', async () => {
    await seedAll();
    await assertFails(attempt.update('secretariat', p.wardDocument, { number: '02/QĐ-UBND' }));
    await assertFails(attempt.update('head', p.unitDocument, { sha256: 'b'.repeat(64) }));
    await assertFails(attempt.delete('chair', p.wardDocument));
  });
});

describe('dossier status', () => {
  const STATUS = paths.dossierStatus(ORG, MOVEMENT);
  const seedStatus = () =>
    seed({
      ...world(ORG, 'submitted'),
      ...world(OTHER_ORG, 'submitted'),
      [STATUS]: { state: 'generating', requestedAt: 1, startedAt: 2, finishedAt: null, documents: 0 },
    });

  it('reviewers follow where the generation is; unit members, the admin and another org do not', async () => {
    await seedStatus();
    for (const who of ['secretariat', 'council', 'chair'] as const) await assertSucceeds(attempt.get(who, STATUS));
    for (const who of ['staff', 'head', 'admin', 'otherOrgMember'] as const) await assertFails(attempt.get(who, STATUS));
  });

  it('nobody lists it or writes it from the client: the callables and the dossier trigger do', async () => {
    await seedStatus();
    // The collection holding the one status document.
    await assertFails(attempt.list('secretariat', STATUS.slice(0, STATUS.lastIndexOf('/'))));
    await assertFails(attempt.update('secretariat', STATUS, { state: 'ready' }));
    await assertFails(attempt.delete('chair', STATUS));
  });
});

describe('number registers', () => {
  it('are read and written by functions only', async () => {
    await seedAll();
    for (const who of ['secretariat', 'chair', 'admin'] as const) {
      await assertFails(attempt.get(who, p.register));
      await assertFails(attempt.list(who, paths.numberRegisters(ORG)));
      await assertFails(attempt.update(who, p.register, { last: 0 }));
    }
  });
});
