/**
 * The import corpus (tests/fixtures/import-corpus, made by scripts/import-corpus.py with openpyxl and
 * LibreOffice Calc): every workbook or CSV is read as the preview reads it and checked with the one
 * check the server runs too (checkImport), then compared with its expected outcome.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImport } from '@thidua/domain';
import { importPayload, readImportFiles } from '../src/logic/import-file.js';

const DIR = join(import.meta.dirname, '../../tests/fixtures/import-corpus');

interface Case {
  name: string;
  tool: string;
  files: string[];
  what: string;
  expect:
    | { ok: true; units: number; members: number; ignored?: string[]; values?: Record<string, string> }
    | { ok: false; errors?: { sheet: string; row: number; column: string }[]; problem?: string };
}

const cases = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Case[];

const at = (v: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], v);

describe('import corpus', () => {
  it('has at least 30 cases, from both LibreOffice and openpyxl', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => c.tool === 'libreoffice').length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.tool === 'openpyxl').length).toBeGreaterThanOrEqual(10);
  });

  // Bounded by the work, not by waiting: the 5,000-row and 150,000-row files take a few seconds of CPU on a busy machine.
  it.each(cases.map((c) => [c.name, c] as const))('%s', { timeout: 30_000 }, async (_name, c) => {
    const src = await readImportFiles(c.files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(DIR, f))) })));
    // The ward already has these units (members may refer to them without a units sheet).
    const checked = checkImport(importPayload('hai-an', src), ['vp', 'kt', 'yt']);
    const problems = [...src.problems, ...checked.problems];
    const errors = checked.plan?.errors ?? [];
    if (c.expect.ok) {
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      expect(checked.plan!.units).toHaveLength(c.expect.units);
      expect(checked.plan!.members).toHaveLength(c.expect.members);
      expect(src.ignored.map((s) => s.label.split(' › ')[1])).toEqual(c.expect.ignored ?? []);
      for (const [path, value] of Object.entries(c.expect.values ?? {})) expect(at(checked.plan, path), path).toBe(value);
    } else {
      if (c.expect.problem) expect(problems.map((p) => p.vi).join('\n')).toContain(c.expect.problem);
      for (const e of c.expect.errors ?? []) expect(errors.map(({ sheet, row, column }) => ({ sheet, row, column }))).toContainEqual(e);
      expect(problems.length + errors.length).toBeGreaterThan(0);
    }
  });
});
