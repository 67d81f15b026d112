/**
 * What the admin and settings pages need from Firebase: the organisation's units, members and
 * movements (read live, as the rules allow admins and the secretariat) and the administration
 * callables. Every change goes through a callable (validated and audited by functions); nothing
 * here writes claims-bearing data directly.
 */
import { collection, onSnapshot } from 'firebase/firestore';
import { callFunction } from './call.js';
import {
  Member,
  Movement,
  Unit,
  callables,
  paths,
  type AdvanceMovementInput,
  type Blocker,
  type CreateMovementInput,
  type ExtendDeadlineInput,
  type Phase,
  type ImportInput,
  type MovementScopeInput,
  type UpdateMovementCatalogueInput,
  type MovementSettingsInput,
  type RowError,
  type SetMemberInput,
  type SetUnitInput,
} from '@thidua/domain';
import { firebaseServices } from '../firebase.js';
import { BackendError, type Unsubscribe } from './errors.js';
import { plain, toBackendError, watchUnits } from './firestore-values.js';
import { downloadDocumentFile } from './document-download.js';

export interface MemberEntry {
  uid: string;
  member: Member;
}

export interface MovementItem {
  id: string;
  movement: Movement;
}

export type ImportResult = { ok: true; units: number; members: number; created: string[] } | { ok: false; errors: RowError[] };

export interface AdminApi {
  watchUnits(orgId: string, next: (units: Record<string, Unit>) => void, fail: (e: BackendError) => void): Unsubscribe;
  watchMembers(orgId: string, next: (members: MemberEntry[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  watchMovements(orgId: string, next: (movements: MovementItem[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  setUnit(input: SetUnitInput): Promise<{ unitId: string; created: boolean }>;
  setMember(input: SetMemberInput): Promise<{ uid: string; created: boolean; inviteLink?: string }>;
  importOrg(input: ImportInput): Promise<ImportResult>;
  setMovementSettings(input: MovementSettingsInput): Promise<{ criteriaVersion: number; rescored: number }>;
  extendDeadline(input: ExtendDeadlineInput): Promise<{ before: number; deadline: number }>;
  /** The movement's phase and what blocks its next step (computed by the domain's phaseBlockers on the server). */
  movementPhase(input: { orgId: string; movementId: string }): Promise<{ status: Phase; next: Phase | null; blockers: Blocker[] }>;
  advanceMovement(input: AdvanceMovementInput): Promise<{ status: Phase; frozen: string[]; notified: number }>;
  createMovement(input: CreateMovementInput): Promise<{ movementId: string; criteriaVersion: number }>;
  updateMovementCatalogue(input: UpdateMovementCatalogueInput): Promise<{ criteriaVersion: number; changed: string[] }>;
  generatePlan(input: MovementScopeInput): Promise<{ number: string | null; outcome: string; version: number }>;
  /** The records office's archive of a closed movement (one ZIP), built or found unchanged. */
  buildArchive(input: MovementScopeInput): Promise<{ docId: string; version: number; files: number; outcome: string }>;
  /** The movement's Kế hoạch (DOCX, or its PDF). */
  downloadPlan(orgId: string, movementId: string, format: 'docx' | 'pdf'): Promise<void>;
  /** One of the movement's own documents (the tổng kết, the archive ZIP) by its id. */
  downloadMovementDocument(orgId: string, movementId: string, docId: string, fileName: string, format?: 'docx' | 'pdf'): Promise<void>;
}

export function firebaseAdminApi(): AdminApi {
  const { db, functions, auth } = firebaseServices();
  const call =
    <I, O>(name: string) =>
    (input: I): Promise<O> =>
      callFunction<I, O>(functions, name, input);
  return {
    watchUnits: (orgId, next, fail) => watchUnits(db, orgId, next, fail),
    watchMembers(orgId, next, fail) {
      return onSnapshot(
        collection(db, paths.members(orgId)),
        (snap) => {
          const list: MemberEntry[] = [];
          for (const d of snap.docs) {
            const data = plain(d.data()) as Record<string, unknown>;
            const r = Member.safeParse({ ...data, position: data['position'] || undefined });
            if (r.success) list.push({ uid: d.id, member: r.data });
          }
          next(list.sort((a, b) => a.member.displayName.localeCompare(b.member.displayName, 'vi')));
        },
        (e) => fail(toBackendError(e)),
      );
    },
    watchMovements(orgId, next, fail) {
      return onSnapshot(
        collection(db, paths.movements(orgId)),
        (snap) => {
          const list: MovementItem[] = [];
          for (const d of snap.docs) {
            const r = Movement.safeParse(plain(d.data()));
            if (r.success) list.push({ id: d.id, movement: r.data });
          }
          next(list.sort((a, b) => a.id.localeCompare(b.id)));
        },
        (e) => fail(toBackendError(e)),
      );
    },
    setUnit: call(callables.setUnit),
    setMember: call(callables.setMember),
    importOrg: call(callables.importOrg),
    setMovementSettings: call(callables.setMovementSettings),
    extendDeadline: call(callables.extendDeadline),
    movementPhase: call(callables.movementPhase),
    advanceMovement: call(callables.advanceMovement),
    createMovement: call(callables.createMovement),
    updateMovementCatalogue: call(callables.updateMovementCatalogue),
    generatePlan: call(callables.generatePlan),
    buildArchive: call(callables.buildArchive),
    downloadPlan: (orgId, movementId, format) =>
      downloadDocumentFile(auth.currentUser, orgId, movementId, 'ke-hoach', { format, fileName: `Ke hoach - ${movementId}.${format}` }),
    downloadMovementDocument: (orgId, movementId, docId, fileName, format) =>
      downloadDocumentFile(auth.currentUser, orgId, movementId, docId, { ...(format ? { format } : {}), fileName }),
  };
}
