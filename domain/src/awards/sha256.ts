/**
 * SHA-256 from @noble/hashes (audited, maintained, no dependencies): synchronous and identical in
 * Node and browsers, so ballot commitments can be computed and checked anywhere without WebCrypto's
 * async API. This module only names the two forms the domain uses.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** Hex SHA-256 of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(nobleSha256(utf8ToBytes(text)));
}
