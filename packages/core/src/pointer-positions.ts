/**
 * Where a few JSON Pointers start in a document that JSON.parse accepted, without reading the whole
 * document as `locate` does: each pointer is followed from the root, and every member or item not on
 * its path is skipped (strings by `indexOf`). A finding needs the position of one or two pointers of
 * its file, so this reads a fraction of the text and allocates almost nothing.
 *
 * Same answers as `locate(text).positions` for a document without duplicate keys (a test checks it):
 * a pointer's position is where its value starts, a pointer that does not exist gets its nearest
 * existing ancestor's, and positions stop at the same depth.
 */
import { MAX_DEPTH } from './json-locate.js';
import { escapePointerToken, unescapePointerToken } from './json-pointer.js';
import type { Position } from './problem.js';

const QUOTE = 34;
const BACKSLASH = 92;

function skipWhitespace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** The index just after the string that starts at `i` (text[i] is its opening quote). */
function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j === -1) return text.length;
    let backslashes = 0;
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return j + 1;
    j++;
  }
}

/** The index just after the value that starts at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let j = i; j < text.length;) {
      const d = text.charCodeAt(j);
      if (d === QUOTE) j = skipString(text, j);
      else {
        if (d === 123 || d === 91) depth++;
        else if (d === 125 || d === 93) {
          depth--;
          if (depth === 0) return j + 1;
        }
        j++;
      }
    }
    return text.length;
  }
  let j = i;
  for (;;) {
    const d = text.charCodeAt(j);
    if (
      d === 44 ||
      d === 125 ||
      d === 93 ||
      d === 32 ||
      d === 10 ||
      d === 13 ||
      d === 9 ||
      Number.isNaN(d)
    )
      return j;
    j++;
  }
}

/** The key of the string at `i` (escapes decoded only when there are any). */
function keyAt(text: string, i: number, end: number): string {
  const raw = text.slice(i + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
}

/**
 * What the search learnt in one document: offsets of pointers found, the last item reached in each
 * array, and where the reading of each object's members stopped (-1 once all were read).
 */
interface Search {
  offsets: Map<string, number>;
  cursors: Map<string, { index: number; at: number }>;
  members: Map<string, number>;
}

/**
 * The offset of the member `key` of the object at `at` (whose pointer is `prefix`), or -1. Every
 * member read on the way is remembered, and the next search in the same object goes on from where
 * this one stopped: an object is read once however many of its members are asked for (100,000
 * unknown keys, each with a finding, would otherwise be read 100,000 times).
 */
function memberOffset(
  text: string,
  at: number,
  key: string,
  prefix: string,
  search: Search,
): number {
  let i = search.members.get(prefix) ?? skipWhitespace(text, at + 1);
  while (i !== -1 && text.charCodeAt(i) === QUOTE) {
    const keyEnd = skipString(text, i);
    const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
    const member = keyAt(text, i, keyEnd);
    const child = `${prefix}/${escapePointerToken(member)}`;
    // The first of a repeated key, as a search from the start would find.
    if (!search.offsets.has(child)) search.offsets.set(child, valueStart);
    i = skipWhitespace(text, skipValue(text, valueStart));
    i = text.charCodeAt(i) === 44 ? skipWhitespace(text, i + 1) : -1;
    if (member === key) {
      search.members.set(prefix, i);
      return search.offsets.get(child)!;
    }
  }
  search.members.set(prefix, -1);
  return -1;
}

/** The offset of item `index` of the array at `at` (starting from the cursor when it is not past it), or -1. */
function itemOffset(
  text: string,
  at: number,
  index: number,
  cursor: { index: number; at: number } | undefined,
): number {
  let k = 0;
  let i = skipWhitespace(text, at + 1);
  if (text.charCodeAt(i) === 93) return -1;
  if (cursor && cursor.index <= index) ({ index: k, at: i } = cursor);
  for (; k < index; k++) {
    i = skipWhitespace(text, skipValue(text, i));
    if (text.charCodeAt(i) !== 44) return -1;
    i = skipWhitespace(text, i + 1);
  }
  return i;
}

/** The offset where the value at `pointer` starts: the deepest existing ancestor's when it does not exist. */
function offsetOf(text: string, pointer: string, search: Search): number {
  let at = skipWhitespace(text, 0);
  if (pointer === '') return at;
  const segments = pointer.slice(1).split('/');
  let prefix = '';
  for (let depth = 0; depth < segments.length && depth + 1 < MAX_DEPTH; depth++) {
    const child = `${prefix}/${segments[depth]!}`;
    let found = search.offsets.get(child);
    if (found === undefined) {
      const segment = unescapePointerToken(segments[depth]!);
      const open = text.charCodeAt(at);
      found = -1;
      if (open === 123) found = memberOffset(text, at, segment, prefix, search);
      else if (open === 91 && /^(?:0|[1-9]\d*)$/.test(segment)) {
        const index = Number(segment);
        found = itemOffset(text, at, index, search.cursors.get(prefix));
        if (found !== -1) search.cursors.set(prefix, { index, at: found });
      }
      search.offsets.set(child, found);
    }
    if (found === -1) return at;
    at = found;
    prefix = child;
  }
  return at;
}

/** Orders pointers so that the items of an array are reached in ascending order. */
function compareSegments(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const m = Number(x[i]);
    const n = Number(y[i]);
    if (Number.isInteger(m) && Number.isInteger(n)) return m - n;
    return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/** 1-based line and column of each offset (one pass over the text up to the last offset). */
function positionsOf(text: string, offsets: number[]): Position[] {
  const order = offsets.map((o, k) => k).sort((a, b) => offsets[a]! - offsets[b]!);
  const result: Position[] = new Array(offsets.length);
  let line = 1;
  let lineStart = 0;
  for (const k of order) {
    const offset = offsets[k]!;
    for (
      let nl = text.indexOf('\n', lineStart);
      nl !== -1 && nl < offset;
      nl = text.indexOf('\n', lineStart)
    ) {
      line++;
      lineStart = nl + 1;
    }
    result[k] = { line, column: offset - lineStart + 1 };
  }
  return result;
}

/** Line and column of each pointer in `text`, which must be JSON that JSON.parse accepts. */
export function pointerPositions(text: string, pointers: readonly string[]): Map<string, Position> {
  const unique = [...new Set(pointers)].sort(compareSegments);
  const search: Search = { offsets: new Map(), cursors: new Map(), members: new Map() };
  const positions = positionsOf(
    text,
    unique.map((p) => offsetOf(text, p, search)),
  );
  return new Map(unique.map((p, k) => [p, positions[k]!]));
}
