/**
 * One small object-store interface, two implementations: Cloud Storage in production and a
 * directory on disk locally (there is no Storage emulator offline). Browsers never reach it
 * directly: reads and writes go through authenticated functions.
 */
import { mkdir, readFile, writeFile, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { getStorage } from 'firebase-admin/storage';

export interface StoredObject {
  bytes: Uint8Array;
  contentType: string;
}

export interface ObjectStore {
  put(path: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(path: string): Promise<StoredObject | null>;
  exists(path: string): Promise<boolean>;
}

export class DiskObjectStore implements ObjectStore {
  private readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }
  private file(path: string): string {
    const full = resolve(this.root, path);
    if (!full.startsWith(this.root + sep)) throw new Error(`Path escapes the object store: ${path}`);
    return full;
  }
  async put(path: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const f = this.file(path);
    await mkdir(dirname(f), { recursive: true });
    await writeFile(f, bytes);
    await writeFile(`${f}.meta.json`, JSON.stringify({ contentType }));
  }
  async get(path: string): Promise<StoredObject | null> {
    const f = this.file(path);
    try {
      const [bytes, meta] = await Promise.all([readFile(f), readFile(`${f}.meta.json`, 'utf8')]);
      return { bytes: new Uint8Array(bytes), contentType: (JSON.parse(meta) as { contentType: string }).contentType };
    } catch {
      return null;
    }
  }
  async exists(path: string): Promise<boolean> {
    return stat(this.file(path)).then(
      () => true,
      () => false,
    );
  }
}

export class CloudStorageObjectStore implements ObjectStore {
  private bucket() {
    return getStorage().bucket();
  }
  async put(path: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.bucket().file(path).save(Buffer.from(bytes), { contentType, resumable: false });
  }
  async get(path: string): Promise<StoredObject | null> {
    const file = this.bucket().file(path);
    const [exists] = await file.exists();
    if (!exists) return null;
    const [[bytes], [meta]] = await Promise.all([file.download(), file.getMetadata()]);
    return { bytes: new Uint8Array(bytes), contentType: meta.contentType ?? 'application/octet-stream' };
  }
  async exists(path: string): Promise<boolean> {
    const [exists] = await this.bucket().file(path).exists();
    return exists;
  }
}
