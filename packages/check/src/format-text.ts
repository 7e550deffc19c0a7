/**
 * The result of a check as text for a terminal: each figure with what was understood and what was
 * not, the answer in one line, then the claims it agrees with and those it contradicts, each with its
 * figure, place, date, source, quote and id.
 *
 *   1. "more than 6,500 arrests"
 *      understood: '6,500' read as more than 6,500 ('more than'); 'arrests' → arrests (arrests); …
 *      answer: AGREES with the figure to quote first: 6,558, World, 2023-06-27 (Il Metropolitano)
 *      (or: answer: CONTRADICTS the figure to quote first: …)
 *      agrees with 14 claims:
 *        * 6,558 · World · 2023-06-27 · Il Metropolitano, "Dismantling encrypted …" [figure to quote first]
 *          "6 558 suspects arrested, amongst whom 197 High Value Targets"
 *          europol-2023-06-27-dismantling-encrochat-6500-arrests/world-arrests
 */
import type { CheckResult, ClaimCheck, FigureCheck } from './check.js';

const ANSWER_WORDS: Record<FigureCheck['answer'], string> = {
  agrees: 'AGREES',
  contradicts: 'CONTRADICTS',
  'no-figure': 'NO FIGURE for this in the ledger',
  'not-understood': 'NOT UNDERSTOOD, not checked',
};

/** Control characters and bidi overrides of the data or the text shown as spaces: a terminal must not run or reorder them. */
const printable = (s: string) =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function claimLines(c: ClaimCheck): string[] {
  const source = c.source_publisher
    ? `${c.source_publisher}, "${c.source_title}"`
    : `"${c.source_title}"`;
  return [
    `     * ${c.figure} · ${c.place_name} · ${c.as_of} · ${source}${c.headline ? ' [figure to quote first]' : ''}`,
    ...(c.organisations ? [`       counted by: ${c.organisations.join(', ')}`] : []),
    `       "${c.quote}"`,
    `       ${c.claim_id}`,
  ];
}

function figureLines(f: FigureCheck, n: number): string[] {
  const lines = [`${n}. "${f.text}"`];
  for (const u of f.understood) lines.push(`   understood: ${u}`);
  for (const u of f.not_understood) lines.push(`   not understood: ${u}`);
  const answer = ANSWER_WORDS[f.answer];
  if (f.headline) {
    const h = f.headline;
    lines.push(
      `   answer: ${answer}${f.answer === 'agrees' ? ' with' : ''} the figure to quote first: ${h.figure}, ${h.place_name}, ${h.as_of} (${h.source_publisher ?? h.source_title})`,
    );
  } else lines.push(`   answer: ${answer}`);
  if (f.places_with_figures.length)
    lines.push(
      `   the ledger has this figure for: ${f.places_with_figures.map((p) => p.place_name).join(', ')}`,
    );
  for (const [list, verb] of [
    [f.agrees, 'agrees with'],
    [f.contradicts, 'contradicts'],
  ] as const) {
    if (!list.length) continue;
    lines.push(`   ${verb} ${plural(list.length, 'claim')}:`);
    for (const c of list) lines.push(...claimLines(c));
  }
  if (f.claims_without_number)
    lines.push(
      `   (${plural(f.claims_without_number, 'claim')} of these series ${f.claims_without_number === 1 ? 'states' : 'state'} no number)`,
    );
  return lines;
}

export function formatText(result: CheckResult): string {
  const lines: string[] = [];
  if (!result.figures.length) lines.push('No figure in the text: no number was found to check.');
  result.figures.forEach((f, i) => {
    if (i) lines.push('');
    lines.push(...figureLines(f, i + 1));
  });
  if (result.not_figures.length)
    lines.push(
      '',
      `Not figures: ${result.not_figures.map((n) => `'${n.text}' (${n.why})`).join('; ')}`,
    );
  if (result.unused_words.length)
    lines.push('', `Not used: ${result.unused_words.map((w) => `'${w}'`).join(', ')}`);
  lines.push(
    '',
    `Checked against encrochat-ledger${result.dataset_version ? ` ${result.dataset_version}` : ''}.`,
  );
  return `${lines.map(printable).join('\n')}\n`;
}
