import type { Claim } from './generated/schema-types.js';
import { boundValue, qualifierMeaning } from './qualifiers.js';

export interface Bounds {
  /** Lower bound (exclusive for `more_than`), or null when the wording gives none. */
  min: number | null;
  /** Upper bound (exclusive for `nearly`), or null when the wording gives none. */
  max: number | null;
}

/**
 * The bounds a claim's wording implies, by the table of qualifiers (`qualifiers.ts`). They are
 * derived, never stored twice: `exact` gives min = max = value; `more_than` and `at_least` a lower
 * bound; `nearly` and `up_to` an upper bound; a `range` its stored min and max; `approximate` and
 * `unspecified` none.
 */
export function claimBounds(claim: Pick<Claim, 'qualifier' | 'value' | 'min' | 'max'>): Bounds {
  const meaning = qualifierMeaning(claim.qualifier);
  return {
    min: meaning?.lower ? boundValue(meaning.lower, claim) : null,
    max: meaning?.upper ? boundValue(meaning.upper, claim) : null,
  };
}
