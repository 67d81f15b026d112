/**
 * Every Firestore and object-store path is spelled in domain/src/paths.ts and nowhere else: code
 * elsewhere calls `paths`, `triggerPaths` or `objectPaths` (functions through data/refs.ts). A test
 * file may still write a stored path out in full where the path's format is what it asserts.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['domain/src', 'functions/src', 'web/src', 'tests/support', 'scripts', 'bench'];
const HOME = 'domain/src/paths.ts';
const COLLECTIONS =
  'units|members|movements|reports|history|scores|standingEntries|standingsSnapshots|appraisals|audit|notifications|pushTokens|evidence|nominations|meetings|ballots|voters|decisions|documents|numberRegisters|dossiers|registrations';
/** A string or template literal that starts a stored path, or goes on from an id into a collection. */
const SPELLED = new RegExp(`[\`'"](orgs|userMeta|pushLog|benchPing|benchEcho)/|\\}/(${COLLECTIONS})(/|[\`'"])`);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'lib' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|mjs)$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Lines that spell a path, with comments left out (they may name a path to explain it). */
export function spelledPaths(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .map((line) => line.replace(/\/\/.*$/, ''))
    .filter((line) => SPELLED.test(line));
}

describe('paths are spelled once', () => {
  it('finds a spelled path when there is one (the check itself)', () => {
    expect(spelledPaths('const p = `orgs/${orgId}/units/${unitId}`;')).toHaveLength(1);
    expect(spelledPaths('db.doc(`${base}/nominations/${id}`)')).toHaveLength(1);
    expect(spelledPaths(' * orgs/{org}/audit/{id}: a comment')).toHaveLength(0);
    expect(spelledPaths('const p = paths.unit(orgId, unitId);')).toHaveLength(0);
  });

  it(`no file outside ${HOME} spells a Firestore or object-store path`, () => {
    const offenders = SCANNED.flatMap((dir) => files(join(ROOT, dir)))
      .filter((path) => relative(ROOT, path) !== HOME)
      .flatMap((path) => spelledPaths(readFileSync(path, 'utf8')).map((line) => `${relative(ROOT, path)}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });
});
