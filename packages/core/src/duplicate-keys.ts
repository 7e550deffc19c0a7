/**
 * Whether JSON.parse silently dropped a repeated key: a cheap count over the text and the value, so
 * that only a file with a repeat needs the locating reader (`locate(text).duplicates`).
 */

/**
 * Counts object members in the text (colons outside strings), with one pass that jumps from quote
 * to quote. Compared with the members JSON.parse kept, it tells cheaply whether a key was repeated.
 */
export function countMembersInText(text: string): number {
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const q = text.indexOf('"', i);
    const c = text.indexOf(':', i);
    if (c === -1) break;
    if (q === -1 || c < q) {
      count++;
      i = c + 1;
      continue;
    }
    // Skip the string starting at q.
    let j = q + 1;
    for (;;) {
      j = text.indexOf('"', j);
      if (j === -1) return count;
      let backslashes = 0;
      for (let k = j - 1; text.charCodeAt(k) === 92; k--) backslashes++;
      if (backslashes % 2 === 0) break;
      j++;
    }
    i = j + 1;
  }
  return count;
}

const countColons = (text: string): number => {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) count++;
  return count;
};

/** Counts the members of every object in a parsed value (plus the colons of its keys and strings, with `colons`), without recursion. */
export function countMembersInValue(value: unknown, { colons = false } = {}): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (colons) count += countColons(v);
    } else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      count += keys.length;
      for (const k of keys) {
        if (colons) count += countColons(k);
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return count;
}

/**
 * Whether JSON.parse kept every member of `text`. Every colon of the text separates a member or sits
 * in a string, so without repeated keys the text's colons equal the value's members plus the colons
 * of its strings; a repeated key drops a member (and its strings), so the value's count falls short.
 * Counting colons is a native search; only a text that escapes a colon (`\u003a`) needs the member
 * count that skips strings.
 */
export function keptEveryMember(text: string, value: unknown): boolean {
  if (text.includes('\\u003') && /\\u003a/i.test(text))
    return countMembersInText(text) === countMembersInValue(value);
  return countColons(text) === countMembersInValue(value, { colons: true });
}
