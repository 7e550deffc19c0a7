/** A data file as read once: its text (while the file checks run) and its parsed value. */
import type { DataFile } from './data-files.js';
import { locate, type Located } from './json-locate.js';
import { decodeUtf8 } from './utf8.js';

/** A file as read once: its text (null when not UTF-8), its value when it parsed. */
export interface ParsedFile {
  text: string | null;
  parsed: boolean;
  value: unknown;
  /** The locating reader's result for this file (computed once, on demand). */
  locate(): Located;
  /** Whether `locate` has run for this file already. */
  located(): boolean;
}

/**
 * A file as read once. Its text is kept while the file checks run, then dropped and decoded again
 * from the bytes if a problem needs a position: a large dataset's texts would otherwise stay on
 * the heap for the whole run, and every garbage collection would copy and mark them.
 */
export class ReadFile implements ParsedFile {
  private kept: string | null | undefined;
  private located_: Located | undefined;

  constructor(
    private readonly file: DataFile,
    text: string | null,
    readonly parsed: boolean,
    readonly value: unknown,
  ) {
    this.kept = text;
  }

  /** Decodes and parses a file's bytes (the file checks say what is wrong when either fails). */
  static read(file: DataFile): ReadFile {
    const text = decodeUtf8(file.bytes);
    let value: unknown;
    let parsed = false;
    // Empty and BOM-only files are for the empty-file and byte-order-mark checks; JSON.parse rejects blank text.
    if (text !== null && text.charCodeAt(0) !== 0xfeff) {
      try {
        value = JSON.parse(text);
        parsed = true;
      } catch {
        parsed = false;
      }
    }
    return new ReadFile(file, text, parsed, value);
  }

  get text(): string | null {
    return this.kept !== undefined ? this.kept : decodeUtf8(this.file.bytes);
  }

  release(): void {
    if (this.kept !== null) this.kept = undefined;
  }

  locate(): Located {
    return (this.located_ ??= locate(this.text ?? ''));
  }

  located(): boolean {
    return this.located_ !== undefined;
  }
}
