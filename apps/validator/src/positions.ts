/** Line and column of each finding's JSON Pointer, read from its file's text. */
import type { Position } from './finding.js';
import type { DataFile } from './inputs.js';
import type { Located } from './json-locate.js';
import { pointerPositions } from './pointer-positions.js';
import type { Issue, ParsedFile } from './rule.js';

/**
 * For each file with findings, where their pointers are. A file that parsed is searched for just those
 * pointers; one that did not (a syntax error), or whose full reading another rule already needed,
 * uses the full locating reader.
 */
export function positionsByFile(findings: { file: DataFile; pointer: string; issue: Issue }[], read: Map<DataFile, ParsedFile>): Map<DataFile, (pointer: string) => Position> {
  const pointers = new Map<DataFile, string[]>();
  for (const { file, pointer, issue } of findings) {
    if (issue.line !== undefined || !read.has(file)) continue;
    const list = pointers.get(file);
    if (list) list.push(pointer);
    else pointers.set(file, [pointer]);
  }
  const result = new Map<DataFile, (pointer: string) => Position>();
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
function positionOf(located: Located, pointer: string): { line: number; column: number } {
  let p = pointer;
  for (;;) {
    const pos = located.positions.get(p);
    if (pos) return pos;
    if (p === '') return { line: 1, column: 1 };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

