/** The ReviewBackend over the Firebase JS SDK: queries, callables, the /api endpoint and push tokens. */
import {
  collection,
  deleteDoc,
  doc,
  limit,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from 'firebase/firestore';
import { callFunction } from './call.js';
import {
  Appraisal,
  Evidence,
  Notification as NotificationRecord,
  QUEUE_STATUSES,
  ReportStatus,
  ReviewerAppraisal,
  callables,
  paths,
  type ReportRef,
} from '@thidua/domain';
import { firebaseServices } from '../firebase.js';
import { BackendError } from './errors.js';
import { demoTokenSource, fcmTokenSource, type PushTokenSource } from './push-token-source.js';
import type { QueueReport, ReviewBackend, StoredEvidence, StoredNotification } from './review-backend.js';
import { plain, toBackendError, toStoredReport } from './firestore-values.js';

function toQueueReport(id: string, data: DocumentData): QueueReport | null {
  const report = toStoredReport(data);
  return report && { id, ...report };
}

const tokenKey = (orgId: string, uid: string) => `thidua.pushToken.${orgId}.${uid}`;

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function firebaseReviewBackend(): ReviewBackend {
  const { app, auth, db, functions, emulated } = firebaseServices();
  const tokens: PushTokenSource = emulated ? demoTokenSource() : fcmTokenSource(app, import.meta.env.VITE_FIREBASE_VAPID_KEY || undefined);

  const call = <I, O>(name: string, input: I): Promise<O> => callFunction<I, O>(functions, name, input);

  return {
    watchQueue(orgId, movementId, next, fail) {
      const q = query(collection(db, paths.reports(orgId, movementId)), where('status', 'in', [...QUEUE_STATUSES]));
      return onSnapshot(
        q,
        (snap) => next(snap.docs.map((d) => toQueueReport(d.id, d.data({ serverTimestamps: 'estimate' }))).filter((r): r is QueueReport => r !== null)),
        (e) => fail(toBackendError(e)),
      );
    },

    watchAppraisals(orgId, movementId, scope, next, fail) {
      const all = collection(db, paths.appraisals(orgId, movementId));
      const q = scope === 'all' ? all : scope === 'approved' ? query(all, where('approved', '==', true)) : query(all, where('unitId', '==', scope.unitId));
      return onSnapshot(
        q,
        (snap) => {
          const byReport: Record<string, Appraisal> = {};
          for (const d of snap.docs) {
            const r = Appraisal.safeParse(plain(d.data()));
            if (r.success) byReport[d.id] = r.data;
          }
          next(byReport);
        },
        (e) => fail(toBackendError(e)),
      );
    },

    watchOwnAppraisals(orgId, movementId, reviewerUid, next, fail) {
      const q = query(collection(db, paths.reviewerAppraisals(orgId, movementId)), where('reviewerUid', '==', reviewerUid));
      return onSnapshot(
        q,
        (snap) => {
          const byReport: Record<string, ReviewerAppraisal> = {};
          for (const d of snap.docs) {
            const r = ReviewerAppraisal.safeParse(plain(d.data()));
            if (r.success) byReport[r.data.reportId] = r.data;
          }
          next(byReport);
        },
        (e) => fail(toBackendError(e)),
      );
    },

    watchEvidence(orgId, movementId, unitId, next, fail) {
      const q = query(collection(db, paths.evidenceList(orgId)), where('unitId', '==', unitId));
      return onSnapshot(
        q,
        (snap) => {
          const list: StoredEvidence[] = [];
          for (const d of snap.docs) {
            const r = Evidence.safeParse(plain(d.data()));
            if (r.success && r.data.movementId === movementId) list.push({ id: d.id, ...r.data });
          }
          next(list);
        },
        (e) => fail(toBackendError(e)),
      );
    },

    async openEvidence(orgId, evidence) {
      if (evidence.kind === 'link' && evidence.url) {
        window.open(evidence.url, '_blank', 'noopener');
        return;
      }
      const token = await auth.currentUser?.getIdToken();
      const res = await fetch(`/api/evidence/${orgId}/${evidence.id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        throw new BackendError(String(res.status), body?.error ?? res.statusText);
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = evidence.fileName ?? evidence.title;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },

    appraiseItem: (input) => call(callables.appraiseItem, input),
    returnReport: async (input) => ({ status: ReportStatus.parse((await call<typeof input, { status: string }>(callables.returnReport, input)).status) }),
    approveReport: async (ref: ReportRef) => ({ status: ReportStatus.parse((await call<ReportRef, { status: string }>(callables.approveReport, ref)).status) }),

    watchNotifications(orgId, uid, next, fail) {
      const q = query(collection(db, paths.notifications(orgId)), where('recipientUid', '==', uid), orderBy('createdAt', 'desc'), limit(50));
      let first = true;
      return onSnapshot(
        q,
        (snap) => {
          const parse = (id: string, data: DocumentData): StoredNotification | null => {
            const r = NotificationRecord.safeParse(plain(data));
            return r.success ? { id, ...r.data } : null;
          };
          const list = snap.docs.map((d) => parse(d.id, d.data())).filter((n): n is StoredNotification => n !== null);
          // Only what the server adds while the app is open is "new": not the first answer, not the cache.
          const arrived =
            first || snap.metadata.fromCache
              ? []
              : snap
                  .docChanges()
                  .filter((c) => c.type === 'added')
                  .map((c) => parse(c.doc.id, c.doc.data()))
                  .filter((n): n is StoredNotification => n !== null && !n.read);
          if (!snap.metadata.fromCache) first = false;
          next({ list, arrived });
        },
        (e) => fail(toBackendError(e)),
      );
    },

    async markRead(orgId, notificationId) {
      try {
        await updateDoc(doc(db, paths.notification(orgId, notificationId)), { read: true });
      } catch (e) {
        throw toBackendError(e);
      }
    },

    pushState(orgId, uid) {
      if (typeof Notification === 'undefined') return 'unsupported';
      if (Notification.permission === 'denied') return 'denied';
      return Notification.permission === 'granted' && safeStorage()?.getItem(tokenKey(orgId, uid)) ? 'on' : 'off';
    },

    async enablePush(orgId, uid) {
      if (typeof Notification === 'undefined') throw new BackendError('unsupported', 'Trình duyệt không hỗ trợ thông báo.');
      // Asked only now, after the person pressed the button: no token exists without their yes.
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') throw new BackendError('permission-denied', 'Bạn chưa cho phép trình duyệt hiển thị thông báo.');
      try {
        const token = await tokens.getToken();
        await setDoc(doc(db, `${paths.pushTokens(orgId, uid)}/${token}`), {
          token,
          kind: tokens.kind,
          createdAt: serverTimestamp(),
          userAgent: navigator.userAgent.slice(0, 300),
        });
        safeStorage()?.setItem(tokenKey(orgId, uid), token);
        return token;
      } catch (e) {
        throw toBackendError(e);
      }
    },

    async disablePush(orgId, uid) {
      const token = safeStorage()?.getItem(tokenKey(orgId, uid));
      try {
        if (token) await deleteDoc(doc(db, `${paths.pushTokens(orgId, uid)}/${token}`));
        await tokens.deleteToken();
      } catch (e) {
        throw toBackendError(e);
      } finally {
        safeStorage()?.removeItem(tokenKey(orgId, uid));
      }
    },
  };
}
