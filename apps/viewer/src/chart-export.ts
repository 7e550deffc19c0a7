/**
 * A chart as files and as a reference: PNG and SVG of the drawing, CSV of its figures, its address
 * and its citation.
 *
 * The SVG file is the drawing on the page, with the styles the page gives each element written on
 * it (so it looks the same anywhere), links turned into plain groups, the pointer targets left out,
 * and the title, the scope and the source of the data written above and below it. The PNG is that
 * SVG drawn on a canvas at twice its size, in the page: the image is a data: URL (allowed by the
 * page's `img-src`), and nothing is fetched from anywhere.
 */
import type { ClaimsTableRow } from '@encrochat-ledger/dataset';
import { copyButton, citeWithAddress, addressOf } from './citation.js';
import { claimsCsv } from './csv.js';
import { h, type Child } from './dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Computed style properties written on each exported element (what the stylesheet sets on charts). */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'paint-order',
  'stroke-linejoin',
] as const;
/** Attributes that only make sense in the page. */
const PAGE_ONLY = /^(href|class|role|tabindex|aria-.*|data-.*|id)$/;

function copyWithStyles(source: Element, target: Element): void {
  for (const child of source.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(document.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (!(child instanceof SVGElement) || child.classList.contains('hit')) continue;
    const tag = child.tagName === 'a' ? 'g' : child.tagName;
    const copy = document.createElementNS(SVG_NS, tag);
    for (const attr of child.attributes)
      if (!PAGE_ONLY.test(attr.name)) copy.setAttribute(attr.name, attr.value);
    const style = getComputedStyle(child);
    for (const property of STYLE_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value && value !== 'normal' && !(property === 'stroke-dasharray' && value === 'none'))
        copy.setAttribute(property, value);
    }
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    copyWithStyles(child, copy);
    target.appendChild(copy);
  }
}

/** Words cut into lines of at most `max` characters. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export interface ChartHeading {
  title: string;
  subtitle: string;
  /** "Source: encrochat-ledger 0.1.0, <address>". */
  credit: string;
}

/** The chart's drawing as a standalone SVG document (text), with its heading and credit. */
export function standaloneSvg(
  svg: SVGSVGElement,
  heading: ChartHeading,
): { text: string; width: number; height: number } {
  const [, , width = 720, height = 300] = (svg.getAttribute('viewBox') ?? '')
    .split(/\s+/)
    .map(Number);
  const perLine = Math.floor(width / 7.2);
  const titleLines = wrap(heading.title, Math.floor(width / 9));
  const subtitleLines = wrap(heading.subtitle, perLine);
  const creditLines = wrap(heading.credit, Math.floor(width / 5.6));
  const head = 12 + titleLines.length * 19 + subtitleLines.length * 15 + 6;
  const foot = 8 + creditLines.length * 13;
  const total = head + height + foot;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(total));
  out.setAttribute('viewBox', `0 0 ${width} ${total}`);
  const font = getComputedStyle(svg).fontFamily || 'sans-serif';
  const text = (content: string, y: number, size: number, weight: string, fill: string) => {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', '8');
    t.setAttribute('y', String(y));
    t.setAttribute('font-family', font);
    t.setAttribute('font-size', String(size));
    t.setAttribute('font-weight', weight);
    t.setAttribute('fill', fill);
    t.textContent = content;
    return t;
  };
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: 0, y: 0, width, height: total, fill: '#ffffff' }))
    background.setAttribute(k, String(v));
  out.append(background);
  let y = 8;
  for (const line of titleLines) out.append(text(line, (y += 19) - 4, 15, '700', '#17202c'));
  for (const line of subtitleLines) out.append(text(line, (y += 15) - 3, 11, '400', '#4f5868'));
  const plot = document.createElementNS(SVG_NS, 'g');
  plot.setAttribute('transform', `translate(0 ${head})`);
  copyWithStyles(svg, plot);
  out.append(plot);
  y = head + height + 4;
  for (const line of creditLines) out.append(text(line, (y += 13) - 2, 9.5, '400', '#4f5868'));
  return {
    text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}\n`,
    width,
    height: total,
  };
}

/** The SVG drawn on a canvas at `scale` times its size, as a PNG. */
export async function svgToPng(
  svg: { text: string; width: number; height: number },
  scale = 2,
): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await image.decode();
  const canvas = h('canvas', {
    width: Math.round(svg.width * scale),
    height: Math.round(svg.height * scale),
  });
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
      'image/png',
    ),
  );
}

/** Offers a blob as a file download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "arrests-count-world-encrochat" from a series id, for file names. */
export const fileSlug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

export interface ChartReference {
  /** The id of the chart's figure element. */
  figureId: string;
  title: string;
  subtitle: string;
  /** The chart's own address (`#/charts?…&series=…`). */
  hash: string;
  version: string;
  seriesId: string;
  rows: () => ClaimsTableRow[];
}

/** "Arrests — Worldwide (EncroChat · count)": what a citation of the chart names. */
const citedAs = (ref: ChartReference) => `Chart “${ref.title}” (${ref.subtitle})`;

/** The citation of a chart: the dataset's, what the chart shows, and its address. */
export const chartCitation = (ref: ChartReference): string =>
  citeWithAddress(citedAs(ref), ref.version, ref.hash);

/** Copy link, cite this chart (the text, with a button that copies it), PNG, SVG and CSV. */
export function chartActions(ref: ChartReference): Child {
  const base = `encrochat-ledger-${ref.version}-${fileSlug(ref.seriesId)}`;
  const status = h('span', { class: 'copy-status', role: 'status' });
  const svgOf = () => {
    const svg = document
      .getElementById(ref.figureId)
      ?.querySelector<SVGSVGElement>('svg.chart-svg');
    if (!svg) throw new Error('the chart is not on the page');
    return standaloneSvg(svg, {
      title: ref.title,
      subtitle: ref.subtitle,
      credit: `Source: encrochat-ledger ${ref.version} (CC BY 4.0), ${addressOf(ref.hash)}`,
    });
  };
  const download = (label: string, format: string, make: () => Promise<Blob> | Blob) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button secondary small',
        'data-download': format,
        'aria-label': `${label}: ${ref.title}`,
        onclick: async () => {
          try {
            saveBlob(await make(), `${base}.${format}`);
            status.textContent = '';
          } catch (error) {
            status.textContent = `The ${format.toUpperCase()} could not be made: ${(error as Error).message}.`;
          }
        },
      },
      label,
    );
  const citation = h('p', { class: 'citation', 'data-citation': 'chart' });
  const cite = h(
    'div',
    { class: 'chart-cite', hidden: true },
    citation,
    copyButton('Copy citation', () => citation.textContent ?? '', { done: 'Citation copied' }),
  );
  const citeToggle = h(
    'button',
    {
      type: 'button',
      class: 'button secondary small',
      'aria-expanded': 'false',
      'data-action': 'cite',
      onclick: (e: Event) => {
        const open = cite.hidden;
        if (open) citation.textContent = chartCitation(ref);
        cite.hidden = !open;
        (e.currentTarget as HTMLElement).setAttribute('aria-expanded', String(open));
      },
    },
    'Cite this chart',
  );
  return [
    h(
      'div',
      { class: 'chart-buttons', role: 'group', 'aria-label': `Share or download: ${ref.title}` },
      copyButton('Copy link', () => addressOf(ref.hash), {
        done: 'Link copied',
        attrs: { 'data-action': 'copy-link' },
      }),
      download('PNG', 'png', () => svgToPng(svgOf())),
      download('SVG', 'svg', () => new Blob([svgOf().text], { type: 'image/svg+xml' })),
      download(
        'CSV',
        'csv',
        () => new Blob([claimsCsv(ref.rows())], { type: 'text/csv;charset=utf-8' }),
      ),
      // Last, so that the citation it opens comes next in the tab order.
      citeToggle,
      status,
    ),
    cite,
  ];
}
