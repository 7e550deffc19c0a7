/**
 * DOM building without HTML parsing: every string becomes a text node or an attribute value, so data
 * can never become markup. Links to other sites go through `externalLink`, which only links http(s).
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
    return;
  }
  parent.appendChild(
    typeof child === 'object' ? (child as Node) : document.createTextNode(String(child)),
  );
}

function setAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') {
      el.addEventListener(name.replace(/^on/, ''), value as EventListener);
      continue;
    }
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name))
      throw new Error(`event handlers are functions, not attributes (${name})`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

/** An HTML element: `h('p', { class: 'x' }, 'text', child)`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  for (const c of children) append(el, c);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  for (const c of children) append(el, c);
  return el;
}

/** The URL if it is an absolute http(s) address, else null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim())) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to another site when the address is http(s); otherwise the text alone. */
export function externalLink(
  url: string | null | undefined,
  text: Child,
  attrs: Attrs = {},
): HTMLElement {
  const href = safeUrl(url);
  if (!href) return h('span', { class: 'no-link' }, text);
  return h(
    'a',
    { ...attrs, href, rel: 'noopener noreferrer', class: `external ${attrs.class ?? ''}`.trim() },
    text,
  );
}

/** A link inside the viewer (a hash route built by `state.ts`). */
export function link(hash: string, text: Child, attrs: Attrs = {}): HTMLAnchorElement {
  if (!hash.startsWith('#/')) throw new Error(`internal links are hash routes (${hash})`);
  return h('a', { ...attrs, href: hash }, text);
}

/** A BCP 47 tag safe to put in `lang`, or null. */
export function langTag(tag: string | null | undefined): string | null {
  return typeof tag === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : null;
}

/** Cuts long text for lists (the full text is on the claim page). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Replaces the children of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  for (const c of children) append(el, c);
}

/** A horizontally scrollable region around a wide table, reachable by keyboard. */
export function scroller(label: string, table: HTMLElement): HTMLElement {
  return h('div', { class: 'scroller', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}

/** A select with options; `value` is the selected one. */
export function select(
  attrs: Attrs,
  options: readonly (readonly [value: string, label: string])[],
  value: string | undefined,
): HTMLSelectElement {
  const el = h('select', attrs);
  for (const [v, label] of options) {
    const option = h('option', { value: v }, label);
    if (v === (value ?? '')) option.selected = true;
    el.appendChild(option);
  }
  return el;
}
