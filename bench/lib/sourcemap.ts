/**
 * Attributes the bytes of a built chunk to its sources by decoding the chunk's source map
 * (the way source-map-explorer does): each mapping segment owns the generated text up to the
 * next segment. Bytes are UTF-8 bytes of the generated (minified) code.
 */
const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

function decodeSegment(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    const d = B64.get(ch);
    if (d === undefined) throw new Error(`Bad source map character "${ch}"`);
    value += (d & 31) << shift;
    if (d & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export interface RawSourceMap {
  sources: string[];
  mappings: string;
}

/** Bytes of `code` per source (index into map.sources); unmapped bytes under -1. */
export function bytesPerSource(code: string, map: RawSourceMap): Map<number, number> {
  const out = new Map<number, number>();
  const add = (k: number, n: number) => out.set(k, (out.get(k) ?? 0) + n);
  const lines = code.split('\n');
  const mapLines = map.mappings.split(';');
  let src = 0;
  lines.forEach((line, li) => {
    const segs = (mapLines[li] ?? '').split(',').filter(Boolean);
    let col = 0;
    const starts: { col: number; src: number }[] = [];
    for (const s of segs) {
      const f = decodeSegment(s);
      col += f[0]!;
      if (f.length >= 4) {
        src += f[1]!;
        starts.push({ col, src });
      } else {
        starts.push({ col, src: -1 });
      }
      // Fields 3–5 (source line, column, name) are cumulative too but not needed here.
    }
    if (starts.length === 0 || starts[0]!.col > 0) add(-1, Buffer.byteLength(line.slice(0, starts[0]?.col ?? line.length)));
    starts.forEach((s, i) => add(s.src, Buffer.byteLength(line.slice(s.col, starts[i + 1]?.col ?? line.length))));
    if (li < lines.length - 1) add(-1, 1); // the newline
  });
  return out;
}

/** "node_modules/@firebase/firestore/dist/x.js" → "@firebase/firestore"; own files → their folder. */
export function groupOf(relPath: string): string {
  const nm = relPath.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = relPath.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = relPath.split('/');
  return parts.length > 3 ? parts.slice(0, 3).join('/') + '/' : relPath;
}
