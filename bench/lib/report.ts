/** What a benchmark hands back: rows for the table, notes, and a PASS/FAIL/pending status. */
export interface Row {
  /** What is measured. */
  measure: string;
  /** The system's figure. */
  value: string;
  /** The same-run baseline (floor) figure, when there is one. */
  baseline?: string;
  /** value / baseline (or the ratio the benchmark defines). */
  ratio?: string;
}

export interface Section {
  id: string;
  title: string;
  /** What the baseline is, in one line. */
  baseline: string;
  rows: Row[];
  /** Findings, causes, caveats: shown under the table. */
  notes: string[];
  /** PASS / FAIL for correctness checks, `pending` when the thing measured does not exist yet. */
  status?: 'PASS' | 'FAIL' | 'pending' | 'ERROR';
  seconds?: number;
}

export function errorSection(id: string, title: string, e: unknown): Section {
  const message = e instanceof Error ? `${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n') ?? ''}` : String(e);
  return { id, title, baseline: '—', rows: [], notes: [`The benchmark crashed: ${message}`], status: 'ERROR' };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

/** Plain-text table for the terminal. */
export function textTable(rows: Row[]): string {
  const head: Row = { measure: 'measure', value: 'thidua', baseline: 'baseline', ratio: 'ratio' };
  const all = [head, ...rows];
  const w = {
    measure: Math.max(...all.map((r) => [...r.measure].length)),
    value: Math.max(...all.map((r) => [...r.value].length)),
    baseline: Math.max(...all.map((r) => [...(r.baseline ?? '')].length)),
  };
  const line = (r: Row) => `  ${pad(r.measure, w.measure)}  ${pad(r.value, w.value)}  ${pad(r.baseline ?? '', w.baseline)}  ${r.ratio ?? ''}`.trimEnd();
  return [line(head), `  ${'─'.repeat(w.measure + w.value + w.baseline + 14)}`, ...rows.map(line)].join('\n');
}

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');

export function markdownTable(rows: Row[]): string {
  return [
    '| measure | thidua | baseline | ratio |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${cell(r.measure)} | ${cell(r.value)} | ${cell(r.baseline)} | ${cell(r.ratio)} |`),
  ].join('\n');
}
