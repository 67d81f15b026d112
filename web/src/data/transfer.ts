/**
 * Transfers with real progress, for a person waiting on a 20 MB upload or a dossier download:
 * fetch cannot report bytes sent, so uploads go through XMLHttpRequest's upload events; downloads
 * read the response body stream and count bytes against Content-Length.
 */

/** Bytes moved so far and the total (null when the server does not say). */
export interface Progress {
  loaded: number;
  total: number | null;
}

export type OnProgress = (p: Progress) => void;

export interface PostResult {
  ok: boolean;
  status: number;
  /** The response body parsed as JSON, or null when it is not JSON. */
  json: unknown;
}

/** POSTs `body`, reporting bytes sent. Rejects only when the request never reached the server. */
export function postWithProgress(url: string, headers: Record<string, string>, body: Blob, onProgress?: OnProgress): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.addEventListener('progress', (e) => onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : body.size }));
    xhr.addEventListener('load', () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText) as unknown;
      } catch {
        json = null;
      }
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, json });
    });
    xhr.addEventListener('error', () => reject(new TypeError('Network request failed')));
    xhr.addEventListener('abort', () => reject(new TypeError('Request aborted')));
    onProgress?.({ loaded: 0, total: body.size });
    xhr.send(body);
  });
}

/** Reads a response's body as a Blob, reporting bytes received against Content-Length. */
export async function readWithProgress(res: Response, onProgress?: OnProgress): Promise<Blob> {
  const type = res.headers.get('content-type') ?? '';
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!res.body) {
    const blob = await res.blob();
    onProgress?.({ loaded: blob.size, total: total ?? blob.size });
    return blob;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress?.({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.({ loaded, total });
  }
  // At the end the size is known whatever the headers said: the bar reaches its end.
  onProgress?.({ loaded, total: loaded });
  return new Blob(chunks as BlobPart[], { type });
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
