/**
 * A chart of one series as inline SVG built with DOM calls (no markup from data), with a data table
 * as its text alternative.
 *
 * Every claim is a mark at its `as_of` date: a period longer than a day is drawn as a bar across
 * its days. The qualifier is visible: exact ● filled circle, about ○ hollow circle, more than / at
 * least ▲ with a dashed arrow upwards, nearly / up to ▼ with a dashed arrow downwards, a range as an
 * interval from min to max. The best figure of each date (the series rule) is dark blue and joined
 * by a line; other sources for the same date are orange marks beside it, and marks of a date where
 * sources disagree have a red ring. Each mark is a link to its claim: hover or keyboard focus shows
 * the quote and the source.
 */
import type { ClaimsTableRow } from '@encrochat-ledger/dataset';
import { h, s, clip, langTag } from './dom.js';
import { count, formatCompact, formatEdtf, formatWorded, unitLabel } from './format.js';
import { claimHash } from './state.js';

export interface ChartCandidate {
  row: ClaimsTableRow;
  best: boolean;
}
export interface ChartPoint {
  period: string;
  conflict: boolean;
  candidates: ChartCandidate[];
}
export interface ChartOptions {
  /** Unique within the page (ids of the caption and table). */
  id: string;
  title: string;
  subtitle: string;
  unit: string;
  points: ChartPoint[];
  /** Narrow layout (phones). */
  narrow: boolean;
  sourceLabel: (row: ClaimsTableRow) => string;
}

const DAY_MS = 86_400_000;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (d: number): string => new Date(d * DAY_MS).toISOString().slice(0, 10);

/** Round tick steps: 1, 2, 2.5, 5 × 10^k. */
function niceStep(span: number, ticks: number): number {
  const raw = span / Math.max(1, ticks);
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

/** The number a mark is drawn at. */
function markValue(row: ClaimsTableRow): number | null {
  if (row.value !== null) return row.value;
  if (row.min !== null && row.max !== null) return (row.min + row.max) / 2;
  return row.min ?? row.max;
}

let tooltipSeq = 0;

export function buildChart(o: ChartOptions): HTMLElement {
  const single = o.points.length === 1;
  const W = o.narrow ? 340 : 720;
  const H = (o.narrow ? 240 : 300) - (single ? 70 : 0);
  const M = { top: 28, right: o.narrow ? 12 : 24, bottom: 34, left: o.narrow ? 52 : 76 };
  const rows = o.points.flatMap((p) => p.candidates.map((c) => c.row));

  // Time domain: every day covered, padded.
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const r of rows) {
    if (!r.as_of_start) continue;
    x0 = Math.min(x0, day(r.as_of_start));
    x1 = Math.max(x1, day(r.as_of_end ?? r.as_of_start));
  }
  const pad = Math.max(20, (x1 - x0) * 0.06);
  x0 -= pad;
  x1 += pad;
  // Value domain: from 0 to the largest number, with room for arrows.
  let yMax = 0;
  for (const r of rows) for (const v of [r.value, r.min, r.max]) if (v !== null && Number.isFinite(v)) yMax = Math.max(yMax, v);
  if (yMax <= 0) yMax = 1;
  // Whole things (people, firearms, years) get whole-number ticks.
  const step = Math.max(niceStep(yMax * 1.15, o.narrow || single ? 4 : 5), o.unit === 'kg' || o.unit === 'litres' ? 0 : 1);
  const yTop = Math.ceil((yMax * 1.15) / step) * step;

  const px = (d: number) => M.left + ((d - x0) / (x1 - x0)) * (W - M.left - M.right);
  const py = (v: number) => H - M.bottom - (v / yTop) * (H - M.top - M.bottom);

  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart-svg',
    role: 'group',
    'aria-label': `${o.title}: chart of ${count(rows.length, 'figure')}. Each figure is a link to its claim; the table below gives the same figures.`,
  });

  // Grid and y axis.
  const grid = s('g', { class: 'grid', 'aria-hidden': 'true' });
  for (let v = 0; v <= yTop + step / 2; v += step) {
    grid.append(
      s('line', { x1: M.left, x2: W - M.right, y1: py(v), y2: py(v) }),
      s('text', { x: M.left - 6, y: py(v) + 4, 'text-anchor': 'end', class: 'tick' }, formatCompact(v, o.unit)),
    );
  }
  grid.append(s('text', { x: 4, y: 12, class: 'axis-label' }, unitLabel(o.unit)));
  // Time axis: years, or months for short spans.
  const spanDays = x1 - x0;
  const start = new Date(x0 * DAY_MS);
  const years = spanDays > 700;
  const monthStep = spanDays > 400 ? 6 : spanDays > 160 ? 3 : 1;
  let t = years ? Date.UTC(start.getUTCFullYear() + 1, 0, 1) : Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  const yearStep = o.narrow && spanDays > 2200 ? 2 : 1;
  let ticks = 0;
  while (t / DAY_MS <= x1 && ticks < 40) {
    const d = new Date(t);
    const xx = px(t / DAY_MS);
    const label = years ? String(d.getUTCFullYear()) : formatEdtf(isoOf(t / DAY_MS).slice(0, 7), true);
    grid.append(s('line', { x1: xx, x2: xx, y1: H - M.bottom, y2: H - M.bottom + 5, class: 'x-tick' }), s('text', { x: xx, y: H - M.bottom + 18, 'text-anchor': 'middle', class: 'tick' }, label));
    t = years ? Date.UTC(d.getUTCFullYear() + yearStep, 0, 1) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthStep, 1);
    ticks++;
  }
  grid.append(s('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: 'baseline' }));
  svg.append(grid);

  // The line through the best figures.
  const bestPath: [number, number][] = [];
  for (const p of o.points) {
    const best = p.candidates.find((c) => c.best)?.row;
    const v = best ? markValue(best) : null;
    if (!best?.as_of_start || v === null) continue;
    const a = day(best.as_of_start);
    const b = day(best.as_of_end ?? best.as_of_start);
    bestPath.push([px((a + b) / 2), py(v)]);
  }
  bestPath.sort((a, b) => a[0] - b[0]);
  if (bestPath.length > 1)
    svg.append(s('polyline', { class: 'best-line', points: bestPath.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' '), 'aria-hidden': 'true' }));

  // Marks.
  const tooltip = h('div', { class: 'tooltip', id: `tooltip-${++tooltipSeq}`, role: 'tooltip', hidden: true });
  const marks = s('g', { class: 'marks' });
  for (const p of o.points) {
    const m = p.candidates.length;
    p.candidates.forEach((c, k) => {
      const r = c.row;
      const v = markValue(r);
      if (!r.as_of_start || v === null) return;
      const a = day(r.as_of_start);
      const b = day(r.as_of_end ?? r.as_of_start);
      const offset = m > 1 ? (k - (m - 1) / 2) * 10 : 0;
      const cx = px((a + b) / 2) + offset;
      const cy = py(v);
      const status = c.best ? 'best figure' : 'another source';
      const label = `${formatEdtf(r.as_of)}: ${formatWorded(r)} — ${o.sourceLabel(r)} (${status}${p.conflict ? ', sources disagree' : ''})`;
      const mark = s('a', {
        href: claimHash(r.claim_id),
        class: `mark ${c.best ? 'best' : 'alt'}${p.conflict ? ' conflict' : ''} q-${r.qualifier}`,
        'aria-label': label,
        'aria-describedby': tooltip.id,
        'data-claim': r.claim_id,
      });
      if (b > a) mark.append(s('line', { class: 'period', x1: px(a) + offset, x2: px(b) + offset, y1: cy, y2: cy }));
      const size = c.best ? 6 : 5;
      switch (r.qualifier) {
        case 'more_than':
        case 'at_least':
          mark.append(
            s('line', { class: 'bound', x1: cx, x2: cx, y1: cy - size, y2: Math.max(M.top, cy - size - 22) }),
            s('path', { class: 'shape', d: `M${cx},${cy - size} L${cx + size},${cy + size * 0.8} L${cx - size},${cy + size * 0.8} Z` }),
          );
          break;
        case 'nearly':
        case 'up_to':
          mark.append(
            s('line', { class: 'bound', x1: cx, x2: cx, y1: cy + size, y2: Math.min(H - M.bottom, cy + size + 22) }),
            s('path', { class: 'shape', d: `M${cx},${cy + size} L${cx + size},${cy - size * 0.8} L${cx - size},${cy - size * 0.8} Z` }),
          );
          break;
        case 'range': {
          const y1 = py(r.min ?? v);
          const y2 = py(r.max ?? v);
          mark.append(
            s('line', { class: 'range', x1: cx, x2: cx, y1, y2 }),
            s('line', { class: 'range', x1: cx - 4, x2: cx + 4, y1, y2: y1 }),
            s('line', { class: 'range', x1: cx - 4, x2: cx + 4, y1: y2, y2 }),
            s('rect', { class: 'shape', x: cx - size * 0.7, y: cy - size * 0.7, width: size * 1.4, height: size * 1.4, transform: `rotate(45 ${cx} ${cy})` }),
          );
          break;
        }
        default:
          mark.append(s('circle', { class: `shape${r.qualifier === 'approximate' ? ' hollow' : ''}`, cx, cy, r: size }));
      }
      if (p.conflict) mark.append(s('circle', { class: 'ring', cx, cy, r: size + 4 }));
      // A generous hit area for pointers.
      mark.append(s('circle', { class: 'hit', cx, cy, r: 9 }));
      const show = () => showTooltip(tooltip, mark, r, o.sourceLabel(r), status, p.conflict);
      mark.addEventListener('mouseenter', show);
      mark.addEventListener('focus', show);
      mark.addEventListener('mouseleave', () => hideTooltip(tooltip, mark));
      mark.addEventListener('blur', () => hideTooltip(tooltip, mark));
      mark.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Escape') tooltip.hidden = true;
      });
      marks.append(mark);
    });
  }
  svg.append(marks);

  const figures = rows.length;
  const sources = new Set(rows.map((r) => r.source_id)).size;
  const conflicts = o.points.filter((p) => p.conflict).length;
  const captionId = `${o.id}-caption`;
  const caption = h(
    'figcaption',
    { id: captionId },
    h('span', { class: 'chart-title' }, o.title),
    h('span', { class: 'chart-subtitle' }, o.subtitle),
    h('span', { class: 'chart-summary' }, `${count(figures, 'figure')} from ${count(sources, 'source')} at ${count(o.points.length, 'date')}${conflicts ? `; sources disagree at ${count(conflicts, 'date')}` : ''}.`),
  );
  svg.setAttribute('aria-describedby', captionId);

  return h(
    'figure',
    { class: 'chart', id: o.id },
    caption,
    h('div', { class: 'chart-plot' }, svg, tooltip),
    legend(),
    dataTable(o, captionId),
  );
}

function showTooltip(tooltip: HTMLElement, mark: SVGAElement, r: ClaimsTableRow, source: string, status: string, conflict: boolean): void {
  tooltip.replaceChildren(
    h('strong', { class: 'tt-value' }, formatWorded(r)),
    h('span', { class: 'tt-date' }, ` · ${formatEdtf(r.as_of)}`),
    h('q', { class: 'tt-quote', lang: langTag(r.source_language) }, clip(r.quote, 280)),
    h('span', { class: 'tt-source' }, source),
    h('span', { class: 'tt-status' }, `${status[0]!.toUpperCase()}${status.slice(1)}${conflict ? ' · sources disagree' : ''} · open to see the claim`),
  );
  tooltip.hidden = false;
  const plot = tooltip.parentElement!;
  const box = plot.getBoundingClientRect();
  const m = mark.getBoundingClientRect();
  const width = Math.min(300, box.width - 8);
  tooltip.style.width = `${width}px`;
  let left = m.left - box.left + m.width / 2 - width / 2;
  left = Math.max(4, Math.min(box.width - width - 4, left));
  const below = m.top - box.top < box.height / 2;
  tooltip.style.left = `${left}px`;
  if (below) {
    tooltip.style.top = `${m.bottom - box.top + 8}px`;
    tooltip.style.bottom = '';
  } else {
    tooltip.style.top = '';
    tooltip.style.bottom = `${box.bottom - m.top + 8}px`;
  }
}

function hideTooltip(tooltip: HTMLElement, mark: Element): void {
  if (document.activeElement === mark || mark.matches(':hover')) return;
  tooltip.hidden = true;
}

function legend(): HTMLElement {
  const item = (cls: string, shape: SVGElement, text: string) =>
    h('li', null, s('svg', { viewBox: '0 0 20 20', class: `legend-key ${cls}`, 'aria-hidden': 'true' }, shape), text);
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Key' },
    item('best', s('circle', { class: 'shape', cx: 10, cy: 10, r: 5 }), 'best figure of a date'),
    item('alt', s('circle', { class: 'shape', cx: 10, cy: 10, r: 5 }), 'another source'),
    item('best', s('circle', { class: 'shape hollow', cx: 10, cy: 10, r: 5 }), 'about'),
    item('best', s('path', { class: 'shape', d: 'M10,4 L16,15 L4,15 Z' }), 'more than / at least'),
    item('best', s('path', { class: 'shape', d: 'M10,16 L16,5 L4,5 Z' }), 'nearly / up to'),
    item('best', s('path', { class: 'range-key', d: 'M10,3 V17 M6,3 H14 M6,17 H14' }), 'range'),
    item('conflict', s('circle', { class: 'ring', cx: 10, cy: 10, r: 7 }), 'sources disagree'),
  );
}

function dataTable(o: ChartOptions, captionId: string): HTMLElement {
  const body = h('tbody');
  for (const p of o.points)
    for (const c of p.candidates) {
      const r = c.row;
      body.append(
        h(
          'tr',
          { class: c.best ? 'is-best' : null },
          h('td', null, formatEdtf(r.as_of)),
          h('td', { class: 'num' }, h('a', { href: claimHash(r.claim_id) }, formatWorded(r))),
          h('td', null, o.sourceLabel(r)),
          h('td', null, c.best ? 'Best figure' : 'Other source', p.conflict ? h('span', { class: 'badge warn' }, 'disagree') : null),
        ),
      );
    }
  const figures = o.points.reduce((n, p) => n + p.candidates.length, 0);
  return h(
    'details',
    { class: 'chart-table' },
    h('summary', null, `Table of the ${count(figures, 'figure')}`),
    h(
      'div',
      { class: 'scroller', role: 'region', 'aria-label': `Table of the figures: ${o.title}, ${o.subtitle}`, tabindex: 0 },
      h(
        'table',
        { 'aria-describedby': captionId },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Status'))),
        body,
      ),
    ),
  );
}
