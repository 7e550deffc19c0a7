/** Timeline of events: infiltration, warning, shutdown, announcements, rulings — each with its sources. */
import { problemView, type Ctx, type View } from '../app.js';
import { h, langTag, link, replace, select } from '../dom.js';
import { count, edtfSortKey, formatEdtf } from '../format.js';
import { sourceHash, toHash, type Route, type TimelineParams } from '../state.js';
import type { Event } from '@encrochat-ledger/dataset';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function timelinePage(ctx: Ctx, route: Route): View {
  const { ds } = ctx;
  const params = { ...(route as { params: TimelineParams }).params };
  const kinds = [...new Set(ds.events.map((e) => e.kind))].sort();
  if (params.kind && !kinds.includes(params.kind as Event['kind']))
    return problemView({ title: 'No such kind of event', issues: [`No event in this dataset is of kind “${params.kind}”.`], fallback: '#/timeline', fallbackLabel: 'Show all events' });
  if (params.event && !ds.eventsById.has(params.event))
    return problemView({ title: 'No such event', issues: [`There is no event “${params.event}” in this dataset.`], fallback: '#/timeline', fallbackLabel: 'Show all events' });
  const events = [...ds.events].sort((a, b) => edtfSortKey(a.date).localeCompare(edtfSortKey(b.date)) || a.id.localeCompare(b.id));
  const kind = select({ id: 't-kind' }, [['', 'All events'], ...kinds.map((k) => [k, k] as [string, string])], params.kind);
  const status = h('p', { class: 'result-count', role: 'status' });
  const list = h('div', { class: 'timeline' });

  const draw = () => {
    const shown = events.filter((e) => !params.kind || e.kind === params.kind);
    status.textContent = `${count(shown.length, 'event')}.`;
    const years = new Map<string, Event[]>();
    for (const e of shown) {
      const y = edtfSortKey(e.date).slice(0, 4) || 'Undated';
      years.set(y, [...(years.get(y) ?? []), e]);
    }
    replace(
      list,
      [...years].map(([year, items]) =>
        h(
          'section',
          { class: 'year', 'aria-labelledby': `y-${year}` },
          h('h2', { id: `y-${year}` }, year),
          h(
            'ol',
            { class: 'events' },
            items.map((e) =>
              h(
                'li',
                { class: `event kind-${e.kind}${e.withdrawn ? ' withdrawn' : ''}`, id: `event-${e.id}`, 'data-event': e.id, tabindex: params.event === e.id ? -1 : null },
                h('p', { class: 'event-date' }, ISO_DAY.test(e.date) ? h('time', { datetime: e.date }, formatEdtf(e.date)) : formatEdtf(e.date), h('span', { class: 'badge' }, e.kind)),
                h('h3', null, e.title),
                e.description ? h('p', null, e.description) : null,
                e.court_case?.citation ? h('p', { class: 'muted' }, [e.court_case.court ? ds.organisationName(e.court_case.court) : null, e.court_case.citation, e.court_case.outcome].filter(Boolean).join(' · ')) : null,
                e.place ? h('p', { class: 'muted' }, ds.placeName(e.place)) : null,
                h(
                  'p',
                  { class: 'event-sources' },
                  'Sources: ',
                  e.sources.map((s, k) => [k ? '; ' : '', link(sourceHash(s.source), ds.sourcesById.get(s.source)?.publisher ?? ds.sourcesById.get(s.source)?.title ?? s.source), s.quote ? [': ', h('q', { class: 'muted', lang: langTag(ds.sourcesById.get(s.source)?.language) }, s.quote)] : null]),
                ),
                e.withdrawn ? h('p', { class: 'notice' }, `Withdrawn: ${e.withdrawn.reason}`) : null,
              ),
            ),
          ),
        ),
      ),
    );
  };
  kind.addEventListener('change', () => {
    params.kind = kind.value || undefined;
    params.event = undefined;
    ctx.replaceHash(toHash('timeline', params));
    draw();
  });
  draw();
  return {
    title: 'Timeline',
    body: [
      h('header', { class: 'page-head' }, h('h1', null, 'Timeline'), h('p', { class: 'lead' }, 'From the first investigations to the court rulings: what happened when, each event with the sources that date it.')),
      h('form', { class: 'filters compact', 'aria-label': 'Filter events', onsubmit: (e: globalThis.Event) => e.preventDefault() }, h('div', { class: 'field' }, h('label', { for: 't-kind' }, 'Kind of event'), kind)),
      status,
      list,
    ],
    mounted: () => {
      if (!params.event) return false;
      const el = document.getElementById(`event-${params.event}`);
      if (!el) return false;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return true;
    },
  };
}
