import type { FileRule } from '../rule.js';

/** JSON001: the file is valid JSON; the error is located to its line and column. */
export const jsonSyntax: FileRule = {
  code: 'JSON001',
  title: 'Invalid JSON',
  severity: 'error',
  scope: 'file',
  check(file, read) {
    if (read.parsed || read.text === null || read.text.trim() === '') return [];
    const error = read.locate().syntaxError;
    const where = error ? `line ${error.position.line}, column ${error.position.column}` : 'unknown position';
    return [
      {
        file,
        pointer: '',
        message: `invalid JSON at ${where}: ${error?.message ?? 'the JSON parser rejected the file'}`,
        hint: 'fix the syntax there (a missing comma, quote or bracket, or a trailing comma); an editor with JSON support shows it',
        ...(error ? { line: error.position.line, column: error.position.column } : {}),
      },
    ];
  },
};
