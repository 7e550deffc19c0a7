/**
 * A chart of one series as inline SVG built with DOM calls (no markup from data), with a data table
 * as its text alternative.
 *
 * Every claim is a mark at its `as_of` date: a period longer than a day is drawn as a bar across
 * its days. The qualifier is visible: exact ● filled circle, about ○ hollow circle, more than / at
 * least ▲ with a dashed arrow upwards, nearly / up to ▼ with a dashed arrow downwards, a range as an
 * interval from min to max. The best figure of each date (the series rule) is dark blue and joined
 * by a dashed line; other sources for the same date are orange marks beside it, and marks of a date
 * where sources disagree have a red ring. The latest best figure is written beside its mark. Each
 * mark is a link to its claim: hover or keyboard focus shows the quote and the source.
 *
 * Marks never cover each other: where two would be closer than a target a finger can tap
 * (`markSpacing`), the later one is moved to the nearest free place (`spreadApart`) and a stub
 * joins it to its date and value.
 * The legend lists exactly the kinds of mark the chart draws.
 */
import { qualifierMeaning, QUALIFIERS, type ClaimsTableRow } from '@encrochat-ledger/dataset';
import { h, s, clip, langTag, type Child } from './dom.js';
import { count, formatCompact, formatEdtf, formatWorded } from './format.js';
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
  /** What the vertical axis counts: "people arrested", "cash seized (GBP)". */
  axisLabel: string;
  points: ChartPoint[];
  /** Narrow layout (phones). */
  narrow: boolean;
  sourceLabel: (row: ClaimsTableRow) => string;
  /** Controls shown under the caption (copy link, cite, downloads). */
  actions?: Child;
  /** The width the chart will be shown at, in CSS pixels (for the size of tap targets); default: one unit a pixel. */
  available?: number;
}

/** The smallest target a finger can tap reliably, in CSS pixels (WCAG 2.2, 2.5.8). */
export const TARGET_PX = 24;

/**
 * Centre-to-centre distance (SVG units) under which two marks are moved apart: a target of
 * `TARGET_PX` at the width the chart is drawn (`available` CSS pixels for `width` units), never
 * less than two marks' width (14 units), so marks stay apart however wide the screen.
 */
export function markSpacing(available: number | undefined, width: number): number {
  const scale = available && available > 0 ? available / width : 1;
  return Math.max(14, Math.ceil(((TARGET_PX + 1) / scale) * 10) / 10);
}

const DAY_MS = 86_400_000;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (d: number): string => new Date(d * DAY_MS).toISOString().slice(0, 10);

/** Round tick steps: 1, 2, 2.5, 5 × 10^k. */
function niceStep(span: number, ticks: number): number {
  const raw = span / Math.max(1, ticks);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

/** The number a mark is drawn at. */
function markValue(row: ClaimsTableRow): number | null {
  if (row.value !== null) return row.value;
  if (row.min !== null && row.max !== null) return (row.min + row.max) / 2;
  return row.min ?? row.max;
}

/**
 * Where to try a mark that would cover another, in units of the spacing: sideways first, up to two
 * and a half spacings each way at half steps (a reader reads values on the vertical axis, and the
 * other sources of a date sit beside its best figure), then the nearest points of a hexagonal
 * lattice (the densest packing: a cluster of ten marks stays within two spacings of its place
 * instead of spreading over months).
 */
const OFFSETS: readonly (readonly [number, number])[] = (() => {
  const sideways: [number, number][] = [[0, 0]];
  for (let k = 1; k <= 5; k++) sideways.push([k / 2, 0], [-k / 2, 0]);
  const lattice: [number, number][] = [];
  for (let row = -6; row <= 6; row++)
    for (let col = -7; col <= 7; col++) {
      const dx = col + (row % 2 === 0 ? 0 : 0.5);
      const dy = (row * Math.sqrt(3)) / 2;
      if (row !== 0 && Math.hypot(dx, dy) <= 6) lattice.push([dx, dy]);
    }
  lattice.sort(
    (a, b) =>
      Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]) ||
      Math.abs(a[1]) - Math.abs(b[1]) ||
      b[0] - a[0],
  );
  return [...sideways, ...lattice];
})();

/**
 * Positions for marks given in priority order, each at the first free place of `OFFSETS` around
 * its own (at least `spacing` from every mark placed before it) inside the box. A mark with no free
 * place nearby keeps its own (and is not counted as placed: the plot is full there).
 *
 * Placed marks are kept in a grid of cells narrower than spacing / √2, so a cell holds at most one
 * and a test looks at the 5 × 5 cells around: 5,000 marks on one spot took 0.2–0.3 s on a busy
 * two-core machine, where scanning columns of marks took 5.9 s.
 */
export function spreadApart(
  marks: readonly { x: number; y: number }[],
  spacing: number,
  box: { left: number; right: number; top: number; bottom: number },
): { x: number; y: number }[] {
  const cell = spacing / 1.5;
  const grid = new Map<number, { x: number; y: number }>();
  const key = (cx: number, cy: number) => cx * 1_000_003 + cy;
  const free = (x: number, y: number) => {
    const cx = Math.floor(x / cell);
    const cy = Math.floor(y / cell);
    for (let i = cx - 2; i <= cx + 2; i++)
      for (let j = cy - 2; j <= cy + 2; j++) {
        const other = grid.get(key(i, j));
        if (other && Math.hypot(other.x - x, other.y - y) < spacing - 1e-9) return false;
      }
    return true;
  };
  return marks.map(({ x, y }) => {
    for (const [dx, dy] of OFFSETS) {
      const candidate = { x: x + dx * spacing, y: y + dy * spacing };
      if (
        candidate.x < box.left ||
        candidate.x > box.right ||
        candidate.y < box.top ||
        candidate.y > box.bottom
      )
        continue;
      if (free(candidate.x, candidate.y)) {
        grid.set(key(Math.floor(candidate.x / cell), Math.floor(candidate.y / cell)), candidate);
        return candidate;
      }
    }
    return { x, y };
  });
}

interface Layout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  x0: number;
  x1: number;
  yTop: number;
  yStep: number;
  px: (d: number) => number;
  py: (v: number) => number;
}

function layoutFor(options: ChartOptions, rows: readonly ClaimsTableRow[]): Layout {
  const single = options.points.length === 1;
  const width = single ? (options.narrow ? 340 : 420) : options.narrow ? 340 : 720;
  const height = single ? 170 : options.narrow ? 290 : 300;
  const margin = {
    top: 30,
    right: options.narrow || single ? 14 : 24,
    bottom: 34,
    left: options.narrow ? 52 : 76,
  };
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
  for (const r of rows)
    for (const v of [r.value, r.min, r.max])
      if (v !== null && Number.isFinite(v)) yMax = Math.max(yMax, v);
  if (yMax <= 0) yMax = 1;
  // Whole things (people, firearms, years) get whole-number ticks.
  const yStep = Math.max(
    niceStep(yMax * 1.15, options.narrow || single ? 3 : 5),
    options.unit === 'kg' || options.unit === 'litres' ? 0 : 1,
  );
  const yTop = Math.ceil((yMax * 1.15) / yStep) * yStep;
  return {
    width,
    height,
    margin,
    x0,
    x1,
    yTop,
    yStep,
    px: (d) => margin.left + ((d - x0) / (x1 - x0)) * (width - margin.left - margin.right),
    py: (v) => height - margin.bottom - (v / yTop) * (height - margin.top - margin.bottom),
  };
}

function drawGrid(layout: Layout, options: ChartOptions): SVGGElement {
  const { width, height, margin, px, py, yTop, yStep, x0, x1 } = layout;
  const grid = s('g', { class: 'grid', 'aria-hidden': 'true' });
  for (let v = 0; v <= yTop + yStep / 2; v += yStep) {
    grid.append(
      s('line', { x1: margin.left, x2: width - margin.right, y1: py(v), y2: py(v) }),
      s(
        'text',
        { x: margin.left - 6, y: py(v) + 4, 'text-anchor': 'end', class: 'tick' },
        formatCompact(v, options.unit),
      ),
    );
  }
  grid.append(s('text', { x: 4, y: 13, class: 'axis-label' }, options.axisLabel));
  // Time axis: years, or months for short spans.
  const spanDays = x1 - x0;
  const start = new Date(x0 * DAY_MS);
  const years = spanDays > 700;
  const monthStep = spanDays > 400 ? 6 : spanDays > 160 ? 3 : 1;
  const yearStep = options.narrow && spanDays > 2200 ? 2 : 1;
  let t = years
    ? Date.UTC(start.getUTCFullYear() + 1, 0, 1)
    : Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  for (let ticks = 0; t / DAY_MS <= x1 && ticks < 40; ticks++) {
    const d = new Date(t);
    const x = px(t / DAY_MS);
    const label = years
      ? String(d.getUTCFullYear())
      : formatEdtf(isoOf(t / DAY_MS).slice(0, 7), true);
    grid.append(
      s('line', {
        x1: x,
        x2: x,
        y1: height - margin.bottom,
        y2: height - margin.bottom + 5,
        class: 'x-tick',
      }),
      s(
        'text',
        { x, y: height - margin.bottom + 18, 'text-anchor': 'middle', class: 'tick' },
        label,
      ),
    );
    t = years
      ? Date.UTC(d.getUTCFullYear() + yearStep, 0, 1)
      : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthStep, 1);
  }
  grid.append(
    s('line', {
      x1: margin.left,
      x2: width - margin.right,
      y1: height - margin.bottom,
      y2: height - margin.bottom,
      class: 'baseline',
    }),
  );
  return grid;
}

/** The kinds of mark a legend can explain, in its order. */
const LEGEND_KEYS = [
  'best',
  'alt',
  'exact',
  'approximate',
  'above',
  'below',
  'range',
  'period',
  'conflict',
  'moved',
  'line',
  'latest',
] as const;
type LegendKey = (typeof LEGEND_KEYS)[number];

/** How a figure's mark shows its qualifier. */
type MarkShape = Extract<LegendKey, 'exact' | 'approximate' | 'above' | 'below' | 'range'>;

/**
 * The mark of a qualifier, from what it means (the dataset's table of qualifiers): a lower bound
 * alone points up, an upper bound alone down, a min and a max make a range, and a figure taken at
 * its word though it states no bounds (about) is hollow.
 */
function markShape(qualifier: string): MarkShape {
  const meaning = qualifierMeaning(qualifier);
  if (!meaning) return 'exact';
  if (meaning.lower?.of === 'min' && meaning.upper?.of === 'max') return 'range';
  if (meaning.lower && !meaning.upper) return 'above';
  if (meaning.upper && !meaning.lower) return 'below';
  return meaning.comparedAsValue ? 'approximate' : 'exact';
}

/** The words of the qualifiers drawn with `shape`, for the legend: "more than / at least". */
const wordsOfShape = (shape: MarkShape) =>
  Object.entries(QUALIFIERS)
    .filter(([qualifier]) => markShape(qualifier) === shape)
    .map(([, meaning]) => meaning.words)
    .join(' / ');

/** One claim's mark, before and after it is moved apart from the others. */
interface Placed {
  point: ChartPoint;
  candidate: ChartCandidate;
  value: number;
  /** First and last day of its date. */
  first: number;
  last: number;
  /** Where its date and value put it, and where it is drawn. */
  dateX: number;
  valueY: number;
  x: number;
  y: number;
}

let tooltipSeq = 0;

export function buildChart(options: ChartOptions): HTMLElement {
  const rows = options.points.flatMap((p) => p.candidates.map((c) => c.row));
  const layout = layoutFor(options, rows);
  const { width, height, margin, px, py } = layout;
  const used = new Set<LegendKey>();

  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart-svg',
    role: 'group',
    'aria-label': `${options.title}: chart of ${count(rows.length, 'figure')}. Each figure is a link to its claim; the table below gives the same figures.`,
  });
  svg.append(drawGrid(layout, options));

  // Where each mark goes: best figures first (they stay on their date), then the other sources.
  const marks: Placed[] = [];
  for (const point of options.points)
    for (const candidate of point.candidates) {
      const r = candidate.row;
      const value = markValue(r);
      if (!r.as_of_start || value === null) continue;
      const first = day(r.as_of_start);
      const last = day(r.as_of_end ?? r.as_of_start);
      const dateX = px((first + last) / 2);
      marks.push({
        point,
        candidate,
        value,
        first,
        last,
        dateX,
        valueY: py(value),
        x: dateX,
        y: py(value),
      });
    }
  marks.sort((a, b) => Number(b.candidate.best) - Number(a.candidate.best) || a.dateX - b.dateX);
  const spacing = markSpacing(options.available, width);
  const box = {
    left: margin.left + 4,
    right: width - margin.right - 4,
    top: margin.top - 10,
    bottom: height - margin.bottom - 4,
  };
  spreadApart(marks, spacing, box).forEach((at, k) => Object.assign(marks[k]!, at));

  // The line through the best figures.
  const bestPath = marks.filter((m) => m.candidate.best).map((m) => [m.x, m.y] as const);
  bestPath.sort((a, b) => a[0] - b[0]);
  if (bestPath.length > 1) {
    svg.append(
      s('polyline', {
        class: 'best-line',
        points: bestPath.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '),
        'aria-hidden': 'true',
      }),
    );
    used.add('line');
  }

  const tooltip = h('div', {
    class: 'tooltip',
    id: `tooltip-${++tooltipSeq}`,
    role: 'tooltip',
    hidden: true,
  });
  const group = s('g', { class: 'marks' });
  // Drawn in date order, so that tabbing goes through them left to right.
  for (const m of [...marks].sort(
    (a, b) => a.x - b.x || Number(b.candidate.best) - Number(a.candidate.best),
  ))
    group.append(drawMark(m, options, layout, spacing, tooltip, used));
  svg.append(group);

  const latest = latestLabel(marks, layout);
  if (latest) {
    svg.append(latest);
    used.add('latest');
  }

  const sources = new Set(rows.map((r) => r.source_id)).size;
  const conflicts = options.points.filter((p) => p.conflict).length;
  const captionId = `${options.id}-caption`;
  const caption = h(
    'figcaption',
    { id: captionId },
    h('span', { class: 'chart-title' }, options.title),
    h('span', { class: 'chart-subtitle' }, options.subtitle),
    h(
      'span',
      { class: 'chart-summary' },
      `${count(rows.length, 'figure')} from ${count(sources, 'source')} at ${count(options.points.length, 'date')}${conflicts ? `; sources disagree at ${count(conflicts, 'date')}` : ''}.`,
    ),
  );
  svg.setAttribute('aria-describedby', captionId);

  return h(
    'figure',
    {
      class: `chart${options.points.length === 1 ? ' single' : ''}`,
      id: options.id,
      'data-points': options.points.length,
    },
    caption,
    options.actions ? h('div', { class: 'chart-actions' }, options.actions) : null,
    h('div', { class: 'chart-plot' }, svg, tooltip),
    legend(used),
    dataTable(options, captionId),
  );
}

function drawMark(
  m: Placed,
  options: ChartOptions,
  layout: Layout,
  spacing: number,
  tooltip: HTMLElement,
  used: Set<LegendKey>,
): SVGAElement {
  const { px, margin, height } = layout;
  const r = m.candidate.row;
  const { best } = m.candidate;
  const { conflict } = m.point;
  const { x, y } = m;
  const status = best ? 'best figure' : 'another source';
  used.add(best ? 'best' : 'alt');
  const mark = s('a', {
    href: claimHash(r.claim_id),
    class: `mark ${best ? 'best' : 'alt'}${conflict ? ' conflict' : ''} q-${r.qualifier}`,
    'aria-label': `${formatEdtf(r.as_of)}: ${formatWorded(r)} — ${options.sourceLabel(r)} (${status}${conflict ? ', sources disagree' : ''})`,
    'aria-describedby': tooltip.id,
    'data-claim': r.claim_id,
  });
  if (m.last > m.first) {
    mark.append(
      s('line', { class: 'period', x1: px(m.first), x2: px(m.last), y1: m.valueY, y2: m.valueY }),
    );
    used.add('period');
  }
  if (Math.hypot(x - m.dateX, y - m.valueY) > 0.5) {
    mark.append(
      s('line', { class: 'moved', x1: m.dateX, x2: x, y1: m.valueY, y2: y }),
      s('circle', { class: 'moved-dot', cx: m.dateX, cy: m.valueY, r: 1.6 }),
    );
    used.add('moved');
  }
  const size = best ? 6 : 5;
  const shape = markShape(r.qualifier);
  switch (shape) {
    case 'above':
      mark.append(
        s('line', {
          class: 'bound',
          x1: x,
          x2: x,
          y1: y - size,
          y2: Math.max(margin.top, y - size - 22),
        }),
        s('path', {
          class: 'shape',
          d: `M${x},${y - size} L${x + size},${y + size * 0.8} L${x - size},${y + size * 0.8} Z`,
        }),
      );
      break;
    case 'below':
      mark.append(
        s('line', {
          class: 'bound',
          x1: x,
          x2: x,
          y1: y + size,
          y2: Math.min(height - margin.bottom, y + size + 22),
        }),
        s('path', {
          class: 'shape',
          d: `M${x},${y + size} L${x + size},${y - size * 0.8} L${x - size},${y - size * 0.8} Z`,
        }),
      );
      break;
    case 'range': {
      const y1 = layout.py(r.min ?? m.value);
      const y2 = layout.py(r.max ?? m.value);
      mark.append(
        s('line', { class: 'range', x1: x, x2: x, y1, y2 }),
        s('line', { class: 'range', x1: x - 4, x2: x + 4, y1, y2: y1 }),
        s('line', { class: 'range', x1: x - 4, x2: x + 4, y1: y2, y2 }),
        s('rect', {
          class: 'shape',
          x: x - size * 0.7,
          y: y - size * 0.7,
          width: size * 1.4,
          height: size * 1.4,
          transform: `rotate(45 ${x} ${y})`,
        }),
      );
      break;
    }
    default:
      mark.append(
        s('circle', {
          class: `shape${shape === 'approximate' ? ' hollow' : ''}`,
          cx: x,
          cy: y,
          r: size,
        }),
      );
  }
  used.add(shape);
  if (conflict) {
    mark.append(s('circle', { class: 'ring', cx: x, cy: y, r: size + 4 }));
    used.add('conflict');
  }
  // The area a pointer or a finger hits: as wide as marks are apart, so no two overlap.
  mark.append(s('circle', { class: 'hit', cx: x, cy: y, r: spacing / 2 }));
  const show = () => showTooltip(tooltip, mark, r, options.sourceLabel(r), status, conflict);
  mark.addEventListener('mouseenter', show);
  mark.addEventListener('focus', show);
  mark.addEventListener('mouseleave', () => hideTooltip(tooltip, mark));
  mark.addEventListener('blur', () => hideTooltip(tooltip, mark));
  mark.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') tooltip.hidden = true;
  });
  return mark;
}

/** The latest best figure written beside its mark (right of it, or left near the right edge). */
function latestLabel(marks: readonly Placed[], layout: Layout): SVGTextElement | null {
  let latest: Placed | null = null;
  for (const m of marks)
    if (
      m.candidate.best &&
      (!latest || m.last > latest.last || (m.last === latest.last && m.first > latest.first))
    )
      latest = m;
  if (!latest) return null;
  const text = formatWorded(latest.candidate.row);
  const room = layout.width - layout.margin.right - latest.x;
  const right = room > text.length * 6.6 + 16;
  // Below the mark when an arrow points up from it, above otherwise (clear of its own shape).
  const up = markShape(latest.candidate.row.qualifier) === 'above';
  const y = Math.max(
    layout.margin.top - 8,
    Math.min(layout.height - layout.margin.bottom - 6, latest.y + (up ? 20 : -12)),
  );
  return s(
    'text',
    {
      class: 'latest-label',
      x: right ? latest.x + 10 : latest.x - 10,
      y,
      'text-anchor': right ? 'start' : 'end',
      'aria-hidden': 'true',
      'data-claim': latest.candidate.row.claim_id,
    },
    text,
  );
}

function showTooltip(
  tooltip: HTMLElement,
  mark: SVGAElement,
  r: ClaimsTableRow,
  source: string,
  status: string,
  conflict: boolean,
): void {
  tooltip.replaceChildren(
    h('strong', { class: 'tt-value' }, formatWorded(r)),
    h('span', { class: 'tt-date' }, ` · ${formatEdtf(r.as_of)}`),
    h('q', { class: 'tt-quote', lang: langTag(r.source_language) }, clip(r.quote, 280)),
    h('span', { class: 'tt-source' }, source),
    h(
      'span',
      { class: 'tt-status' },
      `${status[0]!.toUpperCase()}${status.slice(1)}${conflict ? ' · sources disagree' : ''} · open to see the claim`,
    ),
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

/** The key of every kind of mark the chart draws, and of nothing else. */
function legend(used: ReadonlySet<LegendKey>): HTMLElement {
  const key = (cls: string, ...shapes: SVGElement[]) =>
    s(
      'svg',
      { viewBox: '0 0 20 20', class: `legend-key ${cls}`, 'aria-hidden': 'true' },
      ...shapes,
    );
  const items: Record<LegendKey, [SVGSVGElement, string]> = {
    best: [
      key('best', s('circle', { class: 'shape', cx: 10, cy: 10, r: 5 })),
      'best figure of a date (dark blue)',
    ],
    alt: [
      key('alt', s('circle', { class: 'shape', cx: 10, cy: 10, r: 5 })),
      'another source for that date (orange)',
    ],
    exact: [key('plain', s('circle', { class: 'shape', cx: 10, cy: 10, r: 5 })), 'exact'],
    approximate: [
      key('plain', s('circle', { class: 'shape hollow', cx: 10, cy: 10, r: 5 })),
      wordsOfShape('approximate'),
    ],
    above: [
      key(
        'plain',
        s('line', { class: 'bound', x1: 10, x2: 10, y1: 1, y2: 7 }),
        s('path', { class: 'shape', d: 'M10,7 L15,16 L5,16 Z' }),
      ),
      `${wordsOfShape('above')} (the figure may be higher)`,
    ],
    below: [
      key(
        'plain',
        s('line', { class: 'bound', x1: 10, x2: 10, y1: 13, y2: 19 }),
        s('path', { class: 'shape', d: 'M10,13 L15,4 L5,4 Z' }),
      ),
      `${wordsOfShape('below')} (the figure may be lower)`,
    ],
    range: [
      key('plain', s('path', { class: 'range-key', d: 'M10,3 V17 M6,3 H14 M6,17 H14' })),
      'range',
    ],
    period: [
      key('best', s('line', { class: 'period', x1: 1, x2: 19, y1: 10, y2: 10 })),
      'a period: the dates the figure covers',
    ],
    conflict: [
      key('conflict', s('circle', { class: 'ring', cx: 10, cy: 10, r: 7 })),
      'sources disagree',
    ],
    moved: [
      key(
        'best',
        s('circle', { class: 'moved-dot', cx: 3, cy: 10, r: 1.6 }),
        s('line', { class: 'moved', x1: 3, x2: 12, y1: 10, y2: 10 }),
        s('circle', { class: 'shape', cx: 14, cy: 10, r: 4 }),
      ),
      'moved aside to stay readable; the stub starts at its date and value',
    ],
    line: [
      key('best', s('line', { class: 'line-key', x1: 1, x2: 19, y1: 10, y2: 10 })),
      'best figures joined',
    ],
    latest: [
      key('plain', s('text', { x: 10, y: 15, 'text-anchor': 'middle', class: 'latest-key' }, '12')),
      'latest figure, written beside it',
    ],
  };
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Key' },
    LEGEND_KEYS.filter((k) => used.has(k)).map((k) =>
      h('li', { 'data-key': k }, items[k][0], items[k][1]),
    ),
  );
}

function dataTable(options: ChartOptions, captionId: string): HTMLElement {
  const body = h('tbody');
  for (const p of options.points)
    for (const c of p.candidates) {
      const r = c.row;
      body.append(
        h(
          'tr',
          { class: c.best ? 'is-best' : null },
          h('td', null, formatEdtf(r.as_of)),
          h('td', { class: 'num' }, h('a', { href: claimHash(r.claim_id) }, formatWorded(r))),
          h('td', null, options.sourceLabel(r)),
          h(
            'td',
            null,
            c.best ? 'Best figure' : 'Other source',
            p.conflict ? h('span', { class: 'badge warn' }, 'disagree') : null,
          ),
        ),
      );
    }
  const figures = options.points.reduce((n, p) => n + p.candidates.length, 0);
  return h(
    'details',
    { class: 'chart-table' },
    h('summary', null, `Table of the ${count(figures, 'figure')}`),
    h(
      'div',
      {
        class: 'scroller',
        role: 'region',
        'aria-label': `Table of the figures: ${options.title}, ${options.subtitle}`,
        tabindex: 0,
      },
      h(
        'table',
        { 'aria-describedby': captionId },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Date'),
            h('th', { scope: 'col' }, 'Figure'),
            h('th', { scope: 'col' }, 'Source'),
            h('th', { scope: 'col' }, 'Status'),
          ),
        ),
        body,
      ),
    ),
  );
}
