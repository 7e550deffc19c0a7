/** About: method, licence, how to cite this release, version and changelog. */
import type { Ctx, View } from '../app.js';
import { copyButton, datasetBibtex, datasetCitation } from '../citation.js';
import { externalLink, h, link } from '../dom.js';
import { count } from '../format.js';
import { PRECISE_PERIOD_DAYS } from '../headline.js';
import { projectLinks } from './download.js';

export function aboutPage(ctx: Ctx): View {
  const { ds } = ctx;
  const v = ds.meta.version;
  return {
    title: 'About',
    body: [
      h(
        'header',
        { class: 'page-head' },
        h('h1', null, 'About this dataset'),
        h(
          'p',
          { class: 'lead' },
          'The reference open dataset of what the EncroChat takedown produced: every public figure with its source, the date it refers to, its scope and a verbatim quote, versioned like software.',
        ),
      ),
      h(
        'section',
        { class: 'prose', 'aria-labelledby': 'h-release' },
        h('h2', { id: 'h-release' }, 'This release'),
        h(
          'dl',
          { class: 'facts' },
          h('dt', null, 'Version'),
          h('dd', { id: 'release-version' }, v),
          h('dt', null, 'Schema'),
          h('dd', null, ds.meta.schema_version),
          h('dt', null, 'Contents'),
          h(
            'dd',
            null,
            `${count(ds.meta.claims, 'claim')} from ${count(ds.sources.length, 'source')}, ${count(ds.events.length, 'event')}, ${count(ds.metrics.length, 'metric')}, ${count(ds.places.length, 'place')}, ${count(ds.organisations.length, 'organisation')}.`,
          ),
          h('dt', null, 'Changelog'),
          h(
            'dd',
            null,
            ds.meta.changelog
              ? h('a', { href: ds.meta.changelog }, 'Changes in each release (CHANGELOG.md)')
              : 'This release has no changelog yet: the first published release will list its changes by record id.',
          ),
          ds.meta.links
            ? [
                h('dt', null, 'Repository'),
                h(
                  'dd',
                  null,
                  externalLink(
                    ds.meta.links.repository,
                    ds.meta.links.repository.replace(/^https:\/\//, ''),
                    { class: 'url' },
                  ),
                ),
              ]
            : null,
        ),
      ),
      h(
        'section',
        { class: 'prose', 'aria-labelledby': 'h-project' },
        h('h2', { id: 'h-project' }, 'Repository, corrections, changes'),
        h(
          'p',
          null,
          'The data is kept in a public repository, one file per record, with every change reviewed and listed. Found a wrong figure, date or quote, or a source that is missing? Report it: corrections are released as patch versions, and a corrected claim keeps its id.',
        ),
        projectLinks(ds),
      ),
      h(
        'section',
        { class: 'prose', 'aria-labelledby': 'h-cite' },
        h('h2', { id: 'h-cite' }, 'How to cite this release'),
        h('p', { class: 'citation', id: 'citation' }, datasetCitation(v)),
        copyButton('Copy citation', () => datasetCitation(v), {
          done: 'Citation copied',
          attrs: { 'data-action': 'copy-citation' },
        }),
        h(
          'p',
          null,
          'Cite the version you used: figures are corrected between releases and every change is listed by claim id. To cite one figure, use the “Cite this claim” text on its page; claim ids are stable.',
        ),
        h(
          'details',
          null,
          h('summary', null, 'BibTeX'),
          h(
            'pre',
            {
              class: 'code',
              id: 'citation-bibtex',
              tabindex: 0,
              role: 'region',
              'aria-label': 'BibTeX entry',
            },
            datasetBibtex(v),
          ),
        ),
      ),
      h(
        'section',
        { class: 'prose', 'aria-labelledby': 'h-method' },
        h('h2', { id: 'h-method' }, 'Method'),
        h(
          'p',
          null,
          'A claim is one figure stated by one source, with a verbatim quote. Nothing is inferred or silently rounded: conversions (tonnes to kilograms, “£54m” to 54,000,000) are stated in the claim’s note, and a vague amount (“hundreds”) is kept as an unspecified figure with its quote. Sources without a date or an address get none invented.',
        ),
        h('h3', null, 'Qualifiers'),
        h(
          'p',
          null,
          'How the source words a figure: exact; about (around, estimated, some); more than (over, in excess of); at least; nearly (almost, just under); up to; between (a range); unspecified. The bounds a qualifier implies are derived, never stored twice.',
        ),
        h('h3', null, 'Series and the best figure of a date'),
        h(
          'p',
          null,
          'A series is every claim with the same metric, breakdown, unit, place, operation, counting organisations and networks. Its points are dates: the exact days a claim’s “as of” covers. Among the claims of one date the best figure is chosen by these criteria, the first difference deciding:',
        ),
        h(
          'ol',
          null,
          h(
            'li',
            null,
            'reliability of the source: official, then an official copy, then legal texts, then the press, then low-reliability copies;',
          ),
          h(
            'li',
            null,
            'how the date was set: stated by the source, then the publication date, then estimated by the curators;',
          ),
          h(
            'li',
            null,
            'precision: exact, then bounded (more than, at least, nearly, up to, a range), then “about”;',
          ),
          h('li', null, 'the latest publication;'),
          h('li', null, 'the claim id, a stable tie-break.'),
        ),
        h('h3', null, 'Disagreement'),
        h(
          'p',
          null,
          'Disagreement is data, not an error. Each claim allows an interval of figures (exact and “about”: the figure itself; more than: above it; nearly: below it; a range: between its ends). Claims of one date conflict when no single figure lies in all their intervals: “nearly 700” and “746” disagree, “more than 740” and “746” do not. Both are kept and shown.',
        ),
        h('h3', null, 'Headline figures: the figure to quote first'),
        h(
          'p',
          null,
          'For every series the dataset gives the figure to quote first (its “latest” table, also in the downloads). It starts from the latest official figure (an official source, an official copy or a court) and puts a later figure of another source first only when that figure says something new:',
        ),
        h(
          'ol',
          null,
          h(
            'li',
            null,
            'dates are ordered by their last day, then their first; a figure is later only when its first day comes after the official figure’s last day (a publication month around a release day is not later);',
          ),
          h(
            'li',
            null,
            'a later figure that restates the official one within its bounds (“more than 6,500” after 6,558) does not replace it;',
          ),
          h(
            'li',
            null,
            'nor does a later figure dated only by its publication day that agrees with it, nor one dated by its publication and attributed to the same organisation (a relay, even rounded);',
          ),
          h(
            'li',
            null,
            'nor does a figure of a low-reliability source: an aggregator or a garbled copy does not overrule a release;',
          ),
          h(
            'li',
            null,
            'any other later figure does — it disagrees with the official figure, or narrows it with a date the source states — and the latest official figure is then shown beside it;',
          ),
          h(
            'li',
            null,
            'without any official figure, the latest figure that says something new is shown.',
          ),
        ),
        h(
          'p',
          null,
          'A “sources disagree” mark means the claims of that date cannot all be true. When the newest figures exist only by type (drugs by kind), the card says so rather than presenting an older total as current. Among the series of a metric and place, the overview uses:',
        ),
        h(
          'ol',
          null,
          h(
            'li',
            null,
            'figures with no breakdown (all drugs, not one drug) about EncroChat alone — totals combining Sky ECC or ANOM are in the charts and the table;',
          ),
          h(
            'li',
            null,
            'in one unit, the one with most dates (a place’s cash in its own currency);',
          ),
          h(
            'li',
            null,
            'figures for the whole place when there are any, rather than those of some of its organisations;',
          ),
          h(
            'li',
            null,
            `of the series left, the most current: the one with the latest figure, figures dated to a day or a month (at most ${PRECISE_PERIOD_DAYS} days) before figures dated only to a year or a span of months.`,
          ),
        ),
        h(
          'p',
          null,
          'The number of sources under a figure counts the distinct sources giving a figure for that same date.',
        ),
      ),
      h(
        'section',
        { class: 'prose', 'aria-labelledby': 'h-licence' },
        h('h2', { id: 'h-licence' }, 'Licence'),
        h(
          'p',
          null,
          'Data: Creative Commons Attribution 4.0 (CC BY 4.0) — reuse it freely and cite the release. Code: MIT. Quotes are short extracts of the named sources, kept for verification; their copyright stays with their publishers.',
        ),
        h(
          'p',
          null,
          'Only public statements are recorded: aggregate figures, and officials speaking in their role. Nothing about private people (suspects, defendants, victims or their families).',
        ),
      ),
      h(
        'section',
        { class: 'prose', 'aria-labelledby': 'h-privacy' },
        h('h2', { id: 'h-privacy' }, 'Privacy'),
        h(
          'p',
          null,
          'This site makes no request to any other site: no analytics, no fonts or scripts from elsewhere, no cookies. Links to sources open the publishers’ pages only when you follow them.',
        ),
      ),
      h('p', null, link('#/download', 'Download the data')),
    ],
  };
}
