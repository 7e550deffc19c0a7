import type { FileRule } from '../rule.js';

/** FILE002: no byte order mark (it is invisible, and some JSON readers reject it). */
export const fileBom: FileRule = {
  code: 'FILE002',
  title: 'Byte order mark',
  severity: 'error',
  scope: 'file',
  check(file) {
    const b = file.bytes;
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
      return [{ file, pointer: '', line: 1, column: 1, message: 'the file starts with a UTF-8 byte order mark (EF BB BF)', hint: 'save the file as UTF-8 without BOM' }];
    return [];
  },
};
