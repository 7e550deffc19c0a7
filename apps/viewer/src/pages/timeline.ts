/**
 * Timeline of events: infiltration, warning, shutdown, announcements, rulings — each with its
 * sources. A list of years jumps to each year (`#/timeline?year=2021`), a search keeps the events
 * whose title, description, court case, place or sources hold every word typed, and the kind of
 * event narrows the list.
 */
import { problemView, type Ctx, type View } from '../app.js';
import { onChoice } from '../controls.js';
import { h, langTag, link, replace, select } from '../dom.js';
import { count, edtfSortKey, formatEdtf, formatNumber, vocabularyLabel } from '../format.js';
import { fold } from '../query.js';
import { sourceHash, toHash, type Route, type TimelineParams } from '../state.js';
import type { Event } from '@encrochat-ledger/dataset';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function timelinePage(ctx: Ctx, route: Route): View {
  const { ds } = ctx;
  const params = { ...(route as { params: TimelineParams }).params };
  const kinds = [...new Set(ds.events.map((e) => e.kind))].sort();
  if (params.kind && !kinds.includes(params.kind as Event['kind']))
    return problemView({
      title: 'No such kind of event',
      issues: [`No event in this dataset is of kind “${params.kind}”.`],
      fallback: '#/timeline',
      fallbackLabel: 'Show all events',
    });
  if (params.event && !ds.eventsById.has(params.event))
    return problemView({
      title: 'No such event',
      issues: [`There is no event “${params.event}” in this dataset.`],
      fallback: '#/timeline',
      fallbackLabel: 'Show all events',
    });
  const events = [...ds.events].sort(
    (a, b) => edtfSortKey(a.date).localeCompare(edtfSortKey(b.date)) || a.id.localeCompare(b.id),
  );
  const yearOf = (e: Event) => edtfSortKey(e.date).slice(0, 4) || 'Undated';
  // What the search reads, once per event.
  const text = new Map(
    events.map((e) => {
      const sources = e.sources.map((s) => {
        const source = ds.sourcesById.get(s.source);
        return [source?.publisher, source?.title, s.quote].filter(Boolean).join(' ');
      });
      const court = e.court_case
        ? [
            e.court_case.court ? ds.organisationName(e.court_case.court) : null,
            e.court_case.citation,
            e.court_case.outcome,
          ]
        : [];
      return [
        e.id,
        fold(
          [
            e.title,
            e.description,
            e.kind,
            formatEdtf(e.date),
            e.place ? ds.placeName(e.place) : null,
            ...court,
            ...sources,
          ]
            .filter(Boolean)
            .join(' '),
        ),
      ];
    }),
  );

  const kind = select(
    { id: 't-kind', 'aria-describedby': 't-kind-keys' },
    [['', 'All events'], ...kinds.map((k) => [k, vocabularyLabel(k)] as [string, string])],
    params.kind,
  );
  const kindPending = h('span', { class: 'pending-note', hidden: true }, 'Press Enter to apply');
  const search = h('input', {
    type: 'search',
    id: 't-q',
    value: params.q ?? '',
    maxlength: 200,
    autocomplete: 'off',
    placeholder: 'e.g. Venetic, Court of Appeal, Lille',
  });
  const status = h('p', { class: 'result-count', role: 'status', id: 'timeline-count' });
  const years = h('ul', { class: 'year-list' });
  const list = h('div', { class: 'timeline' });

  const sectionId = (year: string) => `y-${year}`;
  const jumpTo = (year: string, smooth: boolean) => {
    const heading = document.getElementById(sectionId(year));
    if (!heading) return false;
    heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    heading.focus({ preventScroll: true });
    return true;
  };
  const address = () => toHash('timeline', { kind: params.kind, q: params.q, year: params.year });

  const draw = () => {
    const words = fold(params.q ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const shown = events.filter(
      (e) =>
        (!params.kind || e.kind === params.kind) && words.every((w) => text.get(e.id)!.includes(w)),
    );
    const all = events.filter((e) => !params.kind || e.kind === params.kind).length;
    status.textContent =
      shown.length === all
        ? `${count(shown.length, 'event')}.`
        : `${count(shown.length, 'event')} of ${formatNumber(all)} match “${params.q}”.`;
    for (const option of kind.options) {
      const n = option.value
        ? events.filter(
            (e) => e.kind === option.value && words.every((w) => text.get(e.id)!.includes(w)),
          ).length
        : events.filter((e) => words.every((w) => text.get(e.id)!.includes(w))).length;
      option.textContent = `${option.value ? vocabularyLabel(option.value) : 'All events'} (${formatNumber(n)})`;
    }
    const byYear = new Map<string, Event[]>();
    for (const e of shown) byYear.set(yearOf(e), [...(byYear.get(yearOf(e)) ?? []), e]);
    replace(
      years,
      [...byYear].map(([year, items]) => {
        const a = link(toHash('timeline', { kind: params.kind, q: params.q, year }), year, {
          'data-year': year,
          'aria-label': `${year}: ${count(items.length, 'event')}`,
        });
        a.addEventListener('click', (e) => {
          e.preventDefault();
          params.year = year;
          params.event = undefined;
          ctx.replaceHash(address());
          jumpTo(year, true);
        });
        return h(
          'li',
          null,
          a,
          h('span', { class: 'muted', 'aria-hidden': 'true' }, ` ${formatNumber(items.length)}`),
        );
      }),
    );
    replace(
      list,
      shown.length
        ? null
        : h(
            'p',
            { class: 'notice' },
            'No event matches. Search for fewer words, or choose all events.',
          ),
      [...byYear].map(([year, items]) =>
        h(
          'section',
          { class: 'year', 'aria-labelledby': sectionId(year) },
          h('h2', { id: sectionId(year) }, year),
          h(
            'ol',
            { class: 'events' },
            items.map((e) =>
              h(
                'li',
                {
                  class: `event kind-${e.kind}${e.withdrawn ? ' withdrawn' : ''}`,
                  id: `event-${e.id}`,
                  'data-event': e.id,
                  tabindex: params.event === e.id ? -1 : null,
                },
                h(
                  'p',
                  { class: 'event-date' },
                  ISO_DAY.test(e.date)
                    ? h('time', { datetime: e.date }, formatEdtf(e.date))
                    : formatEdtf(e.date),
                  h('span', { class: 'badge' }, vocabularyLabel(e.kind)),
                ),
                h('h3', null, e.title),
                e.description ? h('p', null, e.description) : null,
                e.court_case?.citation
                  ? h(
                      'p',
                      { class: 'muted' },
                      [
                        e.court_case.court ? ds.organisationName(e.court_case.court) : null,
                        e.court_case.citation,
                        e.court_case.outcome,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    )
                  : null,
                e.place ? h('p', { class: 'muted' }, ds.placeName(e.place)) : null,
                h(
                  'p',
                  { class: 'event-sources' },
                  'Sources: ',
                  e.sources.map((s, k) => [
                    k ? '; ' : '',
                    link(
                      sourceHash(s.source),
                      ds.sourcesById.get(s.source)?.publisher ??
                        ds.sourcesById.get(s.source)?.title ??
                        s.source,
                    ),
                    s.quote
                      ? [
                          ': ',
                          h(
                            'q',
                            {
                              class: 'muted',
                              lang: langTag(ds.sourcesById.get(s.source)?.language),
                            },
                            s.quote,
                          ),
                        ]
                      : null,
                  ]),
                ),
                e.withdrawn
                  ? h('p', { class: 'notice' }, `Withdrawn: ${e.withdrawn.reason}`)
                  : null,
              ),
            ),
          ),
        ),
      ),
    );
  };
  onChoice(
    kind,
    () => {
      params.kind = kind.value || undefined;
      params.event = undefined;
      params.year = undefined;
      ctx.replaceHash(address());
      draw();
    },
    kindPending,
  );
  search.addEventListener('input', () => {
    params.q = search.value.trim().slice(0, 200) || undefined;
    params.event = undefined;
    params.year = undefined;
    ctx.replaceHash(address());
    draw();
  });
  draw();
  return {
    title: 'Timeline',
    body: [
      h(
        'header',
        { class: 'page-head' },
        h('h1', null, 'Timeline'),
        h(
          'p',
          { class: 'lead' },
          'From the first investigations to the court rulings: what happened when, each event with the sources that date it.',
        ),
      ),
      h(
        'form',
        {
          class: 'filters compact',
          'aria-label': 'Filter events',
          role: 'search',
          onsubmit: (e: globalThis.Event) => e.preventDefault(),
        },
        h('div', { class: 'field' }, h('label', { for: 't-q' }, 'Search the events'), search),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 't-kind' }, 'Kind of event'),
          kind,
          kindPending,
          h(
            'span',
            { class: 'visually-hidden', id: 't-kind-keys' },
            'Arrow keys move the choice; Enter or leaving the list applies it.',
          ),
        ),
      ),
      h(
        'nav',
        { class: 'years', 'aria-label': 'Years' },
        h('span', { class: 'years-label', 'aria-hidden': 'true' }, 'Go to'),
        years,
      ),
      status,
      list,
    ],
    mounted: () => {
      const el = params.event ? document.getElementById(`event-${params.event}`) : null;
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
        return true;
      }
      return params.year ? jumpTo(params.year, false) : false;
    },
  };
}
