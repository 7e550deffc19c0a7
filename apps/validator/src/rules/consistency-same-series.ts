import { safeBounds, type RecordEntry, type JsonRecord } from '@encrochat-ledger/core';
import { seriesId } from '@encrochat-ledger/dataset';
import type { DataRule, Issue } from '../rule.js';
import { passedSchema } from './schema.js';

type Rec = JsonRecord;

/** The figure of a claim as CONS003 compares it: the same figure twice is a duplicate, not a second phrasing. */
const figureOf = (c: Rec) => `${c.qualifier}|${c.value ?? ''}|${c.min ?? ''}|${c.max ?? ''}`;

/**
 * CONS005 (warning): one source gives two figures for one point of a series: two claims with the same
 * series key (`seriesId` from @encrochat-ledger/dataset: metric, breakdown, unit, place, operation,
 * organisations, networks) and the same as_of (the same days, as series points compare them).
 *
 * A series takes one figure per source and date; a second one is usually a mistake (a scope or date
 * left unchanged when a claim was copied), or two phrasings of one figure ("more than £2m" in the
 * headline, "£2,191,200" in the text), which are kept on purpose and listed in
 * data/validator-exceptions.json under CONS005 with the reason. Only claims that take part in series
 * count (not withdrawn, with a number); the same figure twice is CONS003's.
 */
export const consistencySameSeries: DataRule = {
  code: 'CONS005',
  title: 'One figure per series and date in a source',
  severity: 'warning',
  scope: 'dataset',
  check(ctx) {
    const issues: Issue[] = [];
    for (const entry of ctx.of('sources')) {
      // Only sources that passed their schema take part (malformed ones are the schema rule's business).
      if (!passedSchema(ctx, entry) || entry.record.withdrawn) continue;
      const claims: Rec[] = entry.record.claims;
      // Claims are first grouped on cheap fields (most share them with no other claim of the source);
      // the series key and the days of as_of are computed only for the claims that do.
      const candidates = new Map<string, number[]>();
      for (let index = 0; index < claims.length; index++) {
        const c = claims[index]!;
        if (c.withdrawn || (c.value === undefined && c.min === undefined && c.max === undefined))
          continue;
        const cheap = `${c.metric}|${c.unit}|${c.scope.place}`;
        const list = candidates.get(cheap);
        if (list) list.push(index);
        else candidates.set(cheap, [index]);
      }
      for (const indexes of candidates.values()) {
        if (indexes.length < 2) continue;
        const points = new Map<string, Rec[]>();
        for (const index of indexes) {
          const c = claims[index]!;
          const key = `${seriesOf(c)}|${daysOf(c.as_of)}`;
          const earlier = points.get(key);
          if (!earlier) {
            points.set(key, [c]);
            continue;
          }
          if (!earlier.some((e) => figureOf(e) === figureOf(c)))
            issues.push(finding(entry, index, c, earlier[0]!));
          earlier.push(c);
        }
      }
    }
    return issues;
  },
};

/** The series key of a claim (`seriesId`, from its fields as the claims table has them). */
function seriesOf(c: Rec): string {
  const [breakdownKey, breakdownValue] = Object.entries(c.breakdown ?? {})[0] ?? [null, null];
  return seriesId({
    metric: c.metric,
    breakdown_key: breakdownKey,
    breakdown_value: (breakdownValue as string | null) ?? null,
    unit: c.unit,
    place: c.scope.place,
    operation: c.scope.operation ?? null,
    organisations: c.scope.organisations ?? null,
    networks: c.scope.networks ?? null,
  });
}

/** The days an as_of covers, as series points compare dates (`2020-07-02` and `2020-07-02T13:41` are one). */
function daysOf(asOf: string): string {
  const days = safeBounds(asOf);
  return days ? `${days.start}/${days.end}` : asOf;
}

function finding(entry: RecordEntry, index: number, claim: Rec, first: Rec): Issue {
  const figure = (c: Rec) => `${c.qualifier} ${c.value ?? `${c.min}–${c.max}`}`;
  return {
    entry,
    pointer: `/claims/${index}`,
    exceptionKey: claim.id,
    message: `claim "${claim.id}" (${figure(claim)}) gives a second figure for the same series and date as "${first.id}" (${figure(first)})`,
    hint: 'check the scope, breakdown and as_of of both claims; if they are two phrasings of one figure, add the later claim id with a reason to data/validator-exceptions.json under CONS005',
  };
}
