/**
 * The checks of a --dataset bundle as it is streamed: what every tool refuses in data, as --data and
 * the dataset build refuse it in a folder. Bytes that are not UTF-8, a key twice in one object, a
 * NUL or a lone surrogate in text (the validator's JSON001–JSON003), a record that fails the
 * published schema of its collection (SCHEMA001), a `superseded_by` cycle (REF003).
 *
 * Each value is checked as it is read, with core's own checks: its text with the checks of a file's
 * text (`invalidUtf8` by `decodeUtf8`, `duplicateKeys`, `badCharacters`), which hold for any part of
 * a file as for the whole, and the top-level names once each; each record with the precompiled
 * validator of its schema; the records that name a replacement are kept, and their cycles looked
 * for after the last record (`findSupersessionCycles`).
 *
 * Cheap and exact: these checks only tell that something is wrong. When one does, the whole file is
 * read with core's reader and checks (checked-data.ts) and refused with the problem the validator
 * reports first, where it reports it. (A cycle among the kept records alone may be broken in the
 * whole file, by a record of the same id met first: the whole file decides, and when it finds
 * nothing the export goes on.)
 */
import {
  badCharacters,
  collections,
  duplicateKeys,
  findSupersessionCycles,
  locate,
  precompiledValidator,
  type CollectionName,
  type DataFile,
  type FileCheck,
  type JsonRecord,
  type ParsedFile,
  type RecordEntry,
} from '@encrochat-ledger/core';
import type { ParsedValue, ReadField } from './bundle-reader.js';
import { readCheckedData } from './checked-data.js';

/** Core's checks of a file's text and value (a text that is not UTF-8 is null: `invalidUtf8`). */
const TEXT_CHECKS: readonly FileCheck[] = [duplicateKeys, badCharacters];

const schemaOf = new Map<string, string>(collections.map((c) => [c.name, c.schema]));

const isObject = (value: unknown): value is JsonRecord =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Whether `findSupersessionCycles` looks at `record`: it, or one of its claims, names a replacement. */
const namesReplacement = (record: JsonRecord): boolean =>
  typeof record.superseded_by === 'string' ||
  (Array.isArray(record.claims) &&
    record.claims.some(
      (claim: unknown) => isObject(claim) && typeof claim.superseded_by === 'string',
    ));

export class BundleChecks {
  /** The bundle, as core's checks name their file (they are asked only whether they find something). */
  private readonly file: DataFile;
  /** The top-level names read so far. */
  private readonly names = new Set<string>();
  /** The records that name a replacement, in the order of the file. */
  private readonly replacing: RecordEntry[] = [];

  constructor(private readonly path: string) {
    this.file = {
      abs: path,
      display: path,
      collection: null,
      bytes: Buffer.alloc(0),
      reported: true,
    };
  }

  /** A top-level field as read (BundleReader's `fieldsRead`): its name, once, and its value's text. */
  field({ name, value }: ReadField): void {
    this.text(name);
    const key = name.value as string;
    if (this.names.has(key)) this.readWhole();
    this.names.add(key);
    if (value) this.text(value);
  }

  /** The text of a value of the file. */
  text({ text, value }: ParsedValue): void {
    if (text === null) return this.readWhole();
    const read: ParsedFile = {
      text,
      parsed: true,
      value,
      locate: () => locate(text),
      located: () => false,
    };
    if (TEXT_CHECKS.some((check) => check(this.file, read).length)) this.readWhole();
  }

  /** A record of `collection` (its text is checked with its field or by itself). */
  record(collection: CollectionName, record: unknown): void {
    if (!precompiledValidator(schemaOf.get(collection)!)(record)) return this.readWhole();
    if (isObject(record) && namesReplacement(record))
      this.replacing.push({ file: this.file, collection, base: '', record });
  }

  /** After the last record: the supersession cycles. */
  end(): void {
    if (this.replacing.length && findSupersessionCycles(this.replacing).length) this.readWhole();
  }

  /** Reads the whole file with core's reader and checks; refuses it with their first problem. */
  private readWhole(): void {
    readCheckedData('--dataset', this.path);
  }
}
