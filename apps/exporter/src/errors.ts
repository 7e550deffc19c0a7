/**
 * The two kinds of failure the exporter reports. Both carry a one-line message for the user that
 * names the flag or file and the fix; the CLI prints it without a stack trace.
 */

/** Bad arguments or a bad place to write: the user must change the command (exit code 2). */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The export could not be completed (disk full, a reader failed…): exit code 1. */
export class ExportError extends Error {
  readonly exitCode = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExportError';
  }
}

/** One line describing any thrown value, for the user. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
