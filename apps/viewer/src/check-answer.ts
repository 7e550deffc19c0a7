/**
 * The answer of the "Check a figure" box, in words (loaded when the box is first used, see
 * `check-box.ts`): for each figure of the text, what was understood and what was not, then the
 * answer against the figure to quote first, the claims it agrees with and those it contradicts, each
 * with its figure, place, date, source and quote and a link to its claim page.
 */
import {
  checkText,
  type CheckData,
  type ClaimCheck,
  type FigureCheck,
} from '@encrochat-ledger/check';
import type { Dataset } from './data/dataset.js';
import { clip, h, link, type Child } from './dom.js';
import { count, formatEdtf, formatWorded } from './format.js';
import { claimHash, toHash } from './state.js';
import { publisherWords } from './words.js';

/** Claims shown before "N more": the rest are one click away, in a disclosure. */
const SHOWN = 5;

const ANSWER_WORDS: Record<FigureCheck['answer'], string> = {
  agrees: 'Agrees',
  contradicts: 'Contradicts',
  'no-figure': 'No figure for this in the ledger',
  'not-understood': 'Not understood: not checked',
};

/** The checker's view of the loaded data, made once per dataset (the rows of the claims table). */
const checkData = new WeakMap<Dataset, CheckData>();
function dataOf(ds: Dataset): CheckData {
  let data = checkData.get(ds);
  if (!data) {
    const rows = Array.from({ length: ds.table.rows }, (_, i) => ds.table.row(i));
    data = {
      version: ds.meta.version,
      metrics: ds.metrics,
      places: ds.places,
      networks: ds.networks,
      claimsTable: rows,
    };
    checkData.set(ds, data);
  }
  return data;
}

function claimItem(ds: Dataset, c: ClaimCheck): HTMLElement {
  const source = ds.sourcesById.get(c.source_id);
  const publisher = source ? publisherWords(source) : (c.source_publisher ?? c.source_title);
  return h(
    'li',
    { 'data-check-claim': c.claim_id, 'data-check-verdict': c.verdict },
    h(
      'p',
      { class: 'check-claim-head' },
      link(claimHash(c.claim_id), formatWorded(c), {
        class: 'check-figure',
        'aria-label': `${formatWorded(c)}, ${c.place_name}, ${formatEdtf(c.as_of)}. Open the claim.`,
      }),
      ` · ${c.place_name} · ${formatEdtf(c.as_of)} · ${publisher}`,
      c.headline ? h('span', { class: 'badge' }, 'figure to quote first') : null,
      c.organisations
        ? h(
            'span',
            { class: 'muted' },
            ` · counted by ${c.organisations.map((o) => ds.organisationName(o)).join(', ')}`,
          )
        : null,
    ),
    h('blockquote', { class: 'check-quote' }, `“${clip(c.quote, 320)}”`),
  );
}

function claimList(ds: Dataset, claims: readonly ClaimCheck[], label: string): Child {
  if (!claims.length) return null;
  const head = claims.slice(0, SHOWN);
  const rest = claims.slice(SHOWN);
  return [
    h('h4', null, `${label} ${count(claims.length, 'claim')}`),
    h(
      'ul',
      { class: 'check-claims' },
      head.map((c) => claimItem(ds, c)),
    ),
    rest.length
      ? h(
          'details',
          { class: 'check-more' },
          h('summary', null, `${count(rest.length, 'more claim')}`),
          h(
            'ul',
            { class: 'check-claims' },
            rest.map((c) => claimItem(ds, c)),
          ),
        )
      : null,
  ];
}

function figureArticle(ds: Dataset, f: FigureCheck, n: number): HTMLElement {
  const headline = f.headline;
  const answer = h(
    'p',
    { class: `check-verdict ${f.answer}` },
    h('strong', null, ANSWER_WORDS[f.answer]),
    headline
      ? [
          f.answer === 'agrees'
            ? ' with the figure to quote first: '
            : ' the figure to quote first: ',
          link(claimHash(headline.claim_id), formatWorded(headline)),
          ` for ${headline.place_name}, ${formatEdtf(headline.as_of)} (${publisherWords(ds.sourcesById.get(headline.source_id) ?? { publisher: headline.source_publisher, title: headline.source_title })}).`,
        ]
      : null,
  );
  return h(
    'article',
    { class: 'check-figure-result', 'data-check-answer': f.answer, 'data-check-figure': n },
    h('h3', null, `“${f.text}”`),
    answer,
    f.understood.length
      ? h(
          'div',
          { class: 'check-understood' },
          h('h4', null, 'Understood'),
          h(
            'ul',
            null,
            f.understood.map((u) => h('li', null, u)),
          ),
        )
      : null,
    f.not_understood.length
      ? h(
          'div',
          { class: 'check-not-understood' },
          h('h4', null, 'Not understood'),
          h(
            'ul',
            null,
            f.not_understood.map((u) => h('li', null, u)),
          ),
        )
      : null,
    f.places_with_figures.length && f.metric
      ? h(
          'p',
          { class: 'check-elsewhere' },
          'The ledger has this figure for: ',
          f.places_with_figures.map((p, i) => [
            i ? ', ' : '',
            link(toHash('claims', { metric: f.metric!, place: p.place }), p.place_name),
          ]),
          '.',
        )
      : null,
    claimList(ds, f.agrees, 'Agrees with'),
    claimList(ds, f.contradicts, 'Contradicts'),
    f.claims_without_number
      ? h(
          'p',
          { class: 'muted' },
          `${count(f.claims_without_number, 'claim')} of these series state no number and were not compared.`,
        )
      : null,
  );
}

/** The checked text as a summary line (for the status region) and the answer. */
export function renderCheck(ds: Dataset, text: string): { summary: string; body: Child } {
  const result = checkText(text, dataOf(ds));
  const tally = new Map<string, number>();
  for (const f of result.figures) tally.set(f.answer, (tally.get(f.answer) ?? 0) + 1);
  const parts = (['agrees', 'contradicts', 'no-figure', 'not-understood'] as const)
    .filter((a) => tally.get(a))
    .map((a) => `${tally.get(a)} ${ANSWER_WORDS[a].toLowerCase()}`);
  const summary = result.figures.length
    ? `${count(result.figures.length, 'figure')} checked: ${parts.join(', ')}.`
    : 'No figure in the text: no number was found to check.';
  const body: Child = [
    result.figures.map((f, i) => figureArticle(ds, f, i + 1)),
    result.not_figures.length
      ? h(
          'p',
          { class: 'muted check-not-figures' },
          `Not figures: ${result.not_figures.map((n) => `‘${n.text}’ (${n.why})`).join('; ')}.`,
        )
      : null,
    result.unused_words.length
      ? h(
          'p',
          { class: 'muted check-unused' },
          `Not used: ${result.unused_words.map((w) => `‘${w}’`).join(', ')}.`,
        )
      : null,
  ];
  return { summary, body };
}
