import type { Qualifier } from './generated/schema-types.js';

/**
 * What each qualifier means: the one table of it. The schema (`defs.schema.json`, `qualifier`)
 * says how a source words a figure; this table is what the code makes of it. The claims table's
 * `min` and `max` (`claimBounds`), the conflicts and the `latest` rule (`valueInterval`), the
 * series rule's precision, the viewer's words and chart marks, and the check's words all read it.
 *
 * | qualifier   | words     | lower bound     | upper bound     | compared as     | precision   |
 * |-------------|-----------|-----------------|-----------------|-----------------|-------------|
 * | exact       |           | value, included | value, included | its bounds      | exact       |
 * | approximate | about     | none            | none            | [value, value]  | approximate |
 * | more_than   | more than | value, excluded | none            | its bounds      | bounded     |
 * | at_least    | at least  | value, included | none            | its bounds      | bounded     |
 * | nearly      | nearly    | none            | value, excluded | its bounds      | bounded     |
 * | up_to       | up to     | none            | value, included | its bounds      | bounded     |
 * | range       | between   | min, included   | max, included   | its bounds      | bounded     |
 * | unspecified |           | none            | none            | nothing         | none        |
 *
 * "About 800" states no bounds (any margin would be invented), so its `min` and `max` are empty;
 * compared with other claims it is taken at its word, as exactly 800: "about 800" and "746"
 * disagree. An unspecified amount ("several dozen") has no number: it is compared with nothing.
 */

/** One end of the figures a qualifier allows: which field of the claim gives it, and whether it is included. */
export interface Bound {
  readonly of: 'value' | 'min' | 'max';
  readonly inclusive: boolean;
}

export interface QualifierMeaning {
  /** The words before the figure, in English ("more than 700", "between 2 and 3"); empty when none is needed or none is fixed. */
  readonly words: string;
  /** The lowest figure it allows, or null when the wording sets none. */
  readonly lower: Bound | null;
  /** The highest figure it allows, or null when the wording sets none. */
  readonly upper: Bound | null;
  /** Compared with other claims as exactly its value, though it states no bounds (`approximate`). */
  readonly comparedAsValue: boolean;
  /** How precise the wording is, for the series rule: an exact figure, hard bounds, an estimate, or no number. */
  readonly precision: 'exact' | 'bounded' | 'approximate' | 'none';
}

const value = (inclusive: boolean): Bound => ({ of: 'value', inclusive });

export const QUALIFIERS: Readonly<Record<Qualifier, QualifierMeaning>> = {
  exact: {
    words: '',
    lower: value(true),
    upper: value(true),
    comparedAsValue: false,
    precision: 'exact',
  },
  approximate: {
    words: 'about',
    lower: null,
    upper: null,
    comparedAsValue: true,
    precision: 'approximate',
  },
  more_than: {
    words: 'more than',
    lower: value(false),
    upper: null,
    comparedAsValue: false,
    precision: 'bounded',
  },
  at_least: {
    words: 'at least',
    lower: value(true),
    upper: null,
    comparedAsValue: false,
    precision: 'bounded',
  },
  nearly: {
    words: 'nearly',
    lower: null,
    upper: value(false),
    comparedAsValue: false,
    precision: 'bounded',
  },
  up_to: {
    words: 'up to',
    lower: null,
    upper: value(true),
    comparedAsValue: false,
    precision: 'bounded',
  },
  range: {
    words: 'between',
    lower: { of: 'min', inclusive: true },
    upper: { of: 'max', inclusive: true },
    comparedAsValue: false,
    precision: 'bounded',
  },
  unspecified: {
    words: '',
    lower: null,
    upper: null,
    comparedAsValue: false,
    precision: 'none',
  },
};

// A Map and plain property reads: these run for every claim and every series candidate (a keyed
// read of the table or of the claim made claimBounds four times slower at 1M claims).
const meanings: ReadonlyMap<string, QualifierMeaning> = new Map(Object.entries(QUALIFIERS));

/** The meaning of `qualifier`, or undefined for a word that is not a qualifier. */
export function qualifierMeaning(qualifier: string): QualifierMeaning | undefined {
  return meanings.get(qualifier);
}

/** The number a bound reads from a claim (null when the claim does not state it). */
export function boundValue(
  bound: Bound,
  claim: { value?: number | null; min?: number | null; max?: number | null },
): number | null {
  const n = bound.of === 'value' ? claim.value : bound.of === 'min' ? claim.min : claim.max;
  return n ?? null;
}
