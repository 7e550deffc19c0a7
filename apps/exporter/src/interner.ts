/**
 * Shares equal values among many kept rows: every string read from a bundle is a fresh copy, so a
 * million rows kept for the series would hold a million copies of `"united-kingdom"`. An Interner
 * hands out one copy of each equal string, and one (frozen) array of each equal list.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

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
}
