/** Claim page: the figure as worded, the verbatim quote, the citation, who said it, related and conflicting claims. */
import { qualifierMeaning } from '@encrochat-ledger/dataset';
import { sourceLabel, problemView, type Ctx, type View } from '../app.js';
import { clip, externalLink, h, langTag, link } from '../dom.js';
import { citeWithAddress, copyButton } from '../citation.js';
import {
  exactAmount,
  formatAmount,
  formatEdtf,
  formatNumber,
  formatWorded,
  vocabularyLabel,
} from '../format.js';
import { claimHash, sourceHash, toHash, type Route } from '../state.js';
import {
  boundsWords,
  breakdownWords,
  languageName,
  metricWithBreakdown,
  publisherWords,
  reliabilityShort,
  reviewWords,
  richText,
} from '../words.js';
import { claimList, scopeWords, sourceWords } from './common.js';

const DECIDED_WORDS: Record<string, string> = {
  single: 'it is the only figure for this date',
  reliability: 'its source is the most reliable',
  as_of_basis: 'its source states the date the figure refers to',
  precision: 'it is worded most precisely',
  publication: 'its source was published last',
  claim_id: 'the tie is broken by claim id',
};

const BASIS_WORDS: Record<string, string> = {
  stated: 'stated by the source',
  publication: 'the publication date of the source',
  estimated: 'estimated by the curators from the content',
};

export function claimPage(ctx: Ctx, route: Route): View {
  const { ds } = ctx;
  const id = (route as { id: string }).id;
  const i = ds.claimIndex(id);
  if (i < 0)
    return problemView({
      title: 'No such claim',
      issues: [`There is no claim “${id}” in this dataset (version ${ds.meta.version}).`],
      fallback: '#/claims',
      fallbackLabel: 'Browse the claims',
    });
  const r = ds.table.row(i);
  const source = ds.sourcesById.get(r.source_id);
  const extra = ds.claimExtras[String(i)];
  const worded = formatWorded(r);
  const lang = langTag(r.source_language);
  const p = ds.points.ofRow[i]!;

  const dl = (pairs: readonly (readonly [string, unknown])[]) =>
    h(
      'dl',
      { class: 'facts' },
      pairs
        .filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false)
        .map(([k, v]) => [h('dt', null, k), h('dd', null, v as Node | string)]),
    );

  // The figures the qualifier allows, in words ("more than 6,500, with no upper limit").
  const bounds = boundsWords(r);
  // The words the qualifier stands for ("more than"), from the dataset's table of qualifiers.
  const qualifierWords = qualifierMeaning(r.qualifier)?.words;
  const metricName = metricWithBreakdown(r.metric_label, r.breakdown_value);
  const metricLabelOf = (id: string) => ds.metricsById.get(id)?.label ?? null;
  const review = reviewWords(ds.reviewOf(i));

  const person = r.attributed_person ? ds.personsById.get(r.attributed_person) : undefined;
  const role =
    person?.roles.find(
      (x) => !r.attributed_organisation || x.organisation === r.attributed_organisation,
    ) ?? person?.roles[0];
  const saidBy = [
    person ? `${person.name}${role ? `, ${role.title}` : ''}` : r.attributed_person,
    r.attributed_organisation ? ds.organisationName(r.attributed_organisation) : null,
  ].filter(Boolean);

  // Series: the point of this claim and its other candidates.
  let seriesSection: HTMLElement | null = null;
  let conflictSection: HTMLElement | null = null;
  let relatedSeries: HTMLElement | null = null;
  if (p >= 0) {
    const candidates = ds.candidatesOf(p);
    const best = candidates[0]!;
    const decided = ds.decidedByOf(p);
    const conflict = ds.points.conflict[p] === 1;
    const others = candidates.filter((c) => c !== i);
    seriesSection = h(
      'section',
      { 'aria-labelledby': 'h-series' },
      h('h2', { id: 'h-series' }, 'In its series'),
      h(
        'p',
        null,
        best === i
          ? `This is the best figure for ${formatEdtf(r.as_of)} in its series: ${DECIDED_WORDS[decided] ?? decided}.`
          : [
              'The best figure for this date is ',
              link(claimHash(ds.table.get(best, 'claim_id')), formatWorded(ds.table.row(best))),
              `, from ${sourceWords(ds, best)}: ${DECIDED_WORDS[decided] ?? decided}.`,
            ],
      ),
      h(
        'p',
        null,
        link(
          toHash('charts', {
            metric: r.metric,
            place: r.place,
            series: ds.seriesIdOf(ds.points.series[p]!),
          }),
          `See ${metricName.toLowerCase()} for ${r.place_name} over time`,
        ),
      ),
    );
    if (others.length)
      conflictSection = h(
        'section',
        { 'aria-labelledby': 'h-conflict', class: conflict ? 'conflict-box' : null },
        h(
          'h2',
          { id: 'h-conflict' },
          conflict ? 'Sources that disagree' : 'Other sources for the same date',
        ),
        h(
          'p',
          null,
          conflict
            ? 'These claims are about the same metric, scope and date, and no single figure satisfies all of them.'
            : 'These claims are about the same metric, scope and date, and agree with this one.',
        ),
        claimList(ds, others, { mark: (c) => (c === best ? 'best figure' : null) }),
      );
    const sIndex = ds.points.series[p]!;
    const dates = ds.pointsOfSeries(sIndex).filter((q) => q !== p);
    if (dates.length)
      relatedSeries = h(
        'section',
        { 'aria-labelledby': 'h-dates' },
        h('h2', { id: 'h-dates' }, 'The same series at other dates'),
        claimList(
          ds,
          dates.slice(0, 30).map((q) => ds.bestOf(q)),
        ),
        dates.length > 30
          ? h('p', { class: 'muted' }, `and ${formatNumber(dates.length - 30)} more dates.`)
          : null,
      );
  }
  const sameSource = ds.rowsOfSource(r.source_id).filter((c) => c !== i);

  const citation = citeWithAddress(
    `“${clip(r.quote, 400)}” — ${sourceLabel(r)}${r.source_url ? `, ${r.source_url}` : ''}. Claim ${r.claim_id}`,
    ds.meta.version,
    claimHash(r.claim_id),
  );

  return {
    title: `${metricName}: ${worded}`,
    body: h(
      'article',
      { class: 'claim', 'data-claim': r.claim_id },
      h(
        'p',
        { class: 'breadcrumb' },
        link('#/claims', 'Claims'),
        ' › ',
        h('span', { class: 'mono' }, r.claim_id),
      ),
      h(
        'h1',
        null,
        h('span', { class: 'metric' }, `${metricName}: `),
        h('span', { class: 'value', 'data-value': r.value ?? '' }, worded),
      ),
      h(
        'p',
        { class: 'lead' },
        `${r.place_name} · as of ${formatEdtf(r.as_of)}`,
        r.withdrawn ? h('span', { class: 'badge warn' }, 'withdrawn') : null,
      ),
      extra?.withdrawn
        ? h(
            'p',
            { class: 'notice', role: 'note' },
            `Withdrawn on ${formatEdtf(extra.withdrawn.date)}: ${extra.withdrawn.reason}`,
            r.superseded_by
              ? [' Replaced by ', link(claimHash(r.superseded_by), r.superseded_by), '.']
              : null,
          )
        : null,
      h(
        'figure',
        { class: 'quote' },
        h('blockquote', { lang }, h('p', null, r.quote)),
        h(
          'figcaption',
          null,
          '— ',
          saidBy.length ? `${saidBy.join(', ')}, in ` : '',
          link(sourceHash(r.source_id), r.source_title),
        ),
      ),
      h(
        'div',
        { class: 'two-col' },
        h(
          'section',
          { 'aria-labelledby': 'h-figure' },
          h('h2', { id: 'h-figure' }, 'The figure'),
          dl([
            ['As worded', worded],
            [
              'Value',
              r.value !== null
                ? `${formatNumber(r.value)}${r.unit === 'count' ? '' : ` ${r.unit}`}${exactAmount(r.value, r.unit) ? ` (${formatAmount(r.value, r.unit)})` : ''}`
                : 'none (see the bounds)',
            ],
            ['Unit', r.unit],
            [
              'Qualifier',
              `${r.qualifier.replaceAll('_', ' ')}${qualifierWords ? ` (“${qualifierWords}”)` : ''}`,
            ],
            ['Figures it allows', bounds],
            [
              'Metric',
              ds.metricsById.get(r.metric)?.definition
                ? [
                    h('strong', null, r.metric_label),
                    ': ',
                    richText(ds.metricsById.get(r.metric)!.definition, metricLabelOf),
                  ]
                : r.metric_label,
            ],
            [
              'Breakdown',
              r.breakdown_key
                ? `${vocabularyLabel(r.breakdown_key)}: ${breakdownWords(r.breakdown_value)}`
                : null,
            ],
            ['As of', `${formatEdtf(r.as_of)} (${BASIS_WORDS[r.as_of_basis] ?? r.as_of_basis})`],
            ['Place', link(toHash('claims', { place: r.place }), r.place_name)],
            ['Scope', scopeWords(ds, r)],
            ['Said by', saidBy.length ? saidBy.join(', ') : null],
            ['Curator note', r.note ? h('span', null, richText(r.note, metricLabelOf)) : null],
          ]),
        ),
        h(
          'section',
          { 'aria-labelledby': 'h-source' },
          h('h2', { id: 'h-source' }, 'Source'),
          dl([
            ['Title', link(sourceHash(r.source_id), r.source_title, { lang })],
            [
              'Publisher',
              source
                ? publisherWords({
                    ...source,
                    publisher: source.publisher ?? 'a publisher not shown in the text',
                  })
                : (r.source_publisher ?? 'not shown in the text'),
            ],
            ['Authors', source?.authors?.length ? source.authors.join(', ') : null],
            ['Published', r.source_published ? formatEdtf(r.source_published) : 'undated'],
            ['Kind', vocabularyLabel(r.source_kind)],
            ['Reliability', reliabilityShort(r.source_reliability)],
            ['Language', languageName(r.source_language)],
            [
              'Address',
              r.source_url
                ? externalLink(r.source_url, r.source_url, { class: 'url' })
                : 'none known (never invented)',
            ],
          ]),
          h('h3', null, 'Cite this claim'),
          h('p', { class: 'citation', id: 'claim-citation' }, citation),
          copyButton('Copy citation', () => citation, {
            done: 'Citation copied',
            attrs: { 'data-action': 'copy-citation' },
          }),
        ),
      ),
      h(
        'section',
        {
          'aria-labelledby': 'h-review',
          class: `review review-${review.status}`,
          'data-review': review.status,
        },
        h('h2', { id: 'h-review' }, 'Second reading'),
        h(
          'p',
          { class: 'review-summary' },
          review.summary,
          review.note ? [' ', richText(review.note, metricLabelOf)] : null,
          review.date ? h('span', { class: 'muted' }, ` (${review.date})`) : null,
        ),
        review.status !== 'none'
          ? h(
              'p',
              { class: 'muted' },
              'Someone who did not write the claim read its quote and source alone and entered the figure again; the two readings were compared field by field.',
            )
          : null,
      ),
      seriesSection,
      conflictSection,
      relatedSeries,
      sameSource.length
        ? h(
            'section',
            { 'aria-labelledby': 'h-same-source' },
            h('h2', { id: 'h-same-source' }, 'Other claims of this source'),
            claimList(ds, sameSource.slice(0, 50), { showMetric: true, showPlace: true }),
          )
        : null,
    ),
  };
}
