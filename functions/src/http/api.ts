import { onRequest } from 'firebase-functions/v2/https';
import { getFirestore } from 'firebase-admin/firestore';
import { getAuth } from 'firebase-admin/auth';
import { objectStore } from '../storage/index.js';
import { Id, jsonContentTypeProblem, uploadContentTypeProblem } from '@thidua/domain';
import { HttpError, actorFrom } from './http.js';
import { addEvidenceLink, downloadEvidence, uploadEvidence } from './evidence.js';
import { DOCUMENT_ROUTE, downloadDocument } from './documents.js';

/**
 * Runs on requests to /api/** (Hosting rewrite): evidence upload, links and downloads.
 *   POST /api/evidence            raw file body, X-Evidence-Meta: encodeURIComponent(JSON)
 *   POST /api/evidence-link       JSON body
 *   GET  /api/evidence/{org}/{id} the file, to those entitled
 *   GET  /api/documents/{org}/{movement}/{docId}[?version=n][&format=pdf]  a generated dossier document (DOCX, its PDF, the ZIP), to those entitled
 */
export const api = onRequest({ cors: true }, async (req, res) => {
  try {
    const deps = { db: getFirestore(), store: objectStore(), now: Date.now };
    const actor = await actorFrom(getAuth(), deps.db, req.get('authorization'));
    const route = req.path.replace(/^\/api/, '');
    if (req.method === 'POST' && route === '/evidence') {
      // A file sent as JSON, text or a form arrives parsed, not as its bytes: refused in words (415).
      // (A body the platform's JSON parser cannot read is answered by the platform before this runs.)
      const wrongType = uploadContentTypeProblem(req.get('content-type'));
      if (wrongType) throw new HttpError(415, wrongType.vi);
      res.status(201).json(await uploadEvidence(deps, actor, req.get('x-evidence-meta'), new Uint8Array(req.rawBody ?? Buffer.alloc(0))));
      return;
    }
    if (req.method === 'POST' && route === '/evidence-link') {
      const wrongType = jsonContentTypeProblem(req.get('content-type'));
      if (wrongType) throw new HttpError(415, wrongType.vi);
      res.status(201).json(await addEvidenceLink(deps, actor, req.body));
      return;
    }
    const m = /^\/evidence\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)$/.exec(route);
    // Ids Firestore refuses (e.g. __proto__) would fail inside the SDK: no such document, in words.
    const notFound = (ids: string[]) => {
      if (ids.some((x) => !Id.safeParse(x).success)) throw new HttpError(404, 'Không có đường dẫn này.');
    };
    if (m) notFound([m[1]!, m[2]!]);
    if (req.method === 'GET' && m) {
      const file = await downloadEvidence(deps, actor, m[1]!, m[2]!);
      res.set('Content-Type', file.contentType);
      res.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.status(200).send(Buffer.from(file.bytes));
      return;
    }
    const doc = DOCUMENT_ROUTE.exec(route);
    if (doc) notFound([doc[1]!, doc[2]!, doc[3]!]);
    if (req.method === 'GET' && doc) {
      const version = typeof req.query.version === 'string' ? req.query.version : undefined;
      const format = typeof req.query.format === 'string' ? req.query.format : undefined;
      const file = await downloadDocument(deps, actor, doc[1]!, doc[2]!, doc[3]!, version, format);
      res.set('Content-Type', file.contentType);
      res.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.set('X-Document-Version', String(file.version));
      res.set('X-Document-Sha256', file.sha256);
      res.status(200).send(Buffer.from(file.bytes));
      return;
    }
    throw new HttpError(404, 'Không có đường dẫn này.');
  } catch (e) {
    if (e instanceof HttpError) res.status(e.status).json({ error: e.message });
    else {
      console.error(e);
      res.status(500).json({ error: 'Lỗi hệ thống, vui lòng thử lại.' });
    }
  }
});
