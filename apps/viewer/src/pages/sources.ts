/** Sources: the list (search, kind, reliability, sort) and the page of one source. */
import { problemView, type Ctx, type View } from '../app.js';
import type { Dataset } from '../data/dataset.js';
import type { SourceMeta } from '../data/format.js';
import { clip, externalLink, h, langTag, link, replace, select, type Child } from '../dom.js';
import { count, edtfSortKey, formatEdtf, formatNumber } from '../format.js';
import { fold } from '../query.js';
import { sourceHash, toHash, type Route, type SourceParams } from '../state.js';
import { citeWithAddress, copyButton } from '../citation.js';
import { languageName, publisherWords, reliabilityShort, richText } from '../words.js';
import { claimList } from './common.js';

const PER_PAGE = 50;
const RELIABILITY_WORDS: Record<string, string> = {
  official: 'official: the authority’s own words',
  'official-copy': 'official copy: an official release reproduced elsewhere',
  legal: 'legal: a court or legal text',
  press: 'press: reported by the media',
  low: 'low: aggregators and garbled copies',
};

export function sourcesPage(ctx: Ctx, route: Route): View {
  const { ds } = ctx;
  const params = { ...(route as { params: SourceParams }).params };
  const kinds = [...new Set(ds.sources.map((s) => s.kind))].sort();
  if (params.kind && !kinds.includes(params.kind as SourceMeta['kind']))
    return problemView({
      title: 'No such kind of source',
      issues: [`No source in this dataset is of kind “${params.kind}”.`],
      fallback: '#/sources',
      fallbackLabel: 'Show all sources',
    });

  const search = h('input', {
    type: 'search',
    id: 's-q',
    value: params.q ?? '',
    maxlength: 200,
    autocomplete: 'off',
  });
  const kind = select(
    { id: 's-kind' },
    [['', 'Any kind'], ...kinds.map((k) => [k, k.replaceAll('-', ' ')] as [string, string])],
    params.kind,
  );
  const reliability = select(
    { id: 's-rel' },
    [
      ['', 'Any reliability'],
      ...Object.keys(RELIABILITY_WORDS).map((k) => [k, k] as [string, string]),
    ],
    params.reliability,
  );
  const sort = select(
    { id: 's-sort' },
    [
      ['published', 'Newest first'],
      ['title', 'Title'],
      ['claims', 'Most claims'],
    ],
    params.sort ?? 'published',
  );
  const status = h('p', { class: 'result-count', role: 'status' });
  const results = h('div');
  const folded = new Map<SourceMeta, string>();
  const text = (s: SourceMeta) => {
    let t = folded.get(s);
    if (t === undefined)
      folded.set(s, (t = fold(`${s.title} ${s.publisher ?? ''} ${(s.authors ?? []).join(' ')}`)));
    return t;
  };

  const draw = () => {
    const words = params.q ? fold(params.q).split(/\s+/).filter(Boolean) : [];
    const list = ds.sources.filter(
      (s) =>
        (!params.kind || s.kind === params.kind) &&
        (!params.reliability || s.reliability === params.reliability) &&
        words.every((w) => text(s).includes(w)),
    );
    const by = params.sort ?? 'published';
    list.sort((a, b) =>
      by === 'title'
        ? a.title.localeCompare(b.title, 'en-GB')
        : by === 'claims'
          ? b.claim_count - a.claim_count || a.title.localeCompare(b.title, 'en-GB')
          : edtfSortKey(b.published).localeCompare(edtfSortKey(a.published)) ||
            a.id.localeCompare(b.id),
    );
    const pages = Math.max(1, Math.ceil(list.length / PER_PAGE));
    const pageNo = Math.min(params.page ?? 1, pages);
    const shown = list.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
    status.textContent = `${count(list.length, 'source')} of ${formatNumber(ds.sources.length)}.`;
    replace(
      results,
      h(
        'ol',
        { class: 'source-list', start: (pageNo - 1) * PER_PAGE + 1 },
        shown.map((s) =>
          h(
            'li',
            { 'data-source': s.id },
            link(sourceHash(s.id), s.title, { class: 'source-title', lang: langTag(s.language) }),
            h(
              'span',
              { class: 'muted' },
              [
                s.publisher ? publisherWords(s) : null,
                s.published ? formatEdtf(s.published) : 'undated',
                s.kind.replaceAll('-', ' '),
                reliabilityShort(s.reliability),
                count(s.claim_count, 'claim'),
              ]
                .filter(Boolean)
                .join(' · '),
            ),
          ),
        ),
      ),
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': 'Pages of sources' },
            pageNo > 1
              ? link(toHash('sources', { ...params, page: pageNo - 1 }), 'Previous')
              : null,
            h('span', null, `Page ${formatNumber(pageNo)} of ${formatNumber(pages)}`),
            pageNo < pages
              ? link(toHash('sources', { ...params, page: pageNo + 1 }), 'Next')
              : null,
          )
        : null,
    );
  };
  const update = () => {
    params.q = search.value.trim().slice(0, 200) || undefined;
    params.kind = kind.value || undefined;
    params.reliability = (reliability.value || undefined) as SourceParams['reliability'];
    params.sort = (sort.value === 'published' ? undefined : sort.value) as SourceParams['sort'];
    params.page = undefined;
    ctx.replaceHash(toHash('sources', params));
    draw();
  };
  search.addEventListener('input', update);
  for (const el of [kind, reliability, sort]) el.addEventListener('change', update);
  draw();

  return {
    title: 'Sources',
    body: [
      h(
        'header',
        { class: 'page-head' },
        h('h1', null, 'Sources'),
        h(
          'p',
          { class: 'lead' },
          `The ${count(ds.sources.length, 'document')} the figures come from: press releases, news articles, court judgments, parliamentary answers and official statistics.`,
        ),
      ),
      h(
        'form',
        {
          class: 'filters compact',
          'aria-label': 'Filter sources',
          role: 'search',
          onsubmit: (e: Event) => e.preventDefault(),
        },
        h(
          'div',
          { class: 'field wide' },
          h('label', { for: 's-q' }, 'Search titles, publishers and authors'),
          search,
        ),
        h('div', { class: 'field' }, h('label', { for: 's-kind' }, 'Kind'), kind),
        h('div', { class: 'field' }, h('label', { for: 's-rel' }, 'Reliability'), reliability),
        h('div', { class: 'field' }, h('label', { for: 's-sort' }, 'Order'), sort),
      ),
      status,
      results,
    ],
  };
}

function eventsCiting(ds: Dataset, sourceId: string) {
  return ds.events.filter((e) => e.sources.some((s) => s.source === sourceId));
}

export function sourcePage(ctx: Ctx, route: Route): View {
  const { ds } = ctx;
  const id = (route as { id: string }).id;
  const s = ds.sourcesById.get(id);
  if (!s)
    return problemView({
      title: 'No such source',
      issues: [`There is no source “${id}” in this dataset (version ${ds.meta.version}).`],
      fallback: '#/sources',
      fallbackLabel: 'Browse the sources',
    });
  const rows = ds.rowsOfSource(s.id);
  const events = eventsCiting(ds, s.id);
  const fact = (k: string, v: Child) =>
    v === null || v === undefined || v === '' ? null : [h('dt', null, k), h('dd', null, v)];
  const metricLabelOf = (metric: string) => ds.metricsById.get(metric)?.label ?? null;
  const citation = citeWithAddress(
    `${s.title} — ${[publisherWords(s), s.published ? formatEdtf(s.published) : 'undated'].join(', ')}${s.url ? `, ${s.url}` : ''}. Source ${s.id}`,
    ds.meta.version,
    sourceHash(s.id),
  );
  return {
    title: s.title,
    body: h(
      'article',
      { class: 'source', 'data-source': s.id },
      h(
        'p',
        { class: 'breadcrumb' },
        link('#/sources', 'Sources'),
        ' › ',
        h('span', { class: 'mono' }, s.id),
      ),
      h('h1', { lang: langTag(s.language) }, s.title),
      h(
        'p',
        { class: 'lead' },
        [
          s.publisher ?? 'Publisher not shown',
          s.published ? formatEdtf(s.published) : 'undated',
        ].join(' · '),
      ),
      s.withdrawn
        ? h(
            'p',
            { class: 'notice' },
            `Withdrawn on ${formatEdtf(s.withdrawn.date)}: ${s.withdrawn.reason}`,
          )
        : null,
      h(
        'dl',
        { class: 'facts' },
        fact(
          'Address',
          s.url ? externalLink(s.url, s.url, { class: 'url' }) : 'none known (never invented)',
        ),
        fact('Publisher', s.publisher),
        fact('Original publisher', s.original_publisher),
        fact(
          'Publishing organisation',
          s.publisher_organisation ? ds.organisationName(s.publisher_organisation) : null,
        ),
        fact('Authors', s.authors?.length ? s.authors.join(', ') : null),
        fact('Published', s.published ? `${formatEdtf(s.published)} (${s.published})` : 'undated'),
        fact('Kind', s.kind.replaceAll('-', ' ')),
        fact('Reliability', RELIABILITY_WORDS[s.reliability] ?? s.reliability),
        fact('Language', languageName(s.language)),
        fact(
          'Other copies',
          s.copies?.length
            ? h(
                'ul',
                null,
                s.copies.map((c) =>
                  h(
                    'li',
                    null,
                    externalLink(c.url, clip(c.url, 100), { class: 'url' }),
                    c.publisher ? ` (${c.publisher})` : null,
                  ),
                ),
              )
            : null,
        ),
        fact(
          'Archived text',
          s.archive ? h('span', { class: 'mono wrap' }, `SHA-256 ${s.archive.text_sha256}`) : null,
        ),
        fact('Curator note', s.note ? h('span', null, richText(s.note, metricLabelOf)) : null),
      ),
      h(
        'section',
        { 'aria-labelledby': 'h-cite-source' },
        h('h2', { id: 'h-cite-source' }, 'Cite this source'),
        h('p', { class: 'citation', id: 'source-citation' }, citation),
        copyButton('Copy citation', () => citation, {
          done: 'Citation copied',
          attrs: { 'data-action': 'copy-citation' },
        }),
      ),
      h(
        'section',
        { 'aria-labelledby': 'h-claims' },
        h('h2', { id: 'h-claims' }, `Claims of this source (${formatNumber(rows.length)})`),
        rows.length
          ? claimList(ds, rows.slice(0, 200), { showMetric: true, showPlace: true })
          : h('p', null, 'This source states no figure; it dates events.'),
        rows.length
          ? h('p', null, link(toHash('claims', { source: s.id }), 'Open them in the claims table'))
          : null,
      ),
      events.length
        ? h(
            'section',
            { 'aria-labelledby': 'h-events' },
            h('h2', { id: 'h-events' }, 'Events it dates'),
            h(
              'ul',
              null,
              events.map((e) =>
                h(
                  'li',
                  null,
                  `${formatEdtf(e.date)}: `,
                  link(toHash('timeline', { event: e.id }), e.title),
                ),
              ),
            ),
          )
        : null,
    ),
  };
}
