/**
 * Command-line arguments: a small tokenizer (`--flag value`, `--flag=value`, repeatable lists),
 * then zod checks every value. Every problem becomes one UsageError line naming the flag and the fix.
 */
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from './errors.js';

export const FORMATS = ['csv', 'parquet'] as const;
export type Format = (typeof FORMATS)[number];

/** The kinds of source document of schemas 1.0 (`source.schema.json#/properties/kind`; a test checks they agree). */
export const SOURCE_KINDS = [
  'news-article',
  'press-release',
  'official-statistics',
  'official-statement',
  'parliamentary-answer',
  'court-judgment',
  'court-summary',
  'legal-commentary',
  'report',
  'reference',
  'photo-caption',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Which claims to export. Absent fields do not filter. */
export interface ClaimFilters {
  /** Metric ids. */
  metrics?: readonly string[];
  /** Place ids; a place includes every place inside it. */
  places?: readonly string[];
  /** Keep claims whose `as_of` ends on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Keep claims whose `as_of` starts on or before this day (YYYY-MM-DD). */
  until?: string;
  /** Kinds of source document. */
  sourceKinds?: readonly SourceKind[];
}

export interface ExportOptions {
  /** The folder to write (created, or replaced when it holds a previous export). */
  out: string;
  formats: readonly Format[];
  /** Escape CSV cells a spreadsheet would run as formulas. */
  excelSafe: boolean;
  filters: ClaimFilters;
  /** A bundle `data.json` to export instead of the installed @encrochat-ledger/dataset. */
  dataset?: string;
  /** A data folder (data/ layout) to export instead, checked like the dataset build checks it. */
  data?: string;
}

export type ParsedArgs = { help: true } | { help: false; options: ExportOptions };

export const USAGE = `Usage: encrochat-ledger-export --out DIR [options]

Writes the encrochat-ledger dataset as tables (one per collection, plus series and conflicts) in
CSV and/or Parquet, with datapackage.json (Frictionless Data Package v2), SHA256SUMS and a README
with the citation. The folder is written atomically: a new one, or a previous export replaced as a
whole when the new one is complete.

Options:
  --out DIR             folder to write (required); created, or replaced if it holds a previous export
  --format LIST         csv, parquet or csv,parquet (default: csv,parquet)
  --excel-safe          prefix CSV text cells starting with = + - @ tab or CR with ' so spreadsheets
                        do not run them as formulas (the CSV then differs from the data)
  --metric LIST         only claims of these metrics (ids, comma-separated or repeated)
  --place LIST          only claims about these places or places inside them (ids)
  --since YYYY-MM-DD    only claims whose as_of period ends on or after that day
  --until YYYY-MM-DD    only claims whose as_of period starts on or before that day
  --source-kind LIST    only claims from sources of these kinds:
                        ${SOURCE_KINDS.slice(0, 6).join(', ')},
                        ${SOURCE_KINDS.slice(6).join(', ')}
  --dataset FILE        export this bundle (data.json of a dataset build) instead of the installed
                        @encrochat-ledger/dataset; it is refused, like a data folder, when a value
                        or a record has a problem (encrochat-ledger-validate lists them all)
  --data DIR            export this data folder (data/ layout) instead; it is refused, like the
                        dataset build refuses it, when a file or a record has a problem
  -h, --help            show this help

Filters select claims; series and conflicts are computed from the selected claims. --source-kind
also selects the sources table. The other tables are always complete, so every key resolves.

Exit codes: 0 done, 1 the export failed, 2 bad arguments or a folder that cannot be written.`;

const VALUE_FLAGS = [
  'out',
  'format',
  'metric',
  'place',
  'since',
  'until',
  'source-kind',
  'dataset',
  'data',
] as const;
const LIST_FLAGS = new Set<string>(['format', 'metric', 'place', 'source-kind']);
const BOOLEAN_FLAGS = ['excel-safe', 'help'] as const;
type RawArgs = Record<string, string | string[] | true>;

/** Splits argv into flags and values; lists may be comma-separated, repeated, or both. */
function tokenize(argv: readonly string[]): RawArgs {
  const raw: RawArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '-h') {
      raw.help = true;
      continue;
    }
    if (!token.startsWith('--'))
      throw new UsageError(`unexpected argument "${token}": options start with -- (see --help)`);
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value (got "${token}")`);
      raw[name] = true;
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name))
      throw new UsageError(`unknown option --${name} (see --help for the options)`);
    let value: string | undefined;
    if (eq !== -1) value = token.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value (see --help)`);
      i++;
    }
    if (LIST_FLAGS.has(name)) {
      const previous = raw[name];
      raw[name] = [
        ...(Array.isArray(previous) ? previous : []),
        ...value.split(',').map((v) => v.trim()),
      ];
    } else {
      if (raw[name] !== undefined) throw new UsageError(`--${name} is given twice; give it once`);
      raw[name] = value;
    }
  }
  return raw;
}

const isCalendarDay = (value: string): boolean => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

const day = (flag: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
      error: `--${flag} must be a day as YYYY-MM-DD, e.g. 2020-07-02`,
    })
    .refine(isCalendarDay, {
      error: `--${flag} is not a calendar day; use YYYY-MM-DD, e.g. 2020-07-02`,
    });

const idList = (flag: string) =>
  z
    .array(
      z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
        error: (issue) =>
          `--${flag}: "${String(issue.input)}" is not an id (lowercase words joined by - or _)`,
      }),
    )
    .min(1)
    .transform((ids) => [...new Set(ids)]);

const ArgsSchema = z
  .object({
    help: z.literal(true).optional(),
    out: z
      .string({ error: '--out DIR is required: the folder to write, e.g. --out exports' })
      .min(1, { error: '--out needs a folder name' }),
    format: z
      .array(
        z.enum(FORMATS, {
          error: (issue) =>
            `--format: unknown format "${String(issue.input)}"; use csv, parquet or csv,parquet`,
        }),
      )
      .min(1)
      .transform((formats) => FORMATS.filter((f) => formats.includes(f)))
      .optional(),
    'excel-safe': z.literal(true).optional(),
    metric: idList('metric').optional(),
    place: idList('place').optional(),
    since: day('since').optional(),
    until: day('until').optional(),
    'source-kind': z
      .array(
        z.enum(SOURCE_KINDS, {
          error: (issue) =>
            `--source-kind: unknown kind "${String(issue.input)}"; use ${SOURCE_KINDS.join(', ')}`,
        }),
      )
      .min(1)
      .transform((kinds) => SOURCE_KINDS.filter((k) => kinds.includes(k)))
      .optional(),
    dataset: z.string().min(1, { error: '--dataset needs a file name' }).optional(),
    data: z.string().min(1, { error: '--data needs a folder name' }).optional(),
  })
  .strict()
  .refine((a) => !a.dataset || !a.data, {
    error: '--dataset and --data are given both; give one (a bundle, or a data folder)',
  })
  .refine((a) => !a.since || !a.until || a.since <= a.until, {
    error: '--since is after --until; swap them',
  });

/** Parses the arguments of `encrochat-ledger-export` (without the node and script paths). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const raw = tokenize(argv);
  if (raw.help) return { help: true };
  if (Array.isArray(raw.format) && raw.format.includes(''))
    throw new UsageError('--format: empty format in the list; use csv, parquet or csv,parquet');
  for (const flag of ['metric', 'place', 'source-kind']) {
    const list = raw[flag];
    if (Array.isArray(list) && list.includes(''))
      throw new UsageError(`--${flag}: empty value in the list (check the commas)`);
  }
  const parsed = ArgsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path[0];
    const message =
      issue.message.startsWith('--') || flag === undefined
        ? issue.message
        : `--${String(flag)}: ${issue.message}`;
    throw new UsageError(message);
  }
  const a = parsed.data;
  const filters: ClaimFilters = {
    ...(a.metric ? { metrics: a.metric } : {}),
    ...(a.place ? { places: a.place } : {}),
    ...(a.since ? { since: a.since } : {}),
    ...(a.until ? { until: a.until } : {}),
    ...(a['source-kind'] ? { sourceKinds: a['source-kind'] } : {}),
  };
  return {
    help: false,
    options: {
      out: path.resolve(a.out),
      formats: a.format ?? FORMATS,
      excelSafe: a['excel-safe'] === true,
      filters,
      ...(a.dataset ? { dataset: path.resolve(a.dataset) } : {}),
      ...(a.data ? { data: path.resolve(a.data) } : {}),
    },
  };
}
