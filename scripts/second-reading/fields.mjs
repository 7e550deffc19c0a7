// The fields a second reading enters, and how two readings of one claim are compared.
//
// A reading is what someone reads in a quote and its source: metric, breakdown, value (or min and
// max for a range), unit, qualifier, as_of and the scope's place, operation and networks. Two
// readings agree on a field when, after the normalisations below, the values are equal:
//   - metric: renamed metrics compare by their current id (aliases resolve);
//   - breakdown: `key=value`, or empty when there is none;
//   - value, min, max: equal numbers (a relative difference under 1e-9), or both absent;
//   - as_of: the EDTF string, with a time of day dropped (`2020-07-02T13:41` is `2020-07-02`);
//   - networks: the set of ids, in any order; operation: empty when there is none.
// `scope.organisations`, `attributed_to` and `as_of_basis` are not compared: they are read from the
// source's wider text, not from the figure, and the validator checks them (REF001, DATE004, DATE005).

/** The compared fields, in report order. They are also `review.differences`' vocabulary (claim.schema.json). */
export const READING_FIELDS = [
  'metric',
  'breakdown',
  'value',
  'min',
  'max',
  'unit',
  'qualifier',
  'as_of',
  'place',
  'operation',
  'networks',
];

/** A claim's reading, in the shape a second reader writes (`second-reading.json`). */
export function readingOfClaim(claim) {
  const [breakdownKey, breakdownValue] = Object.entries(claim.breakdown ?? {})[0] ?? [];
  return {
    metric: claim.metric,
    breakdown: breakdownKey === undefined ? null : { [breakdownKey]: breakdownValue },
    value: claim.value ?? null,
    min: claim.min ?? null,
    max: claim.max ?? null,
    unit: claim.unit,
    qualifier: claim.qualifier,
    as_of: claim.as_of,
    place: claim.scope.place,
    operation: claim.scope.operation ?? null,
    networks: claim.scope.networks ?? [],
  };
}

function sameNumber(a, b) {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null) return x === y;
  if (typeof x !== 'number' || typeof y !== 'number') return false;
  return x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

function normalised(field, reading, canonicalMetric) {
  const v = reading[field];
  switch (field) {
    case 'metric':
      return canonicalMetric(v ?? '');
    case 'breakdown': {
      const entry = Object.entries(v ?? {})[0];
      return entry ? `${entry[0]}=${entry[1]}` : '';
    }
    case 'as_of':
      return String(v ?? '').replace(/T[0-9:.]+(Z|[+-][0-9:]+)?/g, '');
    case 'networks':
      return [...(v ?? [])].sort().join(',');
    default:
      return v ?? '';
  }
}

/**
 * The fields on which two readings differ, in READING_FIELDS order.
 * `canonicalMetric` maps a metric id or alias to the current id.
 */
export function differingFields(a, b, canonicalMetric = (id) => id) {
  return READING_FIELDS.filter((field) =>
    ['value', 'min', 'max'].includes(field)
      ? !sameNumber(a[field], b[field])
      : normalised(field, a, canonicalMetric) !== normalised(field, b, canonicalMetric),
  );
}
