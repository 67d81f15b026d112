/**
 * The dossier's "file điện tử": one ZIP of the generated documents and evidence files. Written by
 * hand (stored entries, no compression: DOCX and PDF are compressed already) so that it is
 * synchronous and byte-for-byte deterministic. File names are UTF-8 (general-purpose flag bit 11)
 * and entries say they were made on Unix (Info-ZIP's `unzip` converts names of "MS-DOS" entries
 * from a DOS code page, garbling them), so Vietnamese names survive in Explorer, macOS and `unzip`.
 * Entries carry the given time (Vietnam time, as DOS times are local), not 1980-01-01.
 */

export interface DossierFile {
  /** Path inside the zip, e.g. "01-To-trinh.docx" or "Bao cao thanh tich/Nguyen Van A.docx". */
  name: string;
  bytes: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Normalises a name to a safe relative path: forward slashes, no "..", no leading "/", NFC. */
export function safeZipName(name: string): string {
  const parts = name
    .normalize('NFC')
    .replace(/\\/g, '/')
    .split('/')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
    .map((p) => p.replace(/[\u0000-\u001f:*?"<>|]/g, '_').trim())
    .filter((p) => p !== '' && p !== '.' && p !== '..');
  if (parts.length === 0) throw new Error(`Tên tệp không hợp lệ: "${name}"`);
  return parts.join('/');
}

/** Vietnam is UTC+7 all year (no daylight saving). */
const VN_OFFSET_MS = 7 * 3_600_000;

/** DOS date and time fields (local time of Vietnam) of an instant; 1980-01-01 is the format's earliest. */
export function dosDateTime(ms: number): { date: number; time: number } {
  const d = new Date(Math.max(ms, Date.UTC(1980, 0, 1) - VN_OFFSET_MS) + VN_OFFSET_MS);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/**
 * Builds the ZIP. Duplicate names get " (2)", " (3)"… before the extension. `modifiedAt` (ms) dates
 * every entry: pass when the inputs last changed, so the same inputs still give the same bytes.
 */
export function buildDossierZip(files: readonly DossierFile[], options: { modifiedAt?: number } = {}): Uint8Array {
  const used = new Set<string>();
  const entries = files.map((f) => {
    let name = safeZipName(f.name);
    if (used.has(name.toLowerCase())) {
      const dot = name.lastIndexOf('.');
      const [stem, ext] = dot > name.lastIndexOf('/') ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
      let k = 2;
      while (used.has(`${stem} (${k})${ext}`.toLowerCase())) k++;
      name = `${stem} (${k})${ext}`;
    }
    used.add(name.toLowerCase());
    return { name: new TextEncoder().encode(name), bytes: f.bytes, crc: crc32(f.bytes) };
  });

  const { date: DOS_DATE, time: DOS_TIME } = dosDateTime(options.modifiedAt ?? 0);
  const FLAGS = 0x0800; // UTF-8 names
  const MADE_BY = (3 << 8) | 20; // Unix, spec 2.0
  const UNIX_FILE = (0o100644 << 16) >>> 0; // regular file, rw-r--r--
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    if (e.bytes.length > 0xfffffffe) throw new Error('Tệp quá lớn cho ZIP không có ZIP64');
    const local = new Uint8Array(30 + e.name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, FLAGS, true);
    lv.setUint16(8, 0, true); // stored
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.bytes.length, true);
    lv.setUint32(22, e.bytes.length, true);
    lv.setUint16(26, e.name.length, true);
    lv.setUint16(28, 0, true);
    local.set(e.name, 30);

    const cen = new Uint8Array(46 + e.name.length);
    const cv = new DataView(cen.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, MADE_BY, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, FLAGS, true);
    cv.setUint16(10, 0, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.bytes.length, true);
    cv.setUint32(24, e.bytes.length, true);
    cv.setUint16(28, e.name.length, true);
    cv.setUint32(38, UNIX_FILE, true);
    cv.setUint32(42, offset, true);
    cen.set(e.name, 46);

    chunks.push(local, e.bytes);
    central.push(cen);
    offset += local.length + e.bytes.length;
  }
  const centralSize = central.reduce((a, c) => a + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);

  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((a, c) => a + c.length, 0));
  let pos = 0;
  for (const c of all) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
