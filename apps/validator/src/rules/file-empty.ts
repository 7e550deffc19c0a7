import type { FileRule } from '../rule.js';

/** FILE001: a data file must not be empty (or only white space). */
export const fileEmpty: FileRule = {
  code: 'FILE001',
  title: 'Empty file',
  severity: 'error',
  scope: 'file',
  check(file, { text }) {
    if (file.bytes.length === 0 || (text !== null && text.trim() === ''))
      return [{ file, pointer: '', message: 'the file is empty; expected one JSON record', hint: 'write the record, or delete the file (withdraw a released record instead of deleting it)' }];
    return [];
  },
};
