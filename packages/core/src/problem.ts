/**
 * One problem in the data, as every tool reports it: the file, the JSON Pointer, the line and column,
 * what was expected and found, and how to fix it. The validator's findings add a rule code and a
 * severity; the dataset build refuses data with a list of these.
 */

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

export interface Problem extends Position {
  /** Path of the file as shown to the user (relative to the working directory), with forward slashes. */
  file: string;
  /** JSON Pointer into the file ('' for the whole document). */
  pointer: string;
  /** What was expected and what was found. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/**
 * One problem a paragraph: `file at /pointer (line L, column C): message`, then the hint. The position
 * is given with the pointer; a problem of the whole file says where it is in its message when it can.
 */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map(
      (p) =>
        `${p.file}${p.pointer ? ` at ${p.pointer} (line ${p.line}, column ${p.column})` : ''}: ${p.message}\n    hint: ${p.hint}`,
    )
    .join('\n');
}

/**
 * The first problem on one line, where it is, its hint and how many others there are: how a tool
 * that refuses data says why (the validator lists them all).
 */
export function firstProblemLine(problems: readonly Problem[]): string {
  const [p] = problems;
  if (!p) return 'no problem';
  const others = problems.length - 1;
  const more = others ? ` (and ${others} more problem${others === 1 ? '' : 's'})` : '';
  return `${p.file}:${p.line}:${p.column}${p.pointer ? ` at ${p.pointer}` : ''}: ${p.message}${more}; hint: ${p.hint}`;
}
