/** The documents every member reads are one list: the domain's guard (/api) and firestore.rules name the same types. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DOC_TYPES } from '@thidua/domain';

describe('public documents', () => {
  it('firestore.rules lets every member get and list exactly PUBLIC_DOC_TYPES', () => {
    const rules = readFileSync(new URL('../../firestore.rules', import.meta.url), 'utf8');
    const block = rules.slice(rules.indexOf('match /documents/{docId}'), rules.indexOf('allow write', rules.indexOf('match /documents/{docId}')));
    const lists = [...block.matchAll(/resource\.data\.docType in \[([^\]]*)\]/g)].map((m) => m[1]!.split(',').map((x) => x.trim().replace(/'/g, '')));
    expect(lists).toHaveLength(2);
    for (const l of lists) expect(l).toEqual([...PUBLIC_DOC_TYPES]);
  });
});
