/**
 * Downloads a generated document (dossier, Kế hoạch, tổng kết) through /api/documents with the
 * person's ID token; the server checks who may read it and names the file.
 */
import type { User } from 'firebase/auth';
import { BackendError } from './errors.js';
import { readWithProgress, saveBlob, type OnProgress } from './transfer.js';

export interface DocumentDownload {
  version?: number;
  format?: string;
  /** Used when the server sends no file name. */
  fileName: string;
  /** Bytes received so far, against Content-Length. */
  onProgress?: OnProgress;
}

export async function downloadDocumentFile(user: User | null, orgId: string, movementId: string, docId: string, opts: DocumentDownload): Promise<void> {
  if (!user) throw new BackendError('unauthenticated', 'Vui lòng đăng nhập lại.');
  const params = new URLSearchParams();
  if (opts.version !== undefined) params.set('version', String(opts.version));
  if (opts.format) params.set('format', opts.format);
  const qs = params.toString();
  const res = await fetch(`/api/documents/${orgId}/${movementId}/${docId}${qs ? `?${qs}` : ''}`, {
    headers: { authorization: `Bearer ${await user.getIdToken()}` },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new BackendError(String(res.status), body.error ?? `HTTP ${res.status}`);
  }
  // The server names the file (Content-Disposition, UTF-8); fall back to the index's name.
  const disposition = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = m ? decodeURIComponent(m[1]!) : opts.fileName;
  saveBlob(await readWithProgress(res, opts.onProgress), name);
}
