import type { Claim } from './generated/schema-types.js';

export interface Bounds {
  /** Lower bound (exclusive for `more_than`), or null when the wording gives none. */
  min: number | null;
  /** Upper bound (exclusive for `nearly`), or null when the wording gives none. */
  max: number | null;
}

/**
 * The bounds a claim's wording implies. They are derived, never stored twice: `exact` gives
 * min = max = value; `more_than` and `at_least` a lower bound; `nearly` and `up_to` an upper bound;
 * a `range` its stored min and max; `approximate` and `unspecified` none.
 */
export function claimBounds(claim: Pick<Claim, 'qualifier' | 'value' | 'min' | 'max'>): Bounds {
  const value = claim.value ?? null;
  switch (claim.qualifier) {
    case 'exact':
      return { min: value, max: value };
    case 'more_than':
    case 'at_least':
      return { min: value, max: null };
    case 'nearly':
    case 'up_to':
      return { min: null, max: value };
    case 'range':
      return { min: claim.min ?? null, max: claim.max ?? null };
    default:
      return { min: null, max: null };
  }
}
