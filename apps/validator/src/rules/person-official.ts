import type { DataRule, Issue } from '../rule.js';

/** Kinds of organisation in which a person can act as an official. */
const PUBLIC_BODIES = [
  'police-force',
  'regional-unit',
  'national-agency',
  'prosecutor',
  'court',
  'eu-agency',
  'eu-institution',
  'government',
  'oversight-body',
];

/**
 * PERSON001: person records are officials in their role only: every role is at a public body, and
 * the person is cited (an attribution or an event) — nobody is recorded for their own sake.
 */
export const personOfficial: DataRule = {
  code: 'PERSON001',
  title: 'Persons are officials in their role',
  severity: 'error',
  scope: 'dataset',
  check(ctx) {
    const issues: Issue[] = [];
    const cited = new Set<string>();
    for (const s of ctx.of('sources'))
      for (const c of Array.isArray(s.record.claims) ? s.record.claims : [])
        if (typeof c?.attributed_to?.person === 'string') cited.add(c.attributed_to.person);
    for (const entry of ctx.of('persons')) {
      const roles = Array.isArray(entry.record.roles) ? entry.record.roles : [];
      roles.forEach((role: Record<string, unknown>, i: number) => {
        const org = ctx.get('organisations', role?.organisation);
        if (org && !PUBLIC_BODIES.includes(org.kind))
          issues.push({
            entry,
            pointer: `/roles/${i}/organisation`,
            message: `role at "${org.id}", a ${org.kind}, is not an official role`,
            hint: 'only officials of public bodies speaking in their role are recorded; remove the person (and any name of a private person)',
          });
      });
      const aliases: unknown[] = Array.isArray(entry.record.aliases) ? entry.record.aliases : [];
      if (
        !cited.has(entry.record.id) &&
        !aliases.some((a) => typeof a === 'string' && cited.has(a))
      )
        issues.push({
          entry,
          pointer: '/id',
          severity: 'warning',
          message: `person "${entry.record.id}" is not cited by any claim's attributed_to`,
          hint: 'a person is recorded only as the official who gave a figure: cite them or remove the record',
        });
    }
    return issues;
  },
};
