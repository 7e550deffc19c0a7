/**
 * The validation engine: reads the inputs once, runs every file rule and every data rule, resolves
 * each finding's JSON Pointer to a line and column, applies the reasoned exceptions and returns the
 * findings of the files asked for, sorted.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  collectInputs,
  createAjv,
  escapePointerToken,
  isBundle,
  positionsByFile,
  precompiledValidator,
  ReadFile,
  recordsOf,
  validatorFor,
  type CollectionName,
  type DataFile,
  type Inputs,
  type ParsedFile,
  type QuickValidator,
  type RecordEntry,
  type JsonRecord,
} from '@encrochat-ledger/core';
import { readExceptions, type Exceptions } from './exceptions.js';
import type { Finding, Severity } from './finding.js';
import type { Context, Issue } from './rule.js';
import { dataRules, EXCEPTION_RULE, fileRules } from './rules/index.js';
import { timed, Timings, type Timing } from './timings.js';

export interface ValidateOptions {
  /** Files or folders (default: `data`). */
  paths?: string[];
  cwd?: string;
  /** Folder of archived source texts; default ENCROCHAT_ARCHIVE_DIR, else ../shared/sources/seeds beside the repository, if present. */
  archiveDir?: string | null;
  /** Today's date (ISO), for the future-date rule; default the current date. */
  today?: string;
  /** Folder of the JSON Schemas; default the published ones. */
  schemasDir?: string;
  /** Measure each step (reading, each rule, locating): `Report.timings`. */
  timings?: boolean;
}

export interface Report {
  findings: Finding[];
  files: number;
  records: number;
  claims: number;
  counts: Record<Severity, number>;
  /** With the `timings` option: how long each step took, slowest first. */
  timings?: Timing[];
}

function defaultArchive(roots: string[]): string | null {
  const env = process.env.ENCROCHAT_ARCHIVE_DIR;
  if (env) return path.resolve(env);
  for (const root of roots) {
    const candidate = path.resolve(root, '..', '..', 'shared', 'sources', 'seeds');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

type AjvInstance = ReturnType<typeof createAjv>;
const ajvCache = new Map<string, { ajv?: AjvInstance; fastAjv?: AjvInstance }>();
/**
 * Compiling the schemas costs more than most runs' checks. The published schemas' first-error
 * validators are precompiled; other schemas (a `schemasDir`) are compiled once per folder, when
 * first used. The Ajv reporting every error is compiled only when a record fails.
 */
function ajvFor(dir: string | undefined): {
  readonly ajv: AjvInstance;
  quickValidator(file: string): QuickValidator;
} {
  const key = dir ?? '';
  let pair = ajvCache.get(key);
  if (!pair) ajvCache.set(key, (pair = {}));
  const cached = pair;
  return {
    get ajv() {
      return (cached.ajv ??= createAjv(dir));
    },
    quickValidator(file) {
      if (dir === undefined) return precompiledValidator(file);
      return validatorFor((cached.fastAjv ??= createAjv(dir, { allErrors: false })), file);
    },
  };
}

export function validate(options: ValidateOptions = {}): Report {
  const cwd = options.cwd ?? process.cwd();
  const clock = options.timings ? new Timings() : null;
  const inputs = timed(clock, 'listing and reading the files', 'read', () =>
    collectInputs(options.paths ?? [], cwd),
  );
  return validateInputs(inputs, { ...options, cwd }, clock);
}

/** Validates files already read (also used by the fuzz test, in memory). */
export function validateInputs(
  { files, roots }: Inputs,
  options: Omit<ValidateOptions, 'paths'> = {},
  clock: Timings | null = options.timings ? new Timings() : null,
): Report {
  const cwd = options.cwd ?? process.cwd();
  const ajvs = ajvFor(options.schemasDir);
  const issues: { code: string; severity: Severity; issue: Issue }[] = [];
  const read = new Map<DataFile, ParsedFile>();
  const records: RecordEntry[] = [];
  /** Folders of the bundles read: their exceptions file (shipped beside data.json) applies like a data folder's. */
  const bundleDirs = new Set<string>();

  for (const file of files) {
    const parsedFile = timed(clock, 'decoding and parsing', 'read', () => ReadFile.read(file));
    const { parsed, value } = parsedFile;
    read.set(file, parsedFile);
    for (const rule of fileRules)
      timed(clock, rule.code, rule.scope, () => rule.check(file, parsedFile)).forEach((issue) =>
        issues.push({ code: rule.code, severity: issue.severity ?? rule.severity, issue }),
      );
    parsedFile.release();
    if (!parsed) continue;
    const found = recordsOf(file, value);
    // A file that is not one record is a schema error of its collection.
    if (!Array.isArray(found)) issues.push({ code: 'SCHEMA001', severity: 'error', issue: found });
    else for (const record of found) records.push(record);
    if (isBundle(value)) bundleDirs.add(path.dirname(file.abs));
  }

  let started = clock?.now() ?? 0;
  const byCollection = new Map<CollectionName, RecordEntry[]>();
  const ids = new Map<string, Set<string>>();
  const byId = new Map<string, JsonRecord>();
  const addId = (c: string, id: unknown) => {
    if (typeof id !== 'string') return;
    if (!ids.has(c)) ids.set(c, new Set());
    ids.get(c)!.add(id);
  };
  let claims = 0;
  for (const entry of records) {
    if (!byCollection.has(entry.collection)) byCollection.set(entry.collection, []);
    byCollection.get(entry.collection)!.push(entry);
    const aliases = Array.isArray(entry.record.aliases) ? entry.record.aliases : [];
    for (const id of [entry.record.id, ...aliases]) {
      addId(entry.collection, id);
      if (typeof id === 'string' && !byId.has(`${entry.collection}\u0000${id}`))
        byId.set(`${entry.collection}\u0000${id}`, entry.record);
    }
    if (entry.collection === 'sources' && Array.isArray(entry.record.claims))
      for (const c of entry.record.claims) {
        claims++;
        addId('claims', c?.id);
        if (Array.isArray(c?.aliases)) for (const a of c.aliases) addId('claims', a);
      }
  }
  clock?.since('indexing the ids', 'dataset', started);
  const ctx: Context = {
    records,
    of: (c) => byCollection.get(c) ?? [],
    has: (c, id) => typeof id === 'string' && (ids.get(c)?.has(id) ?? false),
    get: (c, id) => (typeof id === 'string' ? byId.get(`${c}\u0000${id}`) : undefined),
    get ajv() {
      return ajvs.ajv;
    },
    quickValidator: (file) => ajvs.quickValidator(file),
    archiveDir: options.archiveDir !== undefined ? options.archiveDir : defaultArchive(roots),
    today: options.today ?? new Date().toISOString().slice(0, 10),
  };
  for (const rule of dataRules)
    timed(clock, rule.code, rule.scope, () => {
      for (const issue of rule.check(ctx))
        issues.push({ code: rule.code, severity: issue.severity ?? rule.severity, issue });
    });

  started = clock?.now() ?? 0;

  // Exceptions: drop the findings they name; flag the ones nothing needs.
  const exceptionSets: Exceptions[] = [...roots, ...bundleDirs]
    .map((r) => readExceptions(r, cwd))
    .filter((e): e is Exceptions => e !== null);
  const used = new Set<string>();
  const kept = issues.filter(({ code, issue }) => {
    if (!issue.exceptionKey) return true;
    const key = `${code}\u0000${issue.exceptionKey}`;
    if (exceptionSets.some((e) => e.entries.has(key))) {
      used.add(key);
      return false;
    }
    return true;
  });
  const findings: Finding[] = [];
  for (const set of exceptionSets) {
    if (set.problem)
      findings.push({
        code: EXCEPTION_RULE.code,
        severity: 'error',
        file: set.display,
        pointer: '',
        line: 1,
        column: 1,
        message: `the exceptions file is malformed: ${set.problem}`,
        hint: 'it maps a rule code to { "<claim id>": "<reason>" }',
      });
    for (const [key, { code, key: id }] of set.entries)
      if (!used.has(key))
        findings.push({
          code: EXCEPTION_RULE.code,
          severity: 'error',
          file: set.display,
          pointer: `/${code}/${escapePointerToken(id)}`,
          line: 1,
          column: 1,
          message: `exception for ${code} on "${id}" is not needed: no such finding`,
          hint: 'remove it from the exceptions file',
        });
  }

  const reported = kept
    .filter(({ issue }) => (issue.entry?.file ?? issue.file!).reported)
    .map(({ code, severity, issue }) => ({
      code,
      severity,
      issue,
      file: issue.entry?.file ?? issue.file!,
      pointer: `${issue.entry?.base ?? ''}${issue.pointer}`,
    }));
  const positions = positionsByFile(
    reported.filter(({ issue }) => issue.line === undefined),
    read,
  );
  for (const { code, severity, issue, file, pointer } of reported) {
    const position =
      issue.line !== undefined
        ? { line: issue.line, column: issue.column ?? 1 }
        : (positions.get(file)?.(pointer) ?? { line: 1, column: 1 });
    findings.push({
      code,
      severity,
      file: file.display,
      pointer,
      line: position.line,
      column: position.column,
      message: issue.message,
      hint: issue.hint,
    });
  }
  findings.sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.line - b.line ||
          a.column - b.column ||
          (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  clock?.since('exceptions, locating and sorting the findings', 'report', started);
  return {
    findings,
    files: files.filter((f) => f.reported).length,
    records: records.length,
    claims,
    counts,
    ...(clock ? { timings: clock.list() } : {}),
  };
}
