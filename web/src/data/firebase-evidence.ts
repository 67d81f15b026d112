/** EvidenceBackend over Firestore (evidence metadata, history) and the /api endpoint (files). */
import { collection, onSnapshot, query, where } from 'firebase/firestore';
import type { Auth } from 'firebase/auth';
import type { Firestore } from 'firebase/firestore';
import { Evidence, ReportHistoryEntry, paths } from '@thidua/domain';
import { BackendError } from './errors.js';
import type { EvidenceBackend, EvidenceItem, HistoryItem } from './evidence.js';
import { plain } from './firestore-values.js';
import { postWithProgress, readWithProgress } from './transfer.js';

/** The /api endpoint is served by Hosting's rewrite (same origin), locally and in production. */
const API = '/api';
const apiUrl = (path: string): string => `${API}${path}`;

export function firebaseEvidence(auth: Auth, db: Firestore): EvidenceBackend {
  async function authHeader(): Promise<Record<string, string>> {
    const user = auth.currentUser;
    if (!user) throw new BackendError('unauthenticated', 'Bạn cần đăng nhập.');
    return { authorization: `Bearer ${await user.getIdToken()}` };
  }

  /** Sends a request; the server's { error } message (Vietnamese) becomes the error's message. */
  async function send(path: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(apiUrl(path), { ...init, headers: { ...(init.headers as Record<string, string>), ...(await authHeader()) } });
    } catch (e) {
      if (e instanceof BackendError) throw e;
      throw new BackendError('unavailable', 'Không kết nối được máy chủ; vui lòng thử lại khi có mạng.');
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: string } | null;
      throw new BackendError(String(res.status), body?.error ?? `Lỗi ${res.status}`);
    }
    return res;
  }

  return {
    watchUnitEvidence(orgId, movementId, unitId, next, fail) {
      const q = query(collection(db, paths.evidenceList(orgId)), where('unitId', '==', unitId), where('movementId', '==', movementId));
      return onSnapshot(
        q,
        (snap) => {
          const list: EvidenceItem[] = [];
          for (const d of snap.docs) {
            const r = Evidence.safeParse(plain(d.data()));
            if (r.success) list.push({ ...r.data, id: d.id });
          }
          next(list.sort((a, b) => b.uploadedAt - a.uploadedAt));
        },
        (e) => fail(new BackendError(e.code, e.message)),
      );
    },

    async uploadEvidence(input, file, onProgress) {
      const headers = {
        'content-type': 'application/octet-stream',
        'x-evidence-meta': encodeURIComponent(JSON.stringify(input)),
        ...(await authHeader()),
      };
      // XMLHttpRequest, not fetch: only it reports the bytes sent of a 20 MB file.
      const res = await postWithProgress(apiUrl('/evidence'), headers, file, onProgress).catch(() => {
        throw new BackendError('unavailable', 'Không kết nối được máy chủ; vui lòng thử lại khi có mạng.');
      });
      if (!res.ok) throw new BackendError(String(res.status), (res.json as { error?: string } | null)?.error ?? `Lỗi ${res.status}`);
      return res.json as { id: string; sha256: string; size: number };
    },

    async addEvidenceLink(input) {
      const res = await send('/evidence-link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return (await res.json()) as { id: string };
    },

    async downloadEvidence(orgId, evidenceId, onProgress) {
      const res = await send(`/evidence/${encodeURIComponent(orgId)}/${encodeURIComponent(evidenceId)}`, { method: 'GET' });
      const disposition = res.headers.get('content-disposition') ?? '';
      const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
      return { blob: await readWithProgress(res, onProgress), fileName: name ? decodeURIComponent(name) : evidenceId };
    },

    watchReportHistory(orgId, movementId, reportId, unitId, next, fail) {
      // Filtered on unitId: the rules read it from each entry, so the query must promise it.
      const q = query(collection(db, paths.reportHistory(orgId, movementId, reportId)), where('unitId', '==', unitId));
      return onSnapshot(
        q,
        (snap) => {
          const list: HistoryItem[] = [];
          for (const d of snap.docs) {
            const r = ReportHistoryEntry.safeParse(plain(d.data()));
            if (r.success) list.push({ ...r.data, id: d.id });
          }
          next(list.sort((a, b) => a.at - b.at));
        },
        (e) => fail(new BackendError(e.code, e.message)),
      );
    },
  };
}
