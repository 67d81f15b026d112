/**
 * The standings workbook as LibreOffice prints it (headless, to PDF): every page A4 landscape,
 * the totals one page wide (all eleven columns on the page of the first), the header row on every
 * page. Runs where LibreOffice is installed (`apt-get install -y libreoffice-calc-nogui`); npm test
 * does not install it, and the same print setup is read by openpyxl in domain/test/xlsx-write.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STANDINGS_SHEETS, computeStandings, plan119Movement, standingsWorkbook, writeXlsx, type Unranked } from '@thidua/domain';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice && command -v pdftotext && command -v pdfinfo'], { stdio: 'ignore' }).status === 0;

const UNITS = 90;

describe.skipIf(!hasSoffice)('standings workbook printed by LibreOffice', () => {
  it('prints A4 landscape, one page wide, the header row on every page', { timeout: 180_000 }, async () => {
    const movement = plan119Movement(Date.UTC(2025, 9, 1));
    const [c0] = movement.criteria;
    const entries: Unranked[] = Array.from({ length: UNITS }, (_, i) => ({
      unitId: `u${i}`,
      unitCode: `DV${String(i + 1).padStart(2, '0')}`,
      unitName: `Đơn vị thử nghiệm số ${i + 1} của phường Hải An`,
      status: 'submitted',
      total: 50 + (i % 40),
      max: 100,
      percent: 50 + (i % 40),
      band: 'Khá',
      points: { [c0!.code]: 1 },
      sourceUpdatedAt: 0,
    }));
    const sheets = standingsWorkbook({
      movement,
      periodId: movement.currentPeriodId,
      entries: Object.values(computeStandings(entries, 'shared')),
      orgName: 'UBND phường Hải An',
      source: 'Trực tiếp',
      generatedAt: '01/12/2025 08:00',
    });
    // Only the totals: the sheet the issue measured (6 units on 10 portrait pages, 4 of 11 columns on the first).
    const totals = sheets.find((s) => s.name === STANDINGS_SHEETS.totals)!;
    const dir = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
    try {
      const xlsx = join(dir, 'bang-xep-hang.xlsx');
      writeFileSync(xlsx, await writeXlsx([totals]));
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
        { stdio: 'ignore', timeout: 150_000 },
      );
      const pdf = join(dir, 'bang-xep-hang.pdf');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      expect(pages).toBeGreaterThan(1); // enough rows to need a second page, so the repeated header is tested
      const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => /^Page\s+\d+ size:/.test(l));
      expect(sizes).toHaveLength(pages);
      // A4 landscape: 841.89 × 595.28 pt (give or take LibreOffice's rounding).
      for (const line of sizes) {
        const [w, h] = /size:\s+([\d.]+) x ([\d.]+) pts/.exec(line)!.slice(1).map(Number) as [number, number];
        expect(Math.abs(w - 841.89), line).toBeLessThan(1);
        expect(Math.abs(h - 595.28), line).toBeLessThan(1);
      }
      const text = (p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      const seen = new Set<string>();
      for (let p = 1; p <= pages; p++) {
        const t = text(p);
        // The header on every page, and every column of it on the page (fitted to the width).
        for (const h of ['Hạng', 'Đơn vị', 'Tỷ lệ (%)', 'Loại kế tiếp']) expect(t, `page ${p}`).toContain(h);
        for (const m of t.matchAll(/DV\d\d/g)) seen.add(m[0]);
      }
      expect(seen.size).toBe(UNITS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
