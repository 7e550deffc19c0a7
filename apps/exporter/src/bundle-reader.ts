/**
 * Reads a bundle `data.json` without holding it whole: the top-level fields are parsed one by one,
 * and the records of one array field (`sources`, which holds every claim) one record at a time.
 *
 * A byte scanner finds where each value ends (tracking strings, escapes and nesting); the value
 * itself is parsed by JSON.parse, so what is accepted is exactly JSON. A record that ends with a
 * list of objects (a source with its claims) is first looked for by its ending, a native search
 * (see guessRecord): about a tenth of the scanner's time. Memory: one read buffer,
 * which grows only to hold the largest single record.
 *
 * Each value comes with its text, decoded as core's reader decodes a file (`decodeUtf8`: null when
 * its bytes are not UTF-8), for the checks a whole file would get (see bundle-checks.ts).
 */
import fs from 'node:fs';
import { decodeUtf8 } from '@encrochat-ledger/core';

const CHUNK = 4 << 20;

/** A syntax error, with the byte offset where the scanner found it. */
export class BundleSyntaxError extends Error {}

/** A value as parsed: its text (null when its bytes are not UTF-8: it is then parsed as decoded with replacement characters) and its value. */
export interface ParsedValue {
  text: string | null;
  value: unknown;
}

export interface StreamedRecord extends ParsedValue {
  /** Byte range of the record in the file. */
  start: number;
  end: number;
}

/** A top-level field as read by `head()` or `rest()`: its name and its value (none for the streamed array). */
export interface ReadField {
  name: ParsedValue;
  value: ParsedValue | null;
}

/** How a record that ends with a list of objects ends when another record follows (see guessRecord). */
const RECORD_END = Buffer.from('}]},{"');
/** Failed guesses in a row after which a reader stops guessing. */
const GUESS_TRIES = 8;

const WS = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * A reader of one top-level JSON object. `head(name)` parses the fields up to the field `name`,
 * whose array value is then read record by record with `records()`; `rest()` reads the fields after.
 */
export class BundleReader {
  private buf = Buffer.allocUnsafe(CHUNK);
  /** File offset of buf[0]. */
  private base = 0;
  /** Valid bytes in buf. */
  private len = 0;
  /** Current index in buf. */
  private pos = 0;
  /** Index in buf before which bytes may be dropped when reading more. */
  private keep = 0;
  private eof = false;
  /** Failed guesses in a row (see guessRecord). */
  private misses = 0;
  private guesses = 0;
  /** Every top-level field `head()` and `rest()` have read, in order, a repeated name included. */
  readonly fieldsRead: ReadField[] = [];

  /** Reads from byte `offset` of the open file `fd` (0 for the top-level object, or where a streamed array starts). */
  constructor(
    private readonly fd: number,
    offset = 0,
  ) {
    this.base = offset;
  }

  /** Records found by guessRecord so far (for tests and diagnostics). */
  get guessed(): number {
    return this.guesses;
  }

  /** File offset of the next unread byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Reads more bytes, keeping buf[keep..len); returns how far indices moved (subtract it). */
  private more(): number {
    if (this.eof) return -1;
    const shift = this.keep;
    if (shift > 0) {
      this.buf.copy(this.buf, 0, shift, this.len);
      this.len -= shift;
      this.pos -= shift;
      this.keep = 0;
      this.base += shift;
    }
    if (this.len === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    const n = fs.readSync(
      this.fd,
      this.buf,
      this.len,
      this.buf.length - this.len,
      this.base + this.len,
    );
    if (n === 0) this.eof = true;
    this.len += n;
    return shift;
  }

  private fail(what: string, at: number = this.pos): never {
    throw new BundleSyntaxError(`${what} at byte ${this.base + at}`);
  }

  /** The next non-whitespace byte (pos on it), or -1 at the end of the file. */
  private peek(): number {
    for (;;) {
      while (this.pos < this.len) {
        const c = this.buf[this.pos]!;
        if (!WS(c)) return c;
        this.pos++;
      }
      this.keep = this.pos;
      if (this.more() < 0) return -1;
    }
  }

  private expect(byte: number, what: string): void {
    if (this.peek() !== byte)
      this.fail(
        this.pos < this.len ? `expected ${what}` : `unexpected end of file, expected ${what}`,
      );
    this.pos++;
  }

  /** Scans the value starting at pos (after whitespace); returns its [start, end) indices in buf, valid until the next read. */
  private scanValue(): [number, number] {
    const first = this.peek();
    if (first < 0) this.fail('unexpected end of file, expected a value');
    this.keep = this.pos;
    return this.scan(
      this.pos,
      this.pos,
      0,
      false,
      first !== 0x7b && first !== 0x5b && first !== 0x22,
    );
  }

  /** The scanning loop, its state carried over each read. */
  private scan(
    start: number,
    i: number,
    depth: number,
    inString: boolean,
    scalar: boolean,
  ): [number, number] {
    for (;;) {
      const buf = this.buf;
      const len = this.len;
      while (i < len) {
        const c = buf[i]!;
        if (inString) {
          if (c === 0x22) {
            inString = false;
            if (depth === 0) return this.done(start, i + 1);
          } else if (c === 0x5c) {
            if (i + 1 >= len) break;
            i++;
          }
        } else if (scalar) {
          if (c === 0x2c || c === 0x7d || c === 0x5d || WS(c)) return this.done(start, i);
        } else if (c === 0x22) {
          inString = true;
        } else if (c === 0x7b || c === 0x5b) {
          depth++;
        } else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) return this.done(start, i + 1);
        }
        i++;
      }
      this.pos = i;
      const shift = this.more();
      if (shift < 0) {
        if (scalar) return this.done(start, i);
        this.fail('unexpected end of file inside a value');
      }
      i -= shift;
      start -= shift;
    }
  }

  private done(start: number, end: number): [number, number] {
    this.pos = end;
    return [start, end];
  }

  private parse(start: number, end: number): ParsedValue {
    const bytes = this.buf.subarray(start, end);
    // decodeUtf8 drops a leading byte order mark (as a file's), which no JSON value starts with.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      this.fail('unexpected byte order mark', start);
    const text = decodeUtf8(bytes);
    return { text, value: JSON.parse(text ?? bytes.toString('utf8')) };
  }

  /** Parses a field's value and records the field. */
  private field(name: ParsedValue, fields: Map<string, unknown>): void {
    const [vs, ve] = this.scanValue();
    const value = this.parse(vs, ve);
    this.fieldsRead.push({ name, value });
    fields.set(name.value as string, value.value);
  }

  /**
   * Reads the opening `{` and the fields before `stop`. When `stop` holds an array, stops there
   * (`found`; `offset` is where the array starts); else reads the whole object.
   */
  head(stop: string): { fields: Map<string, unknown>; found: boolean } {
    this.expect(0x7b, '"{"');
    const fields = new Map<string, unknown>();
    if (this.peek() === 0x7d) {
      this.pos++;
      this.end();
      return { fields, found: false };
    }
    for (;;) {
      const name = this.fieldName();
      if (name.value === stop && this.peek() === 0x5b) {
        this.fieldsRead.push({ name, value: null });
        return { fields, found: true };
      }
      this.field(name, fields);
      if (!this.next()) return { fields, found: false };
    }
  }

  /** Skips one value without parsing it. */
  skipValue(): void {
    this.scanValue();
  }

  /** After the streamed array (or a skipped value): the remaining fields, to the end of the file. */
  rest(): Map<string, unknown> {
    const fields = new Map<string, unknown>();
    while (this.next()) this.field(this.fieldName(), fields);
    return fields;
  }

  /** The records of the array at the current position, each parsed, with its byte range. */
  *records(): Generator<StreamedRecord> {
    this.expect(0x5b, '"["');
    if (this.peek() === 0x5d) {
      this.pos++;
      return;
    }
    for (;;) {
      const guessed = this.guessRecord();
      if (guessed) yield guessed;
      else {
        const [s, e] = this.scanValue();
        const start = this.base + s;
        const end = this.base + e;
        yield { ...this.parse(s, e), start, end };
      }
      const c = this.peek();
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        return;
      }
      this.fail(c < 0 ? 'unexpected end of file, expected "," or "]"' : 'expected "," or "]"');
    }
  }

  /**
   * The fast path of `records()`: a record that ends with a list of objects and is followed by
   * another record ends in the bytes `}]},{"` (a bundle's sources end with their claims). Such a
   * record is found with one search (native, many times faster than the byte scanner) and taken
   * when JSON.parse accepts the bytes up to there: a JSON text that starts with `{` and parses
   * whole ends at that object's own closing brace, so the guess is then exactly the record. When
   * the guess fails (no such ending within reach, or a list of objects ending inside the record),
   * the scanner reads the record; after GUESS_TRIES failures in a row the guessing stops.
   */
  private guessRecord(): StreamedRecord | null {
    if (this.misses >= GUESS_TRIES || this.peek() !== 0x7b) return null;
    let s = this.pos;
    this.keep = s;
    let from = s;
    for (;;) {
      const at = this.buf.subarray(0, this.len).indexOf(RECORD_END, from);
      if (at >= 0) {
        const e = at + 3;
        let parsed: ParsedValue;
        try {
          parsed = this.parse(s, e);
        } catch {
          break;
        }
        this.misses = 0;
        this.guesses++;
        this.pos = e;
        return { ...parsed, start: this.base + s, end: this.base + e };
      }
      // Not in the buffer: read on, within the buffer's size (a larger record is left to the scanner).
      if (this.eof || this.len - s > this.buf.length / 2) break;
      from = Math.max(s, this.len - RECORD_END.length + 1);
      const shift = this.more();
      if (shift < 0) break;
      s -= shift;
      from -= shift;
    }
    this.misses++;
    this.pos = s;
    return null;
  }

  private fieldName(): ParsedValue {
    const [ks, ke] = this.scanValue();
    if (this.buf[ks] !== 0x22) this.fail('expected a field name', ks);
    const name = this.parse(ks, ke);
    this.expect(0x3a, '":"');
    return name;
  }

  /** After a field: true when another follows (`,`), false at the closing `}` (then checks the end of the file). */
  private next(): boolean {
    const c = this.peek();
    if (c === 0x2c) {
      this.pos++;
      return true;
    }
    if (c === 0x7d) {
      this.pos++;
      this.end();
      return false;
    }
    return this.fail(c < 0 ? 'unexpected end of file, expected "," or "}"' : 'expected "," or "}"');
  }

  private end(): void {
    if (this.peek() >= 0) this.fail('unexpected data after the end of the JSON value');
  }
}
