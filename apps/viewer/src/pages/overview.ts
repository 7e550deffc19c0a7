/** Overview: the figure to quote first for the UK, Europe, the world and each country, region or force (the dataset's `latest` rule). */
import type { Ctx, View } from '../app.js';
import type { HeadlineReason } from '@encrochat-ledger/dataset';
import type { EncodedHeadline } from '../data/format.js';
import { h, link, scroller } from '../dom.js';
import { count, exactAmount, formatEdtf, formatNumber, formatWorded } from '../format.js';
import { checkBox } from '../check-box.js';
import { HEADLINE_METRICS } from '../headline.js';
import { claimHash, sourceHash, toHash } from '../state.js';
import { placeTree, sourceWords } from './common.js';

const MAIN_PLACES: readonly (readonly [id: string, heading: string])[] = [
  ['united-kingdom', 'United Kingdom'],
  ['europe', 'Europe'],
  ['world', 'Worldwide'],
];

const SHORT_LABELS: Record<string, string> = {
  arrests: 'Arrests',
  charges: 'Charged',
  convictions: 'Convicted',
  custodial_years: 'Years in prison',
  cash_seized: 'Cash seized',
  drugs_seized: 'Drugs seized',
  firearms_seized: 'Firearms seized',
};

/** The reliability of a source, as a card says it. */
const RELIABILITY_WORDS: Record<string, string> = {
  official: 'official',
  'official-copy': 'official copy',
  legal: 'court or legal text',
  press: 'press',
  low: 'low reliability',
};

/** How a later figure that is not the headline relates to it (`headline_reason` of the latest table). */
const LATER_WORDS: Partial<Record<HeadlineReason, string>> = {
  restates: 'restates it',
  'agrees-publication-dated': 'agrees with it',
  relays: 'relays it',
  'low-reliability': 'a low-reliability source',
};

export function overviewPage(ctx: Ctx): View {
  const { ds } = ctx;
  const byKey = new Map<string, EncodedHeadline>();
  for (const hl of ds.headlines) byKey.set(`${hl.metric}\u0000${hl.place}`, hl);
  const t = ds.table;
  // Headlines that are a part above its whole, or a whole below one of its parts (`src/parts.ts`).
  const partRole = new Map<number, 'part' | 'whole'>();
  for (const f of ds.partsAboveWholes) {
    partRole.set(f.part, 'part');
    if (!partRole.has(f.whole)) partRole.set(f.whole, 'whole');
  }
  /** Links to the Disagreements page for a card or cell: sources disagree at its date, a part above its whole. */
  const disagreementLinks = (
    metric: string,
    place: string,
    point: number,
    conflict: boolean,
    short: boolean,
    title: string | null,
    disagreeing: number | null = null,
  ) => {
    const label = `${SHORT_LABELS[metric] ?? ds.metricLabel(metric)}, ${ds.placeName(place)}`;
    const role = partRole.get(point);
    return [
      conflict
        ? link(
            toHash('disagreements', { metric, place }),
            short ? 'disagree' : 'sources disagree',
            {
              class: 'badge warn',
              'data-disagreement': 'conflict',
              'data-disagreeing': disagreeing,
              title,
              'aria-label': `${label}: sources disagree at this date. See the figures.`,
            },
          )
        : null,
      role
        ? link(
            toHash('disagreements', { metric, place }),
            role === 'part'
              ? short
                ? 'above its whole'
                : 'part above its whole'
              : short
                ? 'below a part'
                : 'whole below a part',
            {
              class: 'badge warn',
              'data-disagreement': role === 'part' ? 'part-above-whole' : 'whole-below-part',
              'aria-label': `${label}: ${role === 'part' ? 'this figure is above that of a place containing it' : 'this figure is below that of a place within it'}. See the figures.`,
            },
          )
        : null,
    ];
  };

  /** The best claim of point `p`: its row, its figure as worded, exactly, and where it comes from. */
  const figure = (p: number) => {
    const i = ds.bestOf(p);
    const row = {
      qualifier: t.get(i, 'qualifier'),
      value: t.get(i, 'value'),
      min: t.get(i, 'min'),
      max: t.get(i, 'max'),
      unit: t.get(i, 'unit'),
    };
    // The original publisher of a copy first: "Europol via Il Metropolitano".
    const publisher = sourceWords(ds, i);
    return {
      i,
      claim: t.get(i, 'claim_id'),
      worded: formatWorded(row),
      exact: row.value !== null ? exactAmount(row.value, row.unit) : null,
      publisher,
      asOf: formatEdtf(t.get(i, 'as_of')),
    };
  };
  /** "as of <date> · <publisher> · <reliability>" of a figure. */
  const provenance = (f: ReturnType<typeof figure>) => [
    h('span', null, `as of ${f.asOf}`),
    ' · ',
    link(sourceHash(t.get(f.i, 'source_id')), f.publisher),
    ' · ',
    h(
      'span',
      { class: 'reliability' },
      RELIABILITY_WORDS[t.get(f.i, 'source_reliability')] ?? t.get(f.i, 'source_reliability'),
    ),
  ];

  const card = (metric: string, place: string) => {
    const hl = byKey.get(`${metric}\u0000${place}`);
    const label = SHORT_LABELS[metric] ?? ds.metricLabel(metric);
    if (!hl)
      return h(
        'article',
        { class: 'card empty', 'data-metric': metric, 'data-place': place },
        h('h3', null, label),
        h('p', { class: 'figure muted' }, 'No figure'),
        h('p', { class: 'meta' }, 'No source gives a total for this yet.'),
      );
    const f = figure(hl.point);
    const conflict = ds.points.conflict[hl.point] === 1;
    const official = hl.kind === 'newer-non-official' ? figure(hl.official) : null;
    const later = hl.latest !== hl.point && LATER_WORDS[hl.reason] ? figure(hl.latest) : null;
    return h(
      'article',
      {
        class: `card${conflict ? ' has-conflict' : ''}`,
        'data-metric': metric,
        'data-place': place,
        'data-claim': f.claim,
        'data-kind': hl.kind,
        'data-reason': hl.reason,
      },
      h('h3', null, label),
      h(
        'p',
        { class: 'figure' },
        link(claimHash(f.claim), f.worded, {
          'aria-label': `${label}, ${ds.placeName(place)}: ${f.worded}. Open the claim.`,
        }),
      ),
      f.exact ? h('p', { class: 'exact muted' }, f.exact) : null,
      h('p', { class: 'meta' }, provenance(f)),
      official
        ? h(
            'p',
            { class: 'official', 'data-official-claim': official.claim },
            'Latest official figure: ',
            link(claimHash(official.claim), official.worded, {
              'aria-label': `Latest official figure: ${official.worded}. Open the claim.`,
            }),
            ', ',
            provenance(official),
          )
        : hl.kind === 'non-official-only'
          ? h('p', { class: 'meta' }, 'No official figure yet.')
          : null,
      later
        ? h(
            'p',
            { class: 'meta later', 'data-later-claim': later.claim },
            'Later: ',
            link(claimHash(later.claim), later.worded, {
              'aria-label': `Later figure: ${later.worded}. Open the claim.`,
            }),
            ` (${later.publisher}, ${later.asOf}) — ${LATER_WORDS[hl.reason]}.`,
          )
        : null,
      hl.newerBreakdowns
        ? h(
            'p',
            { class: 'meta newer-breakdowns' },
            `Newer figures exist only by type (${hl.newerBreakdowns.values.map((v) => v.replaceAll('-', ' ')).join(', ')}), up to ${formatEdtf(hl.newerBreakdowns.asOf)}.`,
          )
        : null,
      h(
        'p',
        { class: 'meta' },
        h('span', { class: 'sources', 'data-sources': hl.sources }, count(hl.sources, 'source')),
        hl.points > 1 ? ` · ${formatNumber(hl.points)} dates` : null,
        disagreementLinks(
          metric,
          place,
          hl.point,
          conflict,
          false,
          conflict
            ? hl.disagreeing.length
              ? `${count(hl.disagreeing.length, 'claim')} of this date disagree with this figure`
              : 'The claims of this date cannot all be true'
            : null,
          hl.disagreeing.length,
        ),
      ),
      h(
        'p',
        { class: 'more' },
        link(toHash('charts', { metric, place }), 'Over time', {
          'aria-label': `${label}, ${ds.placeName(place)}, over time`,
        }),
      ),
    );
  };

  const sections = MAIN_PLACES.map(([place, heading]) =>
    h(
      'section',
      { class: 'headline-group', 'aria-labelledby': `h-${place}` },
      h('h2', { id: `h-${place}` }, heading),
      h(
        'div',
        { class: 'cards' },
        HEADLINE_METRICS.map((m) => card(m, place)),
      ),
    ),
  );

  // Every other place with at least one headline figure, in tree order.
  const main = new Set(MAIN_PLACES.map(([p]) => p));
  const withFigures = new Set(ds.headlines.map((hl) => hl.place));
  // The UK's nations, regions and forces first, then other countries and their regions.
  const inUk = ds.placeAndInside('united-kingdom');
  const tree = placeTree(ds).filter((p) => withFigures.has(p.id) && !main.has(p.id));
  const others = [...tree.filter((p) => inUk.has(p.id)), ...tree.filter((p) => !inUk.has(p.id))];
  const cell = (metric: string, place: string) => {
    const hl = byKey.get(`${metric}\u0000${place}`);
    if (!hl) return h('td', { class: 'num muted' }, h('span', { 'aria-label': 'no figure' }, '–'));
    const f = figure(hl.point);
    return h(
      'td',
      {
        class: 'num',
        'data-metric': metric,
        'data-place': place,
        'data-claim': f.claim,
        'data-kind': hl.kind,
      },
      link(claimHash(f.claim), f.worded),
      h(
        'span',
        { class: 'cell-meta' },
        `${formatEdtf(t.get(f.i, 'as_of'), true)} · ${count(hl.sources, 'source')}${hl.kind === 'official' ? '' : ` · ${RELIABILITY_WORDS[t.get(f.i, 'source_reliability')] ?? t.get(f.i, 'source_reliability')}`}`,
      ),
      disagreementLinks(metric, place, hl.point, ds.points.conflict[hl.point] === 1, true, null),
    );
  };
  const table = h(
    'table',
    { class: 'place-table' },
    h(
      'caption',
      { class: 'visually-hidden' },
      'The figure to quote first of each headline metric for each country, region and force',
    ),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Place'),
        HEADLINE_METRICS.map((m) => h('th', { scope: 'col', class: 'num' }, SHORT_LABELS[m] ?? m)),
      ),
    ),
    h(
      'tbody',
      null,
      others.map((p) =>
        h(
          'tr',
          { class: `depth-${Math.min(p.depth, 4)}` },
          h('th', { scope: 'row' }, link(toHash('claims', { place: p.id }), p.name)),
          HEADLINE_METRICS.map((m) => cell(m, p.id)),
        ),
      ),
    ),
  );

  const conflicts = ds.points.conflict.reduce((n, c) => n + c, 0);
  return {
    title: 'Overview',
    body: [
      h(
        'header',
        { class: 'page-head' },
        h('h1', null, 'What the EncroChat takedown produced'),
        h(
          'p',
          { class: 'lead' },
          `Every public figure — arrests, charges, convictions, prison years, cash, drugs, firearms — with its source and a verbatim quote. `,
          `${count(ds.meta.claims, 'claim')} from ${count(ds.sources.length, 'source')}; dataset version ${ds.meta.version}.`,
        ),
        h(
          'p',
          { class: 'muted' },
          'Each figure is the one to quote first: the latest official figure, unless a later figure of another source says something new — a new count, not a restatement — and then the official figure is shown beside it (',
          link('#/about', 'how figures are chosen'),
          `). Sources often disagree: ${count(conflicts, 'date')} where they do are flagged`,
          ds.partsAboveWholes.length
            ? `, and ${count(ds.partsAboveWholes.length, 'figure')} of a place above that of a place containing it`
            : null,
          ' (',
          link('#/disagreements', 'see every disagreement'),
          ').',
        ),
      ),
      sections,
      checkBox(ctx),
      others.length
        ? h(
            'section',
            { class: 'headline-group', 'aria-labelledby': 'h-places' },
            h('h2', { id: 'h-places' }, 'By country, region and force'),
            h(
              'p',
              { class: 'muted' },
              'Figures of each place alone; a force’s figures are part of its country’s.',
            ),
            scroller('Figures by country, region and force', table),
          )
        : null,
    ],
  };
}
