/**
 * A bundle `data.json` given with --dataset (as the dataset build writes it into dist/), read without
 * holding it whole: its head, every field but `sources`, when it is opened; its sources one at a
 * time each time they are streamed (BundleReader). The dataset build writes `sources` last; a field
 * after it is read by skipping the sources.
 *
 * The first time the file is read through, every value is checked as core checks a file
 * (bundle-checks.ts), each before it is used: the export refuses what every tool refuses. The file
 * must be a bundle in outline first (its name, version, collections, records with ids): anything
 * else is not one.
 */
import fs from 'node:fs';
import { collectionNames } from '@encrochat-ledger/core';
import type { Source } from '@encrochat-ledger/dataset';
import { z } from 'zod';
import { BundleChecks } from './bundle-checks.js';
import { BundleReader, type ReadField } from './bundle-reader.js';
import type { BundleHead } from './dataset-source.js';
import { UsageError } from './errors.js';
import { inputPathKind } from './input-path.js';

export interface BundleFile {
  head: BundleHead;
  /** Every source of the file, in bundle order, from the start at each call. */
  sources: () => Generator<Source>;
}

const HEAD_FIELDS = [
  'name',
  'version',
  'schema_version',
  ...collectionNames.filter((c) => c !== 'sources'),
];

/**
 * The outline of a bundle: enough to know the file is one. Collections are checked shallowly here,
 * their records by a plain loop (sources one by one, as they are streamed).
 */
const BundleOutline = z.looseObject({
  name: z.literal('encrochat-ledger'),
  version: z.string().min(1),
  schema_version: z.string().min(1),
  ...Object.fromEntries(collectionNames.map((c) => [c, z.array(z.unknown())])),
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first place where a record lacks an id; null when there is none. */
function recordsProblem(name: string, records: readonly unknown[]): string | null {
  for (let i = 0; i < records.length; i++)
    if (!isObject(records[i]) || typeof (records[i] as { id?: unknown }).id !== 'string')
      return `/${name}/${i}: a record without an id`;
  return null;
}

/** The problem of source `i`: no id, or a claim without an id or as_of; null when there is none. */
function sourceProblem(record: unknown, i: number): string | null {
  if (!isObject(record) || typeof record.id !== 'string')
    return `/sources/${i}: a record without an id`;
  if (!Array.isArray(record.claims)) return `/sources/${i}/claims: not a list of claims`;
  for (let j = 0; j < record.claims.length; j++) {
    const claim = record.claims[j] as unknown;
    if (!isObject(claim) || typeof claim.id !== 'string' || typeof claim.as_of !== 'string')
      return `/sources/${i}/claims/${j}: a claim without an id or as_of`;
  }
  return null;
}

/** The errors of a --dataset file, each naming it and the fix. */
function bundleErrors(file: string) {
  return {
    notJson: (error: unknown) =>
      new UsageError(`--dataset ${file}: not valid JSON (${(error as Error).message})`),
    notBundle: (problem: string) =>
      new UsageError(
        `--dataset ${file}: not an encrochat-ledger bundle (at ${problem}); give the data.json of a dataset build`,
      ),
  };
}
type BundleErrors = ReturnType<typeof bundleErrors>;

/** Opens `file` for reading; a UsageError when it is missing, a folder or unreadable. */
function openFile(file: string): number {
  if (fs.existsSync(file) && inputPathKind(file, '--dataset') === 'folder')
    throw new UsageError(`--dataset ${file} is a folder; give its data.json`);
  try {
    const fd = fs.openSync(file, 'r');
    if (!fs.fstatSync(fd).isDirectory()) return fd;
    fs.closeSync(fd);
    throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UsageError(
        `--dataset ${file}: no such file; give the data.json of a dataset build`,
      );
    if (code === 'EISDIR')
      throw new UsageError(`--dataset ${file} is a folder; give its data.json`);
    throw new UsageError(`--dataset ${file}: cannot read it (${code ?? 'error'})`);
  }
}

/** What reading the head found: its fields, where the sources start, and every field as read. */
interface HeadRead {
  fields: Map<string, unknown>;
  /** Byte offset of the sources array; -1 when there is none. */
  sourcesAt: number;
  /** The fields as read, for the checks; those after the sources among them when `restRead`. */
  read: readonly ReadField[];
  restRead: boolean;
}

/**
 * Reads every field up to `sources`; when a field of the head comes after the sources, the sources
 * are skipped over to read it. Closes `fd`.
 */
function readHead(fd: number, errors: BundleErrors): HeadRead {
  try {
    const reader = new BundleReader(fd);
    const { fields, found } = reader.head('sources');
    let sourcesAt = -1;
    let restRead = false;
    if (found) {
      sourcesAt = reader.offset;
      if (HEAD_FIELDS.some((f) => !fields.has(f))) {
        reader.skipValue();
        for (const [k, v] of reader.rest()) fields.set(k, v);
        restRead = true;
      }
    }
    return { fields, sourcesAt, read: reader.fieldsRead, restRead };
  } catch (error) {
    throw errors.notJson(error);
  } finally {
    fs.closeSync(fd);
  }
}

/** The head of a bundle from its fields (`streamed`: its sources were found); a UsageError when the file is no bundle. */
function outlineOf(
  fields: Map<string, unknown>,
  streamed: boolean,
  errors: BundleErrors,
): BundleHead {
  const outlined = Object.fromEntries(fields);
  // Streamed sources are not among the fields: an empty list stands for them. Sources that are no
  // list are not streamed, and the outline refuses them.
  if (streamed) outlined.sources = [];
  const outline = BundleOutline.safeParse(outlined);
  if (!outline.success) {
    const issue = outline.error.issues[0]!;
    throw errors.notBundle(
      `${issue.path.length ? `/${issue.path.join('/')}` : 'the top level'}: ${issue.message}`,
    );
  }
  const { sources: _streamed, ...head } = outlined as unknown as BundleHead & { sources: unknown };
  return head;
}

/** Checks the head as read: its fields' texts, then its records. */
function checkHead(checks: BundleChecks, { read }: HeadRead, head: BundleHead): void {
  for (const field of read) checks.field(field);
  for (const name of collectionNames)
    if (name !== 'sources') for (const record of head[name]) checks.record(name, record);
}

/** Refuses a head whose records lack ids (no bundle the exporter can read). */
function refuseRecordsWithoutIds(head: BundleHead, errors: BundleErrors): void {
  for (const name of collectionNames) {
    const problem = name === 'sources' ? null : recordsProblem(name, head[name]);
    if (problem) throw errors.notBundle(problem);
  }
}

/** Runs a step of the reader; a syntax error it finds is the file's (not valid JSON). */
function reading<T>(step: () => T, errors: BundleErrors): T {
  try {
    return step();
  } catch (error) {
    throw errors.notJson(error);
  }
}

/**
 * The sources of `file`, streamed from where they start at each call. The first pass through the
 * file checks each source before it gives it, then the fields after the sources (unless the head's
 * reading read them) and the cycles; a pass that stops early leaves the rest to the next.
 */
function sourceStream(
  file: string,
  { sourcesAt, restRead }: HeadRead,
  errors: BundleErrors,
  checks: BundleChecks | null,
): () => Generator<Source> {
  /** The checks still to run, and the sources they have passed. */
  let checking = checks;
  let checkedUpTo = 0;
  return function* sources() {
    const fd = fs.openSync(file, 'r');
    try {
      const reader = new BundleReader(fd, sourcesAt);
      const records = reader.records();
      for (let i = 0; ; i++) {
        const next = reading(() => records.next(), errors);
        if (next.done) break;
        if (checking && i >= checkedUpTo) {
          checking.text(next.value);
          checking.record('sources', next.value.value);
          checkedUpTo = i + 1;
        }
        const problem = sourceProblem(next.value.value, i);
        if (problem) throw errors.notBundle(problem);
        yield next.value.value as Source;
      }
      reading(() => reader.rest(), errors);
      if (!checking) return;
      if (!restRead) for (const field of reader.fieldsRead) checking.field(field);
      checking.end();
      checking = null;
    } finally {
      fs.closeSync(fd);
    }
  };
}

/** Reads the head of the bundle `file` and gives its sources; see the module comment. */
export function openBundle(file: string, { check = true }: { check?: boolean } = {}): BundleFile {
  const errors = bundleErrors(file);
  const headRead = readHead(openFile(file), errors);
  const head = outlineOf(headRead.fields, headRead.sourcesAt >= 0, errors);
  const checks = check ? new BundleChecks(file) : null;
  if (checks) checkHead(checks, headRead, head);
  refuseRecordsWithoutIds(head, errors);
  return { head, sources: sourceStream(file, headRead, errors, checks) };
}
