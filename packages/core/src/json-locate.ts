/**
 * A JSON reader that keeps positions: where each JSON Pointer starts (line and column), which keys
 * appear twice in one object, and where a syntax error is. Iterative, so deep nesting cannot
 * overflow the stack. Used only for files that need it (a syntax error, a finding, a suspected
 * duplicate key), so the fast path stays `JSON.parse`.
 */
import { escapePointerToken } from './json-pointer.js';
import type { Position } from './problem.js';

export interface DuplicateKey {
  /** Pointer of the second occurrence. */
  pointer: string;
  key: string;
  first: Position;
  second: Position;
}

export interface Located {
  positions: Map<string, Position>;
  duplicates: DuplicateKey[];
  syntaxError?: { message: string; position: Position };
}

/**
 * Positions are recorded down to this depth. Deeper values resolve to their nearest recorded
 * ancestor, which keeps pathological nesting (thousands of levels) linear instead of quadratic.
 */
export const MAX_DEPTH = 64;

/** Maps character offsets to 1-based line and column (binary search over the line starts). */
export function positioner(text: string): (offset: number) => Position {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return { line: lo + 1, column: offset - (lo === 0 ? -1 : newlines[lo - 1]!) };
  };
}

type Frame =
  | {
      kind: 'object';
      pointer: string | null;
      keys: Map<string, number>;
      state: 'key-or-end' | 'key' | 'colon' | 'value' | 'comma-or-end';
      key?: string;
    }
  | {
      kind: 'array';
      pointer: string | null;
      index: number;
      state: 'value-or-end' | 'value' | 'comma-or-end';
    };

export function locate(text: string): Located {
  const positions = new Map<string, Position>();
  const duplicates: DuplicateKey[] = [];
  const pos = positioner(text);
  // Offsets are resolved to line/column lazily at the end, in one pass.
  const offsets = new Map<string, number>();
  const stack: Frame[] = [];
  let i = 0;
  const n = text.length;
  const fail = (message: string, at: number): Located => {
    for (const [p, o] of offsets) positions.set(p, pos(o));
    return { positions, duplicates, syntaxError: { message, position: pos(Math.min(at, n)) } };
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const readString = (): string | null => {
    // text[i] === '"'
    let j = i + 1;
    let out = '';
    let start = j;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 34) {
        out += text.slice(start, j);
        i = j + 1;
        return out;
      }
      if (c === 92) {
        out += text.slice(start, j);
        const e = text[j + 1];
        if (e === 'u') {
          const hex = text.slice(j + 2, j + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
          out += String.fromCharCode(parseInt(hex, 16));
          j += 6;
        } else {
          const map: Record<string, string> = {
            '"': '"',
            '\\': '\\',
            '/': '/',
            b: '\b',
            f: '\f',
            n: '\n',
            r: '\r',
            t: '\t',
          };
          if (e === undefined || !(e in map)) return null;
          out += map[e];
          j += 2;
        }
        start = j;
        continue;
      }
      if (c < 32) return null;
      j++;
    }
    return null;
  };
  const scalar = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/;
  const childPointer = (): string | null => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.pointer === null || stack.length >= MAX_DEPTH) return null;
    return top.kind === 'object'
      ? `${top.pointer}/${escapePointerToken(top.key!)}`
      : `${top.pointer}/${top.index}`;
  };
  // Parse a value at i (after whitespace); containers push a frame.
  const value = (): string | null => {
    const pointer = childPointer();
    if (pointer !== null) offsets.set(pointer, i);
    const c = text[i];
    if (c === '{') {
      i++;
      stack.push({ kind: 'object', pointer, keys: new Map(), state: 'key-or-end' });
      return null;
    }
    if (c === '[') {
      i++;
      stack.push({ kind: 'array', pointer, index: 0, state: 'value-or-end' });
      return null;
    }
    if (c === '"') {
      if (readString() === null)
        return 'invalid string (an unescaped control character or a bad escape)';
      return null;
    }
    const m = scalar.exec(text.slice(i, i + 400));
    if (!m)
      return c === undefined
        ? 'unexpected end of file'
        : `unexpected character ${JSON.stringify(c)}`;
    i += m[0].length;
    return null;
  };
  ws();
  if (i >= n) return fail('empty document', 0);
  const err = value();
  if (err) return fail(err, i);
  while (stack.length) {
    ws();
    const top = stack[stack.length - 1]!;
    const c = text[i];
    if (top.kind === 'object') {
      if (top.state === 'key-or-end' || top.state === 'key') {
        if (c === '}' && top.state === 'key-or-end') {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c !== '"')
          return fail(
            top.state === 'key'
              ? 'expected a key after the comma (a trailing comma?)'
              : 'expected a key or }',
            i,
          );
        const at = i;
        const key = readString();
        if (key === null) return fail('invalid string in a key', at);
        const seen = top.keys.get(key);
        if (seen !== undefined)
          duplicates.push({
            pointer: top.pointer === null ? '' : `${top.pointer}/${escapePointerToken(key)}`,
            key,
            first: pos(seen),
            second: pos(at),
          });
        else top.keys.set(key, at);
        top.key = key;
        top.state = 'colon';
      } else if (top.state === 'colon') {
        if (c !== ':') return fail('expected : after the key', i);
        i++;
        ws();
        top.state = 'comma-or-end';
        const e = value();
        if (e) return fail(e, i);
        if (stack[stack.length - 1] === top) continue;
      } else {
        if (c === ',') {
          i++;
          top.state = 'key';
        } else if (c === '}') {
          i++;
          stack.pop();
          afterValue();
        } else
          return fail(
            c === undefined
              ? 'unexpected end of file (a missing })'
              : 'expected , or } (a missing comma?)',
            i,
          );
      }
    } else {
      if (top.state === 'value-or-end' && c === ']') {
        i++;
        stack.pop();
        afterValue();
        continue;
      }
      if (top.state === 'value-or-end' || top.state === 'value') {
        if (c === ']') return fail('expected a value after the comma (a trailing comma?)', i);
        top.state = 'comma-or-end';
        const e = value();
        if (e) return fail(e, i);
      } else {
        if (c === ',') {
          i++;
          top.index++;
          top.state = 'value';
        } else if (c === ']') {
          i++;
          stack.pop();
          afterValue();
        } else
          return fail(
            c === undefined
              ? 'unexpected end of file (a missing ])'
              : 'expected , or ] (a missing comma?)',
            i,
          );
      }
    }
  }
  ws();
  if (i < n) return fail('unexpected text after the end of the document', i);
  for (const [p, o] of offsets) positions.set(p, pos(o));
  return { positions, duplicates };

  function afterValue() {
    /* the parent frame's state already expects a comma or the end */
  }
}
