/** What the validator reports: one problem, where it is, and how to fix it. */
export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  line: number;
  column: number;
}

export interface Finding {
  /** Stable rule code, e.g. `REF001`. */
  code: string;
  severity: Severity;
  /** Path of the file, relative to the working directory, with forward slashes. */
  file: string;
  /** JSON Pointer into the file ('' for the whole document). */
  pointer: string;
  /** 1-based line and column of the pointer (or of the byte at fault); 1:1 when the whole file is at fault. */
  line: number;
  column: number;
  /** What was expected and what was found. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** A finding before its position is resolved from its pointer. */
export type Draft = Omit<Finding, 'line' | 'column' | 'severity'> & Partial<Position> & { severity?: Severity };
