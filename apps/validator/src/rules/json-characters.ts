import { badCharacters } from '@encrochat-ledger/core';
import type { FileRule } from '../rule.js';

/**
 * JSON003: no NUL and no lone surrogate in any string or key. Both can only be written as escapes
 * (`\u0000`, `\ud800`): a NUL ends the text in C programs, databases and CSV readers, and half a
 * UTF-16 pair is no character at all (UTF-8 writers replace or refuse it).
 */
export const jsonCharacters: FileRule = {
  code: 'JSON003',
  title: 'NUL or lone surrogate in text',
  severity: 'error',
  scope: 'file',
  check: badCharacters,
};
