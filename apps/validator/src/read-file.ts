/** A data file as the validator reads it once: its text (while the file rules run) and its parsed value. */
import type { DataFile } from './inputs.js';
import { locate, type Located } from './json-locate.js';
import type { ParsedFile } from './rule.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of UTF-8 bytes, or null when they are not valid UTF-8. The lenient native decoder writes
 * U+FFFD for every bad sequence; only a text that holds one (bad bytes, or a real U+FFFD) is decoded
 * again strictly to tell which.
 */
function decodeUtf8(bytes: Buffer): string | null {
  const text = bytes.toString('utf8');
  // Like TextDecoder, drop a byte order mark (FILE002 reports it from the bytes).
  if (!text.includes('\uFFFD')) return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A file as read once. Its text is kept while the file rules run, then dropped and decoded again
 * from the bytes if a finding needs a position: a large dataset's texts would otherwise stay on
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

  /** Decodes and parses a file's bytes (the file rules say what is wrong when either fails). */
  static read(file: DataFile): ReadFile {
    const text = decodeUtf8(file.bytes);
    let value: unknown;
    let parsed = false;
    // Empty and BOM-only files are FILE001's and FILE002's business; JSON.parse rejects blank text.
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

