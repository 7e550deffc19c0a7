/** Line and column of JSON Pointers, read from their file's text. */
import type { Located } from './json-locate.js';
import { pointerPositions } from './pointer-positions.js';
import type { Position } from './problem.js';
import type { ParsedFile } from './read-file.js';

/**
 * For each file with problems, where their pointers are. A file that parsed is searched for just those
 * pointers; one that did not (a syntax error), or whose full reading another check already needed,
 * uses the full locating reader. Files not in `read`, or not UTF-8, get no entry (callers use 1:1).
 */
export function positionsByFile<F>(
  wanted: readonly { file: F; pointer: string }[],
  read: ReadonlyMap<F, ParsedFile>,
): Map<F, (pointer: string) => Position> {
  const pointers = new Map<F, string[]>();
  for (const { file, pointer } of wanted) {
    if (!read.has(file)) continue;
    const list = pointers.get(file);
    if (list) list.push(pointer);
    else pointers.set(file, [pointer]);
  }
  const result = new Map<F, (pointer: string) => Position>();
  for (const [file, list] of pointers) {
    const parsed = read.get(file)!;
    const text = parsed.text;
    if (!text) continue;
    if (parsed.parsed && !parsed.located()) {
      const found = pointerPositions(text, list);
      result.set(file, (p) => found.get(p)!);
    } else result.set(file, (p) => positionOf(parsed.locate(), p));
  }
  return result;
}

/** The nearest pointer with a known position: the pointer itself, else its closest ancestor. */
function positionOf(located: Located, pointer: string): Position {
  let p = pointer;
  for (;;) {
    const pos = located.positions.get(p);
    if (pos) return pos;
    if (p === '') return { line: 1, column: 1 };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
