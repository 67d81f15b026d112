/** Text of generated documents as independent readers see it: python's zipfile + XML for DOCX, pdftotext for PDF. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(name: string, bytes: ArrayBuffer | Uint8Array, f: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-doc-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    return f(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Paragraph texts (outside tables) and table cell texts of a DOCX, read from word/document.xml with
 * python's zipfile and ElementTree (python-docx reads the same parts; it is not always installed).
 */
export function docxText(bytes: ArrayBuffer | Uint8Array): { paragraphs: string[]; tables: string[] } {
  const script = [
    'import json, sys, zipfile',
    'import xml.etree.ElementTree as ET',
    'W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"',
    'root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))',
    'text = lambda e: "".join(("\\n" if x.tag in (W + "br", W + "cr") else (x.text or "")) for x in e.iter() if x.tag in (W + "t", W + "br", W + "cr"))',
    'body = root.find(W + "body")',
    'paras = [text(p) for p in body if p.tag == W + "p"]',
    'cells = ["\\n".join(text(p) for p in c.iter(W + "p")) for c in body.iter(W + "tc")]',
    'print(json.dumps({"paragraphs": paras, "tables": cells}))',
  ].join('\n');
  return withFile('doc.docx', bytes, (file) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })));
}

/** The PDF's text through pdftotext, whitespace collapsed. */
export function pdfText(bytes: ArrayBuffer | Uint8Array): string {
  return withFile('doc.pdf', bytes, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '));
}

/** Run a python3 script over a file (e.g. zipfile checks); returns its stdout. */
export function pythonOn(name: string, bytes: ArrayBuffer | Uint8Array, script: string): string {
  return withFile(name, bytes, (file) => execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }));
}
