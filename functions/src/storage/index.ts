import { resolve } from 'node:path';
import { OBJECT_STORE, OBJECT_STORE_DIR } from '../config.js';
import { CloudStorageObjectStore, DiskObjectStore, type ObjectStore } from './objectStore.js';

let store: ObjectStore | undefined;

/** The configured object store (created on first use, after params are available). */
export function objectStore(): ObjectStore {
  store ??= OBJECT_STORE.value() === 'disk' ? new DiskObjectStore(resolve(OBJECT_STORE_DIR.value())) : new CloudStorageObjectStore();
  return store;
}
