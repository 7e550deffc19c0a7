import type { RecordEntry } from '@encrochat-ledger/core';
import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/**
 * ID002: ids (and aliases) are unique within a collection, claim ids are unique across the dataset,
 * and a claim id starts with its source id.
 */
export const idUnique: DataRule = {
  code: 'ID002',
  title: 'Unique ids',
  severity: 'error',
  scope: 'dataset',
  check(ctx) {
    const issues: Issue[] = [];
    const seen = new Map<string, string>();
    // Ids first, then aliases, so that an alias clashing with an id is reported on the alias.
    const names: [RecordEntry, unknown, string][] = [];
    for (const entry of ctx.records) names.push([entry, entry.record.id, '/id']);
    for (const entry of ctx.records)
      if (Array.isArray(entry.record.aliases))
        entry.record.aliases.forEach((a: unknown, i: number) =>
          names.push([entry, a, `/aliases/${i}`]),
        );
    for (const [entry, name, pointer] of names) {
      {
        if (typeof name !== 'string') continue;
        const key = `${entry.collection}\u0000${name}`;
        const where = `${entry.file.display}${entry.base ? `#${entry.base}` : ''}`;
        const first = seen.get(key);
        if (first !== undefined && first !== where)
          issues.push({
            entry,
            pointer,
            message: `${entry.collection} id "${name}" is already used by ${first}`,
            hint: 'ids and aliases must be unique within a collection: choose another id',
          });
        else seen.set(key, where);
      }
    }
    const claims = new Map<string, string>();
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      if (typeof claim.id !== 'string') continue;
      if (typeof source.id === 'string' && !claim.id.startsWith(`${source.id}/`))
        issues.push({
          entry,
          pointer: `${pointer}/id`,
          message: `claim id "${claim.id}" does not start with its source id "${source.id}/"`,
          hint: `name it "${source.id}/<slug>"`,
        });
      const first = claims.get(claim.id);
      if (first)
        issues.push({
          entry,
          pointer: `${pointer}/id`,
          message: `claim id "${claim.id}" is used twice (first in ${first})`,
          hint: 'give each claim its own slug',
        });
      else claims.set(claim.id, entry.file.display);
    }
    return issues;
  },
};
