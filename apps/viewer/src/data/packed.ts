/**
 * Whole numbers of the site data file (dictionary codes, series point indices) packed into one
 * string: each number written with the same count of base-64 digits (`A`–`Z`, `a`–`z`, `0`–`9`,
 * `-`, `_`, most significant first), so `[0, 1, 64]` with two digits each is `"AAABBA"`.
 *
 * Why a string: browsers' JSON.parse builds arrays of numbers slowly. The data file of 100,000
 * claims holds 2.7 million such numbers (9.5 MB as JSON arrays, 0.3–0.5 s to parse in V8 on a
 * busy machine); as strings of digits they parse in about 20 ms, and unpack in about 1 ms a column
 * once the loop is compiled. The digits need no escape in JSON and keep the file ASCII (see
 * `format.ts`).
 */

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Each digit's value, by character code (below 128); 64, a bit no digit has, for the others. */
const NOT_A_DIGIT = 64;
const VALUE = new Uint8Array(128).fill(NOT_A_DIGIT);
for (let d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charCodeAt(d)] = d;

/** Digits per number: 5 hold up to 2^30 - 1, more than a data file has rows. */
const MAX_WIDTH = 5;

export interface PackedInts {
  /** Digits per number. */
  width: number;
  /** The numbers, `width` digits each. */
  digits: string;
}

export class PackedIntsError extends Error {}

/** Packs whole numbers ≥ 0 with as few digits each as the largest needs. */
export function packInts(numbers: ArrayLike<number>): PackedInts {
  let max = 0;
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    if (!Number.isInteger(n) || n < 0)
      throw new PackedIntsError(`cannot pack ${n}: not a whole number ≥ 0`);
    if (n > max) max = n;
  }
  let width = 1;
  while (max >= 64 ** width) width++;
  if (width > MAX_WIDTH)
    throw new PackedIntsError(`cannot pack ${max}: above ${64 ** MAX_WIDTH - 1}`);
  const parts = new Array<string>(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    let n = numbers[i]!;
    let text = '';
    for (let k = 0; k < width; k++) {
      text = DIGITS[n % 64]! + text;
      n = Math.floor(n / 64);
    }
    parts[i] = text;
  }
  return { width, digits: parts.join('') };
}

/** The numbers of `packInts`; a PackedIntsError when the text is not packed numbers. */
export function unpackInts(packed: PackedInts): Int32Array {
  const { width, digits } = packed ?? {};
  if (!Number.isInteger(width) || width < 1 || width > MAX_WIDTH || typeof digits !== 'string')
    throw new PackedIntsError('packed numbers without a width of 1 to 5 and a string of digits');
  if (digits.length % width !== 0)
    throw new PackedIntsError(
      `${digits.length} digits are not a whole count of ${width}-digit numbers`,
    );
  const out = new Int32Array(digits.length / width);
  // Every digit is ORed into `seen`: a character that is not a digit sets NOT_A_DIGIT (checked
  // once, after the loop). The loops are written out so each stays a tight loop over the string.
  let seen = 0;
  if (width === 1)
    for (let i = 0; i < out.length; i++) {
      const c = digits.charCodeAt(i);
      const d = c < 128 ? VALUE[c]! : NOT_A_DIGIT;
      seen |= d;
      out[i] = d;
    }
  else
    for (let i = 0, at = 0; i < out.length; i++) {
      let n = 0;
      for (const end = at + width; at < end; at++) {
        const c = digits.charCodeAt(at);
        const d = c < 128 ? VALUE[c]! : NOT_A_DIGIT;
        seen |= d;
        n = n * 64 + d;
      }
      out[i] = n;
    }
  if (seen & NOT_A_DIGIT)
    throw new PackedIntsError('packed numbers with a character that is not a base-64 digit');
  return out;
}
