/**
 * Property-based fuzzing of every input a client sends, in-process (no emulator): the parsers the
 * callables and /api run (parseInput, uploadEvidence, addEvidenceLink) and the report schema the
 * web form and the functions share.
 *
 * Why most cases run here: a parse costs microseconds in-process and ~10–50 ms over the wire to the
 * functions emulator (JSON, HTTP, token check, emulator worker), so 10,000+ cases per family fit in
 * a few seconds here but would take minutes there. The wire suites (tests/emulator/fuzz.emulator.test.ts,
 * tests/rules/fuzz.rules.test.ts) send a few hundred of the same generated cases to prove the deployed
 * path behaves like the parser: same refusal, no internal error, nothing written.
 *
 * Families and counts per run (THIDUA_FUZZ_RUNS=k multiplies them):
 *   callables   17 inputs × (700 broken + 60 junk) ≈ 12,920
 *   HTTP        2 bodies × 4,500 broken + 1,500 raw headers ≈ 10,500
 *   reports     10,000 broken contents + 500 valid ones (the rules check the envelope only; the
 *               functions gate the entries: tests/emulator/fuzz.emulator.test.ts)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpsError } from 'firebase-functions/v2/https';
import { Report, plan119Movement, type Claims } from '@thidua/domain';
import { parseInput } from '../../functions/src/callable/errors.js';
import { HttpError } from '../../functions/src/http/http.js';
import { addEvidenceLink, uploadEvidence, type EvidenceDeps } from '../../functions/src/http/evidence.js';
import {
  FUZZ_ORG,
  FUZZ_UNIT,
  callableTargets,
  fuzzSeed,
  httpTargets,
  invalidContent,
  invalidInputs,
  readableProblem,
  runs,
  validContent,
  withExtraKeys,
} from '../support/fuzz.js';

const opts = (numRuns: number) => ({ numRuns: runs(numRuns), seed: fuzzSeed });

/** What a callable does with the input: parseInput, and the error the client would get. */
function callableOutcome(schema: Parameters<typeof parseInput>[0], data: unknown): { ok: true } | { ok: false; code: string; message: string } {
  try {
    parseInput(schema, data);
    return { ok: true };
  } catch (e) {
    if (e instanceof HttpsError) return { ok: false, code: e.code, message: e.message };
    // Anything else would reach the client as 'internal'.
    return { ok: false, code: `internal (${(e as Error)?.constructor?.name}: ${String((e as Error)?.message).slice(0, 120)})`, message: '' };
  }
}

describe('callable inputs (parseInput)', () => {
  it('every sample is valid, so each mutation breaks exactly what it says', () => {
    for (const t of [...callableTargets, ...httpTargets]) expect(t.schema.safeParse(t.sample).error?.issues ?? [], t.name).toEqual([]);
  });

  for (const t of callableTargets) {
    it(`${t.name}: refuses every broken input with invalid-argument naming the field`, () => {
      fc.assert(
        fc.property(invalidInputs(t), (m) => {
          const out = callableOutcome(t.schema, m.value);
          expect(out, `${m.kind} at ${m.path}`).toMatchObject({ ok: false, code: 'invalid-argument' });
          if (!out.ok) expect(readableProblem(out.message, m.kind === 'not-an-object' ? undefined : m.path), `${m.kind} at ${m.path}`).toBeNull();
        }),
        opts(700),
      );
    });

    it(`${t.name}: junk of any shape never fails other than invalid-argument`, () => {
      fc.assert(
        fc.property(
          fc.anything({
            maxDepth: 3,
            withNullPrototype: true,
            withBigInt: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withSparseArray: true,
          }),
          (junk) => {
            const out = callableOutcome(t.schema, junk);
            if (!out.ok) {
              expect(out.code).toBe('invalid-argument');
              expect(readableProblem(out.message)).toBeNull();
            } else {
              expect(t.schema.safeParse(junk).success).toBe(true);
            }
          },
        ),
        opts(60),
      );
    });

    it(`${t.name}: keys nobody asked for are dropped, never passed on`, () => {
      fc.assert(
        fc.property(withExtraKeys(t), ({ value, extra }) => {
          const parsed = parseInput(t.schema, value) as Record<string, unknown>;
          for (const k of extra) expect(Object.hasOwn(parsed, k)).toBe(false);
        }),
        opts(20),
      );
    });
  }
});

describe('HTTP bodies (/api/evidence, /api/evidence-link)', () => {
  const actor: Claims & { uid: string } = { uid: 'fuzz-staff', org: FUZZ_ORG, roles: [], units: { [FUZZ_UNIT]: 'staff' } };
  // Broken input must be refused before any storage is touched: these deps throw if it is.
  const untouchable = new Proxy({} as EvidenceDeps, {
    get(_t, prop) {
      throw new Error(`storage touched (${String(prop)}) by input that should have been refused`);
    },
  });
  const outcome = async (run: () => Promise<unknown>) => {
    try {
      await run();
      return { status: 200, message: '' };
    } catch (e) {
      if (e instanceof HttpError) return { status: e.status, message: e.message };
      return { status: 500, message: `${(e as Error)?.constructor?.name}: ${(e as Error)?.message}` };
    }
  };
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
  const [upload, link] = httpTargets as [(typeof httpTargets)[0], (typeof httpTargets)[0]];

  it('upload: refuses every broken metadata header with 400 naming the field, touching nothing', async () => {
    await fc.assert(
      fc.asyncProperty(invalidInputs(upload), async (m) => {
        const out = await outcome(() => uploadEvidence(untouchable, actor, encodeURIComponent(JSON.stringify(m.value)), pdf));
        expect(out.status, `${m.kind} at ${m.path}: ${out.message}`).toBe(400);
        expect(readableProblem(out.message, m.kind === 'not-an-object' ? undefined : m.path)).toBeNull();
      }),
      opts(4500),
    );
  });

  it('upload: any raw header (bad JSON, bad percent-encoding, nothing) gets a 400 with a readable message', async () => {
    const header = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constant(undefined),
      fc.constant('%E0%A4%A'),
      fc.jsonValue().map((v) => encodeURIComponent(JSON.stringify(v))),
    );
    await fc.assert(
      fc.asyncProperty(header, async (h) => {
        const out = await outcome(() => uploadEvidence(untouchable, actor, h, pdf));
        if (out.status === 200) throw new Error('accepted a header that is not valid metadata');
        expect(out.status, out.message).toBe(400);
        expect(readableProblem(out.message)).toBeNull();
      }),
      opts(1500),
    );
  });

  it('evidence-link: refuses every broken body with 400 naming the field, touching nothing', async () => {
    await fc.assert(
      fc.asyncProperty(invalidInputs(link), async (m) => {
        const out = await outcome(() => addEvidenceLink(untouchable, actor, m.value));
        expect(out.status, `${m.kind} at ${m.path}: ${out.message}`).toBe(400);
        expect(readableProblem(out.message, m.kind === 'not-an-object' ? undefined : m.path)).toBeNull();
      }),
      opts(4500),
    );
  });
});

describe('report content (the schema the web form and functions share; functions refuse what it refuses)', () => {
  const movement = plan119Movement(Date.UTC(2025, 9, 1));
  const base = { unitId: FUZZ_UNIT, periodId: movement.currentPeriodId, status: 'draft', updatedAt: 1, updatedBy: 'u' };

  it('refuses every broken figure or answer, naming where', () => {
    fc.assert(
      fc.property(invalidContent(movement), (c) => {
        const r = Report.safeParse({ ...base, figures: c.figures, answers: c.answers });
        expect(r.success, c.why).toBe(false);
        const message = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        expect(message).toMatch(/^(figures|answers)/);
      }),
      opts(10_000),
    );
  });

  it('accepts every valid content the generator makes (the rules suite relies on it too)', () => {
    fc.assert(
      fc.property(validContent(movement), (c) => {
        expect(Report.safeParse({ ...base, ...c }).error?.issues ?? []).toEqual([]);
      }),
      opts(500),
    );
  });
});
