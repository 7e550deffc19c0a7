/** Semver bumps, ordered: the release a change needs under the versioning policy of the README. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

export const bumpRank = (b: Bump): number => BUMPS.indexOf(b);

/** The larger of the bumps (`none` for none). */
export function maxBump(...bumps: Bump[]): Bump {
  return bumps.reduce<Bump>((a, b) => (bumpRank(b) > bumpRank(a) ? b : a), 'none');
}
