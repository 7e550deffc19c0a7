/** The shell: the page context, the router and the views for problems. */
import type { ClaimsTableRow } from '@encrochat-ledger/dataset';
import type { Dataset } from './data/dataset.js';
import { h, link, type Child } from './dom.js';
import { formatEdtf } from './format.js';
import { ClaimQuery } from './query.js';
import { parseHash, type Route, type UrlProblem } from './state.js';

export interface Ctx {
  ds: Dataset;
  query: ClaimQuery;
  /** Phone-width layout. */
  narrow: boolean;
  /** Replaces the address (e.g. after a filter change) without rendering again. */
  replaceHash(hash: string): void;
  /** Adds the address to the history without rendering again, so Back returns to the previous one (filter changes). */
  pushHash(hash: string): void;
}

export interface View {
  title: string;
  body: Child;
  /** Called once the view is in the document; returns true when it has placed the focus itself. */
  mounted?: () => boolean | void;
}

export type Page = (ctx: Ctx, route: Route) => View;

/** A clear message instead of a page: what is wrong and where to go. */
export function problemView(problem: UrlProblem): View {
  return {
    title: problem.title,
    body: h(
      'section',
      { class: 'problem', role: 'alert' },
      h('h1', { tabindex: -1 }, problem.title),
      h(
        'ul',
        null,
        problem.issues.map((i) => h('li', null, i)),
      ),
      h(
        'p',
        null,
        link(problem.fallback as `#/${string}`, problem.fallbackLabel, { class: 'button' }),
        ' ',
        problem.fallback !== '#/' ? link('#/', 'Go to the overview') : null,
      ),
    ),
  };
}

/** "Title — Publisher, 2 July 2020" for a claim's source; `publisher` names it in other words (`publisherName`). */
export function sourceLabel(
  row: Pick<ClaimsTableRow, 'source_title' | 'source_publisher' | 'source_published'>,
  publisher: string | null = row.source_publisher,
): string {
  const parts = [publisher, row.source_published ? formatEdtf(row.source_published) : null].filter(
    Boolean,
  );
  return parts.length ? `${row.source_title} — ${parts.join(', ')}` : row.source_title;
}

const NAV: readonly (readonly [string, string, Route['page'][]])[] = [
  ['#/', 'Overview', ['overview']],
  ['#/charts', 'Over time', ['charts']],
  ['#/disagreements', 'Disagreements', ['disagreements']],
  ['#/claims', 'Claims', ['claims', 'claim']],
  ['#/sources', 'Sources', ['sources', 'source']],
  ['#/timeline', 'Timeline', ['timeline']],
  ['#/download', 'Download', ['download']],
  ['#/about', 'About', ['about']],
];

export function navigation(): HTMLElement {
  return h(
    'nav',
    { 'aria-label': 'Main' },
    h(
      'ul',
      null,
      NAV.map(([href, label]) => h('li', null, h('a', { href, 'data-nav': label }, label))),
    ),
  );
}

function markCurrent(page: Route['page'] | null): void {
  for (const [, label, pages] of NAV) {
    const a = document.querySelector(`a[data-nav="${label}"]`);
    if (!a) continue;
    if (page && pages.includes(page)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

export class Router {
  private rendering = false;
  constructor(
    private readonly main: HTMLElement,
    private readonly ctx: Ctx,
    private readonly pages: Record<Route['page'], Page>,
  ) {}

  start(): void {
    window.addEventListener('hashchange', () => this.render(false));
    this.render(true);
  }

  render(initial: boolean): void {
    if (this.rendering) return;
    this.rendering = true;
    try {
      const parsed = parseHash(location.hash);
      let view: View;
      if (!parsed.ok) view = problemView(parsed.problem);
      else {
        try {
          view = this.pages[parsed.route.page](this.ctx, parsed.route);
        } catch (error) {
          console.warn(error);
          view = problemView({
            title: 'This page could not be shown',
            issues: [`Something went wrong while building it: ${(error as Error).message}`],
            fallback: '#/',
            fallbackLabel: 'Go to the overview',
          });
        }
      }
      this.main.replaceChildren();
      const body = h('div', { class: 'view' }, view.body);
      this.main.append(body);
      document.title = `${view.title} · encrochat-ledger`;
      markCurrent(parsed.ok ? parsed.route.page : null);
      const focused = view.mounted?.() === true;
      if (!initial && !focused) {
        window.scrollTo(0, 0);
        const heading = this.main.querySelector('h1');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: true });
        }
      }
    } finally {
      this.rendering = false;
    }
  }
}
