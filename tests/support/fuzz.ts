/**
 * Property-based fuzzing of every input a client can send (callables, /api bodies, report
 * documents): a valid sample per input, and fast-check arbitraries that break it in one known way.
 *
 * The oracle: each mutation violates a constraint the input's JSON Schema (zod's own
 * `z.toJSONSchema`, input side) states — a missing required key, a value of a type the schema does not
 * allow, a string outside its length or pattern, a number outside its bounds, an enum value that is
 * not one, a record key the schema refuses, too many items. Such input is invalid by construction, so
 * "nothing invalid is accepted" can be asserted without trusting the parser under test. Refinements
 * the JSON Schema cannot state (e.g. "a reason when the score is set") come as hand-written cases.
 *
 * THIDUA_FUZZ_RUNS=<k> multiplies every run count by k (default 1: the CI-friendly size).
 */
import fc from 'fast-check';
import { z, type ZodType } from 'zod';
import * as d from '@thidua/domain';

export const FUZZ_SCALE = Math.max(1, Number(process.env.THIDUA_FUZZ_RUNS ?? 1) || 1);
export const runs = (base: number) => Math.round(base * FUZZ_SCALE);
/** A fixed seed unless THIDUA_FUZZ_SEED is set, so a failure in CI can be replayed; the seed is printed on failure. */
export const fuzzSeed = process.env.THIDUA_FUZZ_SEED ? Number(process.env.THIDUA_FUZZ_SEED) : undefined;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];
interface JS {
  type?: string | string[];
  properties?: Record<string, JS>;
  required?: string[];
  items?: JS;
  additionalProperties?: JS | boolean;
  propertyNames?: JS;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JS[];
  oneOf?: JS[];
  allOf?: JS[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

export function jsonSchemaOf(schema: ZodType): JS {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JS;
}

// ─── Valid samples (ids in the fuzz organisation; every sample parses, see the unit test) ──────
export const FUZZ_ORG = 'fuzz-org';
export const FUZZ_MOVEMENT = 'fuzz-mv';
export const FUZZ_UNIT = 'fuzz-unit';
export const FUZZ_PERIOD = '2025-q4';

const ref = { orgId: FUZZ_ORG, movementId: FUZZ_MOVEMENT, reportId: `${FUZZ_PERIOD}_${FUZZ_UNIT}` };
const scope = { orgId: FUZZ_ORG, movementId: FUZZ_MOVEMENT };
const blocks = { discipline: false, investigation: false, complaint: false };

export interface Target {
  /** Callable name or HTTP route. */
  name: string;
  schema: ZodType;
  sample: Json;
  /** Invalid by a refinement the JSON Schema cannot express; each must be refused. */
  refinements: { why: string; value: Json; path: string }[];
}

export const callableTargets: Target[] = [
  { name: d.callables.submitReport, schema: d.SubmitReportInput, sample: ref, refinements: [] },
  { name: d.callables.certifyReport, schema: d.CertifyReportInput, sample: ref, refinements: [] },
  { name: d.callables.approveReport, schema: d.ApproveReportInput, sample: ref, refinements: [] },
  {
    name: d.callables.returnReport,
    schema: d.ReturnReportInput,
    sample: { ...ref, comments: { '1.1': 'Bổ sung tài liệu kiểm chứng.' }, responseDeadline: 1_767_225_600_000 },
    refinements: [{ why: 'no comment at all', value: { ...ref, comments: {}, responseDeadline: 1_767_225_600_000 }, path: 'comments' }],
  },
  {
    name: d.callables.appraiseItem,
    schema: d.AppraiseItemInput,
    sample: { ...ref, code: '1.1', decision: 'set', score: 1, reason: 'Thiếu văn bản.' },
    refinements: [
      { why: 'set without a score', value: { ...ref, code: '1.1', decision: 'set', reason: 'Thiếu văn bản.' }, path: 'score' },
      { why: 'set without a reason', value: { ...ref, code: '1.1', decision: 'set', score: 1 }, path: 'reason' },
      { why: 'set with a blank reason', value: { ...ref, code: '1.1', decision: 'set', score: 1, reason: '   ' }, path: 'reason' },
    ],
  },
  {
    name: d.callables.setMember,
    schema: d.SetMemberInput,
    sample: {
      orgId: FUZZ_ORG,
      email: 'fuzz.member@fuzz.test',
      displayName: 'Người Thử',
      position: 'Chuyên viên',
      roles: ['council'],
      units: { [FUZZ_UNIT]: 'staff' },
      active: true,
    },
    refinements: [],
  },
  {
    name: d.callables.importOrg,
    schema: d.ImportInput,
    sample: {
      orgId: FUZZ_ORG,
      units: [{ mã: 'fz2', tên: 'Đơn vị thử', 'ký hiệu': 'FZ2', loại: 'đơn vị' }],
      members: [{ email: 'fz2@fuzz.test', 'họ tên': 'Người Thử Hai', 'đơn vị': 'fz2' }],
    },
    refinements: [],
  },
  {
    name: d.callables.proposeNomination,
    schema: d.ProposeNominationInput,
    sample: {
      ...scope,
      proposingUnitId: FUZZ_UNIT,
      nomineeType: 'individual',
      nomineeId: 'p-fuzz',
      nominee: {
        fullName: 'Nguyễn Văn Thử',
        gender: 'male',
        birthDate: '1988-05-12',
        unitId: FUZZ_UNIT,
        position: 'Chuyên viên',
        priorAwards: [],
        blockFlags: blocks,
      },
      proposedForm: 'GIAY_KHEN_PHUONG',
      standardsMet: ['I1'],
      achievementSummary: 'Hoàn thành tốt nhiệm vụ.',
      initiatives: [],
      disciplineConfirmed: true,
      outstanding: false,
      cityCriterion: '',
    },
    refinements: [{ why: 'birth date that does not exist', value: null, path: 'nominee.birthDate' }],
  },
  {
    name: d.callables.overrideEligibility,
    schema: d.OverrideEligibilityInput,
    sample: { ...scope, nominationId: 'n-fuzz', rule: 'initiative-unrecognised', reason: 'Sáng kiến đã được công nhận bằng văn bản số 12.' },
    refinements: [
      {
        why: 'reason shorter than 10 after trimming',
        value: { ...scope, nominationId: 'n-fuzz', rule: 'initiative-unrecognised', reason: '  ngắn     ' },
        path: 'reason',
      },
    ],
  },
  {
    name: d.callables.withdrawNomination,
    schema: d.WithdrawNominationInput,
    sample: { ...scope, nominationId: 'n-fuzz', reason: 'Đơn vị đề nghị hình thức khác cho cá nhân này.' },
    refinements: [{ why: 'reason shorter than 10 after trimming', value: { ...scope, nominationId: 'n-fuzz', reason: '  rút   ' }, path: 'reason' }],
  },
  {
    name: d.callables.certifyNomination,
    schema: d.CertifyNominationInput,
    sample: { ...scope, nominationId: 'n-fuzz' },
    refinements: [],
  },
  {
    name: d.callables.openMeeting,
    schema: d.OpenMeetingInput,
    sample: {
      ...scope,
      kind: 'unit',
      unitId: FUZZ_UNIT,
      date: '2025-12-15',
      startTime: '08:30',
      place: 'Phòng họp',
      council: {
        name: 'Hội đồng thử',
        members: [
          { memberId: 'm1', name: 'Chủ tọa', councilRole: 'CHU_TICH', position: '' },
          { memberId: 'm2', name: 'Thư ký', councilRole: 'THU_KY', position: '' },
        ],
        rules: {},
      },
      chairId: 'm1',
      secretaryId: 'm2',
      nominationIds: ['n-fuzz'],
      agenda: [],
      discussion: [],
    },
    refinements: [],
  },
  {
    name: d.callables.recordAttendance,
    schema: d.RecordAttendanceInput,
    sample: { ...scope, meetingId: 'mt-fuzz', present: ['m1'], absent: [{ memberId: 'm2', reason: 'nghỉ phép' }] },
    refinements: [],
  },
  {
    name: d.callables.castVote,
    schema: d.CastVoteCallInput,
    sample: { ...scope, meetingId: 'mt-fuzz', nominationId: 'n-fuzz', choice: 'yes', voterId: 'm2', written: true },
    refinements: [],
  },
  { name: d.callables.closeMeeting, schema: d.CloseMeetingInput, sample: { ...scope, meetingId: 'mt-fuzz', endTime: '10:45' }, refinements: [] },
  {
    name: d.callables.decideNomination,
    schema: d.DecideNominationInput,
    sample: { ...scope, nominationId: 'n-fuzz', outcome: 'approve', reason: '' },
    refinements: [],
  },
  {
    name: d.callables.saveRegistration,
    schema: d.SaveRegistrationInput,
    sample: {
      ...scope,
      unitId: FUZZ_UNIT,
      content: {
        programme: 'Đơn vị phấn đấu giải quyết 100% hồ sơ đúng hạn.',
        targetCodes: ['1.2a'],
        collectiveAim: 'tap-the-lao-dong-tien-tien',
        individuals: [{ name: 'Nguyễn Văn Thử', position: 'Chuyên viên', aim: 'lao-dong-tien-tien' }],
      },
    },
    refinements: [],
  },
  { name: d.callables.signRegistration, schema: d.SignRegistrationInput, sample: { ...scope, unitId: FUZZ_UNIT }, refinements: [] },
  { name: d.callables.remindRegistrations, schema: d.RemindRegistrationsInput, sample: scope, refinements: [] },
];
// Refinements that depend on the sample are filled here (the sample must exist first).
{
  const open = callableTargets.find((t) => t.name === 'openMeeting')!;
  const s = open.sample as Record<string, Json>;
  open.refinements.push(
    { why: 'unit meeting without unitId', value: { ...s, unitId: undefined as unknown as Json }, path: 'unitId' },
    { why: 'chair not a council member', value: { ...s, chairId: 'nobody' }, path: 'chairId' },
    { why: 'secretary not a council member', value: { ...s, secretaryId: 'nobody' }, path: 'secretaryId' },
    { why: 'a nomination twice', value: { ...s, nominationIds: ['n-fuzz', 'n-fuzz'] }, path: 'nominationIds' },
    { why: 'a date that does not exist', value: { ...s, date: '2025-02-30' }, path: 'date' },
    {
      why: 'a council member twice',
      value: {
        ...s,
        council: {
          ...(s.council as Record<string, Json>),
          members: [(s.council as { members: Json[] }).members[0]!, (s.council as { members: Json[] }).members[0]!],
        },
      },
      path: 'council',
    },
  );
  const save = callableTargets.find((t) => t.name === 'saveRegistration')!;
  const r = save.sample as Record<string, Json>;
  const rc = r.content as Record<string, Json>;
  save.refinements.push(
    { why: 'a target twice', value: { ...r, content: { ...rc, targetCodes: ['1.2a', '1.2a'] } }, path: 'content.targetCodes' },
    {
      why: 'a programme shorter than 20 after trimming',
      value: { ...r, content: { ...rc, programme: `   ngắn${' '.repeat(20)}` } },
      path: 'content.programme',
    },
  );
  const propose = callableTargets.find((t) => t.name === 'proposeNomination')!;
  const p = propose.sample as Record<string, Json>;
  propose.refinements[0]!.value = { ...p, nominee: { ...(p.nominee as Record<string, Json>), birthDate: '1988-02-30' } };
  // JSON drops undefined: the key is simply absent.
  for (const t of callableTargets) for (const r of t.refinements) r.value = JSON.parse(JSON.stringify(r.value)) as Json;
}

/** The JSON bodies of /api (evidence upload metadata travels in a header, the link as the body). */
export const httpTargets: Target[] = [
  {
    name: 'POST /api/evidence (X-Evidence-Meta)',
    schema: d.EvidenceUploadInput,
    sample: {
      ...scope,
      unitId: FUZZ_UNIT,
      title: 'Quyết định thử',
      docNumber: '12/QĐ-UBND',
      docDate: '2025-10-01',
      issuer: 'UBND phường',
      criterionCodes: ['1.1'],
      fileName: 'qd.pdf',
      contentType: 'application/pdf',
    },
    refinements: [],
  },
  {
    name: 'POST /api/evidence-link',
    schema: d.EvidenceLinkInput,
    sample: { ...scope, unitId: FUZZ_UNIT, title: 'Văn bản trên cổng', criterionCodes: ['1.1'], url: 'https://haiphong.gov.vn/van-ban/12' },
    refinements: [
      { why: 'a non-http URL', value: { ...scope, unitId: FUZZ_UNIT, title: 'x', criterionCodes: ['1.1'], url: 'ftp://example.org/a' }, path: 'url' },
      { why: 'a javascript: URL', value: { ...scope, unitId: FUZZ_UNIT, title: 'x', criterionCodes: ['1.1'], url: 'javascript:alert(1)' }, path: 'url' },
    ],
  },
];

// ─── Mutations ─────────────────────────────────────────────────────────────────────────────────
export interface Mutation {
  kind: string;
  /** Where the input breaks ('' for the whole input). */
  path: string;
  value: Json;
}

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;
type JsonType = (typeof JSON_TYPES)[number];

/** The JSON types a schema admits, or null when it admits anything (or we cannot tell). */
function allowedTypes(s: JS): Set<JsonType> | null {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    const out = new Set<JsonType>();
    for (const b of branches) {
      const t = allowedTypes(b);
      if (!t) return null;
      t.forEach((x) => out.add(x));
    }
    return out;
  }
  if (s.allOf?.length) return allowedTypes(s.allOf[0]!);
  if (s.enum) return new Set(s.enum.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType))));
  if (s.const !== undefined) return new Set([s.const === null ? 'null' : (typeof s.const as JsonType)]);
  if (!s.type) return null;
  const types = new Set((Array.isArray(s.type) ? s.type : [s.type]) as JsonType[]);
  if (types.has('number')) types.add('integer');
  return types;
}

const anyString = fc.string({ maxLength: 40 });
const valueOfType: Record<JsonType, fc.Arbitrary<Json>> = {
  string: anyString,
  number: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((x) => !Number.isInteger(x)),
  integer: fc.integer(),
  boolean: fc.boolean(),
  object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxKeys: 3 }),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxLength: 3 }),
  null: fc.constant(null),
};
/** Strings with no whitespace, so `.trim()` in a schema cannot shorten them back under a bound. */
const solid = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...'abcXYZ019éđ'), minLength, maxLength });

/** The single-point breaks a schema node allows, as arbitraries of invalid values. */
function breaksOf(s: JS, current: Json): fc.Arbitrary<{ kind: string; value: Json }>[] {
  const out: fc.Arbitrary<{ kind: string; value: Json }>[] = [];
  const types = allowedTypes(s);
  if (types) {
    const wrong = JSON_TYPES.filter((t) => !types.has(t) && !(t === 'integer' && types.has('number')));
    // 'number' here generates non-integers: wrong only where integers alone are allowed, or no numbers at all.
    for (const t of wrong) out.push(valueOfType[t].map((value) => ({ kind: `type:${t}`, value })));
  }
  if (s.enum && s.enum.every((v) => typeof v === 'string')) {
    out.push(anyString.filter((x) => !s.enum!.includes(x)).map((value) => ({ kind: 'enum', value })));
  }
  const single = !s.anyOf && !s.oneOf;
  if (single && typeof current === 'string') {
    if (s.maxLength !== undefined) out.push(solid(s.maxLength + 1, s.maxLength + 30).map((value) => ({ kind: 'maxLength', value })));
    if (s.minLength !== undefined && s.minLength > 0) out.push(solid(0, s.minLength - 1).map((value) => ({ kind: 'minLength', value })));
    if (s.pattern === '^[A-Za-z0-9_-]+$') {
      // An Id Firestore reserves (documented: ids may not match __.*__); the pattern alone allows it.
      out.push(fc.stringMatching(/^[A-Za-z0-9]{0,10}$/).map((x) => ({ kind: 'reserved-id', value: `__${x}__` })));
    }
    if (s.pattern) {
      const re = new RegExp(s.pattern, 'u');
      out.push(
        fc
          .string({ maxLength: Math.min(s.maxLength ?? 60, 60) })
          .filter((x) => !re.test(x))
          .map((value) => ({ kind: 'pattern', value })),
      );
    }
  }
  if (single && typeof current === 'number') {
    const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum : undefined);
    const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum : undefined);
    if (lo !== undefined && Number.isFinite(lo)) out.push(fc.integer({ min: 1, max: 10_000 }).map((k) => ({ kind: 'minimum', value: lo - k })));
    if (hi !== undefined && Number.isFinite(hi)) out.push(fc.integer({ min: 1, max: 10_000 }).map((k) => ({ kind: 'maximum', value: hi + k })));
    if (types && types.has('integer') && !(Array.isArray(s.type) ? s.type : [s.type]).includes('number')) {
      out.push(fc.integer({ min: 0, max: 1000 }).map((k) => ({ kind: 'integer', value: k + 0.5 })));
    }
  }
  if (single && Array.isArray(current)) {
    if (s.maxItems !== undefined && s.maxItems <= 200 && current.length > 0) {
      out.push(fc.constant({ kind: 'maxItems', value: Array.from({ length: s.maxItems + 1 }, (_, i) => current[i % current.length]!) }));
    }
    if (s.minItems !== undefined && s.minItems > 0) out.push(fc.constant({ kind: 'minItems', value: current.slice(0, s.minItems - 1) }));
  }
  return out;
}

interface Site {
  path: Path;
  schema: JS;
  value: Json;
}

/** Every (path, schema) the sample reaches, walking objects, records and arrays. */
function sites(schema: JS, value: Json, path: Path = []): Site[] {
  const out: Site[] = [{ path, schema, value }];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (sub) out.push(...sites(sub, v, [...path, k]));
    }
  } else if (Array.isArray(value) && schema.items) {
    value.forEach((v, i) => out.push(...sites(schema.items!, v, [...path, i])));
  }
  return out;
}

function setAt(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value as Json;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy as Json;
}

/** Arbitrary of inputs that break the sample at one point, each invalid by the JSON Schema. */
export function invalidInputs(target: Target): fc.Arbitrary<Mutation> {
  const schema = jsonSchemaOf(target.schema);
  const options: fc.Arbitrary<Mutation>[] = [];
  // The whole input of the wrong kind.
  options.push(
    fc
      .oneof(valueOfType.string, valueOfType.integer, valueOfType.boolean, valueOfType.array, valueOfType.null)
      .map((value) => ({ kind: 'not-an-object', path: '', value })),
  );
  for (const site of sites(schema, target.sample)) {
    const p = site.path.join('.');
    for (const b of breaksOf(site.schema, site.value))
      options.push(b.map(({ kind, value }) => ({ kind, path: p, value: setAt(target.sample, site.path, value) })));
    // Each required key, taken away.
    if (site.value && typeof site.value === 'object' && !Array.isArray(site.value)) {
      for (const k of site.schema.required ?? []) {
        if (k in site.value)
          options.push(fc.constant({ kind: 'missing', path: [...site.path, k].join('.'), value: setAt(target.sample, [...site.path, k], undefined) }));
      }
      // A record key the schema refuses, with a valid value.
      const names = site.schema.propertyNames;
      const first = Object.values(site.value)[0];
      if (names?.pattern && first !== undefined && !site.schema.properties) {
        const re = new RegExp(names.pattern, 'u');
        options.push(
          fc
            .string({ minLength: 1, maxLength: 80 })
            .filter((k) => !re.test(k) && !(k in (site.value as object)) && k !== '__proto__')
            .map((k) => ({ kind: 'record-key', path: p, value: setAt(target.sample, [...site.path, k], first) })),
        );
      }
    }
  }
  for (const r of target.refinements) options.push(fc.constant({ kind: `refinement: ${r.why}`, path: r.path, value: r.value }));
  return fc.oneof(...options);
}

/** Valid input with junk keys added (at the top and inside objects): accepted, and the junk dropped. */
export function withExtraKeys(target: Target): fc.Arbitrary<{ value: Json; extra: string[] }> {
  const known = new Set(Object.keys(jsonSchemaOf(target.schema).properties ?? {}));
  return fc
    .uniqueArray(
      fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== '__proto__' && k !== 'constructor'),
      { minLength: 1, maxLength: 3 },
    )
    .chain((keys) =>
      fc.tuple(fc.constant(keys), fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { minLength: keys.length, maxLength: keys.length })),
    )
    .map(([keys, values]) => ({ value: { ...(target.sample as object), ...Object.fromEntries(keys.map((k, i) => [k, values[i]!])) } as Json, extra: keys }));
}

/**
 * A rejection message a person can act on: Vietnamese, names what is wrong, no programmer's debris.
 * `path`, when given, must appear in it (the field that is wrong).
 */
export function readableProblem(message: unknown, path?: string): string | null {
  if (typeof message !== 'string') return `message is ${typeof message}`;
  if (message.length < 10) return `message too short: ${JSON.stringify(message)}`;
  if (/\[object Object\]|\bat [\w.<>]+ \(|TypeError|ReferenceError|Cannot read propert|is not a function|Unexpected token|INTERNAL/i.test(message)) {
    return `message carries a programming error: ${message.slice(0, 200)}`;
  }
  if (!/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i.test(message)) return `message has no Vietnamese: ${message.slice(0, 200)}`;
  if (path) {
    // The field as the forms label it (domain/src/messages.ts), never the path itself.
    const segments = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const label = d.fieldLabel(segments, {}, 'vi');
    if (label === d.fieldLabel(['\u0000'], {}, 'vi')) return `no label for the field ${path}`;
    if (!message.includes(`«${label}»`)) return `message does not name «${label}» (${path}): ${message.slice(0, 300)}`;
    if (/[A-Z.]/.test(path) && message.includes(path)) return `message shows the path ${path}: ${message.slice(0, 300)}`;
  }
  if (/\[\d{3}\]|Invalid input|expected \w+, received/.test(message)) return `message carries a code or zod's English: ${message.slice(0, 300)}`;
  return null;
}

/** Valid report content for a movement: figures and answers for its criteria, as the web writes them. */
export function validContent(movement: d.Movement): fc.Arbitrary<{ figures: d.Report['figures']; answers: d.Report['answers'] }> {
  const quantitative = movement.criteria.filter((c) => c.kind === 'quantitative');
  const qualitative = movement.criteria.filter((c) => c.kind !== 'quantitative');
  const figure = fc.integer({ min: 0, max: 10_000 }).chain((den) => fc.integer({ min: 0, max: den }).map((numerator) => ({ numerator, denominator: den })));
  const answer = fc.record(
    {
      selfScore: fc.double({ min: 0, max: 1000, noNaN: true }),
      explanation: fc.string({ maxLength: 200 }),
      evidenceIds: fc.array(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/).filter((x) => !/^__.*__$/.test(x)),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ['evidenceIds'] },
  );
  return fc.record({
    figures: fc.subarray(quantitative).chain((cs) => fc.tuple(...cs.map(() => figure)).map((fs) => Object.fromEntries(cs.map((c, i) => [c.code, fs[i]!])))),
    answers: fc.subarray(qualitative).chain((cs) => fc.tuple(...cs.map(() => answer)).map((as) => Object.fromEntries(cs.map((c, i) => [c.code, as[i]!])))),
  });
}

/** Report content broken in one known way (each violates domain/src/schemas.ts Figure or Answer). */
export function invalidContent(movement: d.Movement): fc.Arbitrary<{ why: string; figures: Json; answers: Json }> {
  const code = fc.constantFrom(...movement.criteria.map((c) => c.code));
  const badFigure: fc.Arbitrary<{ why: string; value: Json }> = fc.oneof(
    fc.integer({ min: 1, max: 1000 }).map((k) => ({ why: 'numerator > denominator', value: { numerator: k + 1, denominator: k } })),
    fc.integer({ min: 1, max: 1000 }).map((k) => ({ why: 'negative', value: { numerator: -k, denominator: 10 } })),
    fc.integer({ min: 0, max: 100 }).map((k) => ({ why: 'not an integer', value: { numerator: k + 0.5, denominator: 1000 } })),
    fc.integer({ min: 1, max: 1e6 }).map((k) => ({ why: 'over 10,000,000', value: { numerator: 1, denominator: 10_000_000 + k } })),
    anyString.map((s) => ({ why: 'string numerator', value: { numerator: s, denominator: 10 } })),
    fc.constant({ why: 'missing denominator', value: { numerator: 1 } }),
    fc.jsonValue({ maxDepth: 0 }).map((v) => ({ why: 'not a map', value: v as Json })),
  );
  const badAnswer: fc.Arbitrary<{ why: string; value: Json }> = fc.oneof(
    fc.constant({ why: 'no evidenceIds', value: { selfScore: 1 } }),
    fc.double({ min: 1000.5, max: 1e9, noNaN: true }).map((x) => ({ why: 'selfScore over 1000', value: { selfScore: x, evidenceIds: [] } })),
    fc.double({ min: -1e9, max: -0.01, noNaN: true }).map((x) => ({ why: 'negative selfScore', value: { selfScore: x, evidenceIds: [] } })),
    anyString.map((s) => ({ why: 'string selfScore', value: { selfScore: s, evidenceIds: [] } })),
    fc.integer({ min: 4001, max: 6000 }).map((n) => ({ why: 'explanation over 4000', value: { explanation: 'x'.repeat(n), evidenceIds: [] } })),
    fc
      .string({ maxLength: 20 })
      .filter((s) => !/^[A-Za-z0-9_-]{1,64}$/.test(s))
      .map((s) => ({ why: 'evidence id not an Id', value: { evidenceIds: [s] } })),
    fc.constant({ why: '51 evidence ids', value: { evidenceIds: Array.from({ length: 51 }, (_, i) => `e${i}`) } }),
    fc.integer().map((n) => ({ why: 'evidence id a number', value: { evidenceIds: [n] } })),
    fc.jsonValue({ maxDepth: 0 }).map((v) => ({ why: 'not a map', value: v as Json })),
  );
  const tooMany = fc.constant({
    why: `more than ${d.MAX_REPORT_ITEMS} items`,
    figures: Object.fromEntries(Array.from({ length: d.MAX_REPORT_ITEMS + 1 }, (_, i) => [`x${i}`, { numerator: 0, denominator: 1 }])) as Json,
    answers: {},
  });
  return fc.oneof(
    fc.tuple(code, badFigure).map(([c, b]) => ({ why: `figure ${c}: ${b.why}`, figures: { [c]: b.value } as Json, answers: {} })),
    fc.tuple(code, badAnswer).map(([c, b]) => ({ why: `answer ${c}: ${b.why}`, figures: {}, answers: { [c]: b.value } as Json })),
    fc.jsonValue({ maxDepth: 0 }).map((v) => ({ why: 'figures not a map', figures: v as Json, answers: {} })),
    tooMany,
  );
}

/** Report content whose envelope is broken (what the rules check): not two maps, or too many entries. */
export function invalidEnvelope(movement: d.Movement): fc.Arbitrary<{ why: string; figures: Json; answers: Json }> {
  const ok = validContent(movement) as fc.Arbitrary<{ figures: Json; answers: Json }>;
  // Flat lists only: Firestore has no nested arrays, so the SDK would refuse those before the rules.
  const notMap = fc.oneof(fc.jsonValue({ maxDepth: 0 }), fc.array(fc.oneof(fc.integer(), fc.string(), fc.boolean()), { maxLength: 3 })) as fc.Arbitrary<Json>;
  const entries = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, { numerator: 0, denominator: 1 }]));
  return fc.oneof(
    fc.tuple(ok, notMap).map(([c, bad]) => ({ why: `figures ${JSON.stringify(bad).slice(0, 30)}`, figures: bad, answers: c.answers })),
    fc.tuple(ok, notMap).map(([c, bad]) => ({ why: `answers ${JSON.stringify(bad).slice(0, 30)}`, figures: c.figures, answers: bad })),
    fc.integer({ min: 0, max: d.MAX_REPORT_ITEMS + 1 }).chain((f) =>
      fc.integer({ min: Math.max(0, d.MAX_REPORT_ITEMS + 1 - f), max: d.MAX_REPORT_ITEMS + 5 }).map((a) => ({
        why: `${f} figures + ${a} answers > ${d.MAX_REPORT_ITEMS}`,
        figures: entries(f, 'f') as Json,
        answers: Object.fromEntries(Array.from({ length: a }, (_, i) => [`a${i}`, { evidenceIds: [] }])) as Json,
      })),
    ),
  );
}
