/**
 * The URL state of every view, parsed with zod. Routing is by hash (`#/claims?metric=arrests`), so
 * the static site works from any folder and every view, filters included, is a link.
 *
 * Id patterns are those of the JSON Schemas (`schemas/1.0/defs.schema.json`; a test checks they agree).
 */
import * as z from 'zod/mini';

export const RECORD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const METRIC_ID = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
export const CLAIM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const recordId = z
  .string()
  .check(
    z.regex(
      RECORD_ID,
      'must be an id such as "united-kingdom" (lowercase letters, digits and hyphens)',
    ),
  );
const metricId = z
  .string()
  .check(z.regex(METRIC_ID, 'must be a metric id such as "arrests" or "cash_seized"'));
const day = z.string().check(
  z.regex(ISO_DAY, 'must be a date written YYYY-MM-DD, such as 2021-03-19'),
  z.refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'is not a real calendar date',
  ),
);
const page = z.coerce
  .number({ error: 'must be a whole number such as 2' })
  .check(
    z.int('must be a whole number such as 2'),
    z.minimum(1, 'must be 1 or more'),
    z.maximum(1_000_000, 'is too large'),
  );
const text = z.string().check(z.maxLength(200, 'is longer than 200 characters'));

export const CLAIM_SORTS = ['date', 'value', 'metric', 'place', 'source'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];
/** Reliability of a source (the `reliability` enum of the source schema). */
export const RELIABILITIES = ['official', 'official-copy', 'legal', 'press', 'low'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
/** Rows per page of the claims table (the first is not the default: 50 is). */
export const PAGE_SIZES = ['25', '50', '100', '200'] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** Filters of the claims table (also those of the CSV of the current view, on the Download page). */
export const ClaimFilters = z.strictObject({
  metric: z.optional(metricId),
  place: z.optional(recordId),
  org: z.optional(recordId),
  op: z.optional(recordId),
  source: z.optional(recordId),
  kind: z.optional(recordId),
  from: z.optional(day),
  to: z.optional(day),
  q: z.optional(text),
  sort: z.optional(z.enum(CLAIM_SORTS, { error: `must be one of ${CLAIM_SORTS.join(', ')}` })),
  dir: z.optional(z.enum(['asc', 'desc'], { error: 'must be asc or desc' })),
  page: z.optional(page),
  /** Claims whose scope counts this network (alone or in a combined total). */
  network: z.optional(recordId),
  /** With `network`: only figures about that network alone, not combined totals. */
  networkonly: z.optional(z.enum(['1'], { error: 'must be 1, or be left out' })),
  /** With `place`: that place only, not the places within it. */
  placeonly: z.optional(z.enum(['1'], { error: 'must be 1, or be left out' })),
  reliability: z.optional(
    z.enum(RELIABILITIES, { error: `must be one of ${RELIABILITIES.join(', ')}` }),
  ),
  /** `yes`: claims of a date where sources disagree; `no`: the others. */
  disagree: z.optional(z.enum(['yes', 'no'], { error: 'must be yes or no' })),
  size: z.optional(z.enum(PAGE_SIZES, { error: `must be one of ${PAGE_SIZES.join(', ')}` })),
});
export type ClaimFilters = z.infer<typeof ClaimFilters>;

export const ChartParams = z.strictObject({
  metric: z.optional(metricId),
  place: z.optional(recordId),
  page: z.optional(page),
  /** One chart alone: the series id (`metric:breakdown:unit:place:operation:organisations:networks`), its address. */
  series: z.optional(
    z
      .string()
      .check(
        z.minLength(1, 'must name a series'),
        z.maxLength(300, 'is longer than 300 characters'),
      ),
  ),
});
export type ChartParams = z.infer<typeof ChartParams>;

export const SOURCE_SORTS = ['published', 'title', 'claims'] as const;
export const SourceParams = z.strictObject({
  q: z.optional(text),
  kind: z.optional(recordId),
  reliability: z.optional(
    z.enum(['official', 'official-copy', 'press', 'legal', 'low'], {
      error: 'must be official, official-copy, press, legal or low',
    }),
  ),
  sort: z.optional(z.enum(SOURCE_SORTS, { error: `must be one of ${SOURCE_SORTS.join(', ')}` })),
  page: z.optional(page),
});
export type SourceParams = z.infer<typeof SourceParams>;

export const TimelineParams = z.strictObject({
  kind: z.optional(recordId),
  /** An event to scroll to. */
  event: z.optional(recordId),
  /** Words the events shown contain (title, description, court case, place, sources). */
  q: z.optional(text),
  /** A year to scroll to. */
  year: z.optional(z.string().check(z.regex(/^\d{4}$/, 'must be a year such as 2020'))),
});
export type TimelineParams = z.infer<typeof TimelineParams>;

/** Dates where sources disagree and parts larger than their whole, for one metric or place. */
export const DisagreementParams = z.strictObject({
  metric: z.optional(metricId),
  /** That place only (not the places within it). */
  place: z.optional(recordId),
  page: z.optional(page),
});
export type DisagreementParams = z.infer<typeof DisagreementParams>;

const Empty = z.strictObject({});

export type Route =
  | { page: 'overview' }
  | { page: 'charts'; params: ChartParams }
  | { page: 'claims'; params: ClaimFilters }
  | { page: 'claim'; id: string }
  | { page: 'sources'; params: SourceParams }
  | { page: 'source'; id: string }
  | { page: 'timeline'; params: TimelineParams }
  | { page: 'about' }
  | { page: 'download'; params: ClaimFilters }
  | { page: 'disagreements'; params: DisagreementParams };

/** A URL that cannot be shown: what is wrong with it, and a link that works. */
export interface UrlProblem {
  title: string;
  issues: string[];
  /** A hash to go to instead: the same page without the bad parts, or the overview. */
  fallback: string;
  fallbackLabel: string;
}

export type Parsed = { ok: true; route: Route } | { ok: false; problem: UrlProblem };

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

function describe(issue: ZodIssueLike): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys ?? [];
    return `${keys.map((k) => `“${k}”`).join(', ')} ${keys.length === 1 ? 'is not a setting' : 'are not settings'} of this page`;
  }
  const where = issue.path.map(String).join('.');
  return where ? `“${where}” ${issue.message}` : issue.message;
}

/** The params without the ones an issue names (unknown keys included). */
function withoutBad(
  params: Record<string, string>,
  issues: readonly ZodIssueLike[],
): Record<string, string> {
  const bad = new Set<string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const k of issue.keys ?? []) bad.add(k);
    else if (issue.path[0] !== undefined) bad.add(String(issue.path[0]));
  }
  return Object.fromEntries(Object.entries(params).filter(([k]) => !bad.has(k)));
}

/** Builds a hash: `#/claims?metric=arrests`. Empty values are left out; keys keep their order. */
export function toHash(
  path: string,
  params: Record<string, string | number | undefined | null> = {},
): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const q = query.toString();
  return `#/${path}${q ? `?${q}` : ''}`;
}

export const claimHash = (id: string): string => `#/claim/${encodeURIComponent(id)}`;
export const sourceHash = (id: string): string => `#/source/${encodeURIComponent(id)}`;

const PAGES_WITH_PARAMS = {
  charts: ChartParams,
  claims: ClaimFilters,
  sources: SourceParams,
  timeline: TimelineParams,
  download: ClaimFilters,
  disagreements: DisagreementParams,
} as const;

/** Parses a location hash into a route, or says clearly what is wrong with it. */
export function parseHash(hash: string): Parsed {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '' || raw === '/') return { ok: true, route: { page: 'overview' } };
  const overview = { fallback: '#/', fallbackLabel: 'Go to the overview' };
  if (!raw.startsWith('/'))
    return {
      ok: false,
      problem: {
        title: 'This address does not name a page',
        issues: [`“#${raw}” is not a page of this site.`],
        ...overview,
      },
    };
  const q = raw.indexOf('?');
  const path = q === -1 ? raw.slice(1) : raw.slice(1, q);
  const query = q === -1 ? '' : raw.slice(q + 1);
  let segments: string[];
  try {
    segments = path.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return {
      ok: false,
      problem: {
        title: 'This address is garbled',
        issues: [
          'It contains an invalid percent-encoding (a “%” not followed by two hexadecimal digits).',
        ],
        ...overview,
      },
    };
  }
  const params: Record<string, string> = {};
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const [k, v] of new URLSearchParams(query)) {
    if (seen.has(k)) repeated.push(k);
    seen.add(k);
    params[k] = v;
  }
  if (repeated.length)
    return {
      ok: false,
      problem: {
        title: 'This address has a setting twice',
        issues: repeated.map((k) => `“${k}” is given more than once; give it once.`),
        fallback: toHash(path, params),
        fallbackLabel: 'Open it with the last value of each setting',
      },
    };

  const [name = '', ...rest] = segments;
  if ((name === 'claim' || name === 'source') && rest.length >= 1) {
    const id = rest.join('/');
    const ok = name === 'claim' ? CLAIM_ID.test(id) : RECORD_ID.test(id);
    if (!ok || Object.keys(params).length)
      return {
        ok: false,
        problem: {
          title: `This is not the address of a ${name}`,
          issues: [
            ok
              ? `A ${name} page has no settings (${Object.keys(params)
                  .map((k) => `“${k}”`)
                  .join(', ')}).`
              : `“${id}” is not a ${name} id (${name === 'claim' ? 'source-id/claim-slug' : 'lowercase letters, digits and hyphens'}).`,
          ],
          ...(ok
            ? {
                fallback: `#/${name}/${encodeURIComponent(id)}`,
                fallbackLabel: `Open the ${name} without them`,
              }
            : {
                fallback: name === 'claim' ? '#/claims' : '#/sources',
                fallbackLabel: name === 'claim' ? 'Browse the claims' : 'Browse the sources',
              }),
        },
      };
    return { ok: true, route: name === 'claim' ? { page: 'claim', id } : { page: 'source', id } };
  }
  if (rest.length)
    return {
      ok: false,
      problem: {
        title: 'This address does not name a page',
        issues: [`“/${path}” is not a page of this site.`],
        ...overview,
      },
    };
  if (name === 'overview' || name === 'about') {
    const parsed = Empty.safeParse(params);
    if (!parsed.success)
      return {
        ok: false,
        problem: {
          title: 'This address has settings the page does not know',
          issues: parsed.error.issues.map((i) => describe(i as ZodIssueLike)),
          fallback: `#/${name}`,
          fallbackLabel: 'Open the page without them',
        },
      };
    return { ok: true, route: { page: name } };
  }
  if (name in PAGES_WITH_PARAMS) {
    const page = name as keyof typeof PAGES_WITH_PARAMS;
    const parsed = PAGES_WITH_PARAMS[page].safeParse(params);
    if (!parsed.success) {
      const issues = parsed.error.issues as unknown as ZodIssueLike[];
      return {
        ok: false,
        problem: {
          title: 'Some settings in this address are not valid',
          issues: issues.map(describe),
          fallback: toHash(page, withoutBad(params, issues)),
          fallbackLabel: 'Open the page without the settings that are not valid',
        },
      };
    }
    const range = parsed.data as { from?: string; to?: string };
    if (range.from && range.to && range.from > range.to)
      return {
        ok: false,
        problem: {
          title: 'The date range is reversed',
          issues: [`“from” (${range.from}) is after “to” (${range.to}).`],
          fallback: toHash(page, { ...params, from: range.to, to: range.from }),
          fallbackLabel: 'Open it with the dates swapped',
        },
      };
    return { ok: true, route: { page, params: parsed.data } as Route };
  }
  return {
    ok: false,
    problem: {
      title: 'This address does not name a page',
      issues: [`“/${path}” is not a page of this site.`],
      ...overview,
    },
  };
}
