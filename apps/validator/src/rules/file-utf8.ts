import type { FileRule } from '../rule.js';

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** FILE003: data files are valid UTF-8. */
export const fileUtf8: FileRule = {
  code: 'FILE003',
  title: 'Invalid UTF-8',
  severity: 'error',
  scope: 'file',
  check(file, { text }) {
    if (text !== null) return [];
    const lo = firstInvalidUtf8(file.bytes);
    const before = file.bytes.subarray(0, lo).toString('latin1');
    const line = before.split('\n').length;
    const column = lo - before.lastIndexOf('\n');
    return [{ file, pointer: '', line, column, message: `invalid UTF-8 at byte ${lo} (line ${line})`, hint: 're-save the file as UTF-8 (it may have been written as Latin-1 or Windows-1252)' }];
  },
};
