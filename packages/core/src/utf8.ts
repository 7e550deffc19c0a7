/** UTF-8, as data files must be written: decoding without a byte order mark, and the first bad byte. */

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of UTF-8 bytes, or null when they are not valid UTF-8. The lenient native decoder writes
 * U+FFFD for every bad sequence; only a text that holds one (bad bytes, or a real U+FFFD) is decoded
 * again strictly to tell which. Like TextDecoder, a byte order mark is dropped (the checks report it
 * from the bytes).
 */
export function decodeUtf8(bytes: Buffer): string | null {
  const text = bytes.toString('utf8');
  if (!text.includes('\uFFFD')) return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead byte, and the smallest code point that needs them.
    let n: number, min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
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
