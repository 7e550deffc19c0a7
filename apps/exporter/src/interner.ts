/**
 * Shares equal values among many kept rows: every string read from a bundle is a fresh copy, so a
 * million rows kept for the series would hold a million copies of `"united-kingdom"`. An Interner
 * hands out one copy of each equal string, and one (frozen) array of each equal list.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();
  /** A number for each value given to `key`. */
  private readonly numbers = new Map<string | readonly string[] | null, number>();

  /** The shared copy of `text`. */
  string<T extends string | null>(text: T): T {
    if (text === null) return text;
    const shared = this.strings.get(text);
    if (shared !== undefined) return shared as T;
    this.strings.set(text, text);
    return text;
  }

  /** The shared copy of a list (frozen: it must not be changed); null stays null. */
  list<T extends readonly string[] | null>(items: T): T {
    if (items === null) return items;
    const key = items.join('\u0000');
    const shared = this.lists.get(key);
    if (shared !== undefined) return shared as unknown as T;
    const copy = Object.freeze(items.map((item) => this.string(item)));
    this.lists.set(key, copy);
    return copy as unknown as T;
  }

  /**
   * A short string, equal for equal lists of `values` (strings, lists shared by `list`, or null):
   * each value is numbered once, and the key holds one UTF-16 unit per value (three past 0xfffe,
   * after a marker, so that no key is a prefix of another). Cheaper to hash than the values joined.
   */
  key(values: readonly (string | readonly string[] | null)[]): string {
    let key = '';
    for (const value of values) {
      let n = this.numbers.get(value);
      if (n === undefined) this.numbers.set(value, (n = this.numbers.size));
      key +=
        n < 0xffff ? String.fromCharCode(n) : String.fromCharCode(0xffff, n >>> 16, n & 0xffff);
    }
    return key;
  }
}
