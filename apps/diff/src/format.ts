/** Text (terminal), JSON (changes.json) and Markdown (release notes) renderings of a diff. */
import type { DataDiff, FieldChange, RecordChange } from './types.js';

const show = (v: unknown): string => {
  if (v === undefined) return '(none)';
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
};

const fieldLine = (f: FieldChange) =>
  f.kind === 'added'
    ? `${f.path}: + ${show(f.new)}`
    : f.kind === 'removed'
      ? `${f.path}: − ${show(f.old)}`
      : `${f.path}: ${show(f.old)} → ${show(f.new)}`;

function headline(r: RecordChange): string {
  switch (r.kind) {
    case 'renamed':
      return `${r.from} → ${r.id}`;
    case 'withdrawn':
      return `${r.id} (${r.withdrawn?.date}: ${r.withdrawn?.reason})${r.superseded_by ? ` superseded by ${r.superseded_by}` : ''}`;
    default:
      return r.id;
  }
}

const side = (s: DataDiff['old']) => `${s.label}${s.version ? ` (${s.version})` : ''}`;

export function summaryLine(d: DataDiff): string {
  const c = d.counts;
  const parts = (['added', 'removed', 'renamed', 'withdrawn', 'reinstated', 'changed'] as const)
    .filter((k) => c[k])
    .map((k) => `${c[k]} ${k}`);
  if (c.fields) parts.push(`${c.fields} field change${c.fields > 1 ? 's' : ''}`);
  if (c.schemas) parts.push(`${c.schemas} schema change${c.schemas > 1 ? 's' : ''}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

export function formatText(d: DataDiff): string {
  const lines = [`${side(d.old)} → ${side(d.new)}`, `${summaryLine(d)}; required bump: ${d.bump}`];
  const byCollection = new Map<string, RecordChange[]>();
  for (const r of d.records)
    byCollection.set(r.collection, [...(byCollection.get(r.collection) ?? []), r]);
  for (const [collection, changes] of byCollection) {
    lines.push('', `${collection}`);
    for (const r of changes) {
      lines.push(`  ${r.kind.padEnd(10)} ${headline(r)}  [${r.bump}]`);
      for (const f of r.fields ?? []) lines.push(`               ${fieldLine(f)}`);
    }
  }
  if (d.fields.length) {
    lines.push('', 'fields');
    for (const f of d.fields)
      lines.push(`  ${f.kind.padEnd(10)} ${f.collection}.${f.field}  [${f.bump}]`);
  }
  if (d.schemas.length) {
    lines.push('', 'schemas');
    for (const s of d.schemas)
      lines.push(
        `  ${s.bump.padEnd(6)} ${s.file}${s.pointer ? `#${s.pointer}` : ''}${s.against ? ` (against ${s.against})` : ''}: ${s.detail}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function formatJson(d: DataDiff): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

/** The data changes of a release by id, for the release notes and the changelog. */
export function formatMarkdown(
  d: DataDiff,
  { heading = '## Data changes' }: { heading?: string } = {},
): string {
  const lines = [
    heading,
    '',
    `From ${side(d.old)} to ${side(d.new)}: ${summaryLine(d)}. Required bump: **${d.bump}**.`,
  ];
  const sections: [string, RecordChange['kind']][] = [
    ['Removed', 'removed'],
    ['Renamed', 'renamed'],
    ['Withdrawn', 'withdrawn'],
    ['Reinstated', 'reinstated'],
    ['Added', 'added'],
    ['Changed', 'changed'],
  ];
  for (const [title, kind] of sections) {
    const list = d.records.filter((r) => r.kind === kind);
    if (!list.length) continue;
    lines.push('', `### ${title} (${list.length})`, '');
    for (const r of list) {
      const fields = r.fields?.length ? `: ${r.fields.map((f) => `\`${f.path}\``).join(', ')}` : '';
      lines.push(
        `- ${r.collection} \`${r.kind === 'renamed' ? `${r.from}\` → \`${r.id}` : r.id}\`${r.kind === 'withdrawn' ? ` — ${r.withdrawn?.reason}${r.superseded_by ? ` (superseded by \`${r.superseded_by}\`)` : ''}` : fields}`,
      );
    }
  }
  if (d.fields.length) {
    lines.push('', '### Fields', '');
    for (const f of d.fields) lines.push(`- ${f.kind} \`${f.collection}.${f.field}\` (${f.bump})`);
  }
  if (d.schemas.length) {
    lines.push('', '### Schemas', '');
    for (const s of d.schemas)
      lines.push(`- ${s.bump}: \`${s.file}${s.pointer ? `#${s.pointer}` : ''}\` — ${s.detail}`);
  }
  return `${lines.join('\n')}\n`;
}
