/** What the validator reports: one problem (see @encrochat-ledger/core), with the rule that found it. */
import type { Problem } from '@encrochat-ledger/core';

export type { Position } from '@encrochat-ledger/core';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found by a rule: the file (relative to the working directory, forward slashes), the JSON
 * Pointer, the line and column of the pointer (or of the byte at fault; 1:1 when the whole file is at
 * fault), what was expected and found, and a hint.
 */
export interface Finding extends Problem {
  /** Stable rule code, e.g. `REF001`. */
  code: string;
  severity: Severity;
}
