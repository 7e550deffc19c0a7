/** The four output formats: readable text grouped by file, JSON, SARIF 2.1.0 and GitHub workflow annotations. */
import type { Finding, Severity } from './finding.js';
import type { Report } from './validate.js';
import { allRules } from './rules/index.js';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const COLOURS: Record<Severity, string> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[36m',
};
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** Readable text grouped by file; info findings (disagreements, kept as data) only with `showInfo`. */
export function formatText(report: Report, colour = false, showInfo = false): string {
  const paint = (code: string, s: string) => (colour ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  let current = '';
  for (const f of report.findings) {
    if (f.severity === 'info' && !showInfo) continue;
    if (f.file !== current) {
      if (current) lines.push('');
      current = f.file;
      lines.push(paint('\u001b[1m', f.file));
    }
    lines.push(
      `  ${f.line}:${f.column}  ${paint(COLOURS[f.severity], f.severity.padEnd(7))} ${f.code.padEnd(9)} ${f.message}${f.pointer ? paint(DIM, `  (${f.pointer})`) : ''}`,
    );
    lines.push(paint(DIM, `              hint: ${f.hint}`));
  }
  const { error, warning, info } = report.counts;
  if (lines.length) lines.push('');
  lines.push(
    `${report.files} files, ${report.records} records, ${report.claims} claims: ${error} error(s), ${warning} warning(s), ${info} info${info && !showInfo ? ' (--info lists them)' : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: Report): string {
  return `${JSON.stringify({ summary: { files: report.files, records: report.records, claims: report.claims, ...report.counts }, findings: report.findings }, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export function formatSarif(report: Report, version: string): string {
  const rules = allRules.map((r) => ({
    id: r.code,
    name: r.title
      .replace(/[^A-Za-z0-9]+/g, ' ')
      .trim()
      .replace(/ (\w)/g, (_m, c: string) => c.toUpperCase())
      .replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: r.title },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'encrochat-ledger-validate',
            version,
            informationUri: 'https://github.com/encrochat-ledger/encrochat-ledger',
            rules,
          },
        },
        results: report.findings.map((f: Finding) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code) ?? 0,
          level: SARIF_LEVEL[f.severity],
          message: { text: `${f.message}. Hint: ${f.hint}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file },
                region: { startLine: f.line, startColumn: f.column },
              },
              ...(f.pointer
                ? { logicalLocations: [{ fullyQualifiedName: f.pointer, kind: 'member' }] }
                : {}),
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** GitHub workflow commands; data is escaped as the runner expects (%, CR, LF; and , : in properties). */
export function formatGithub(report: Report): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  return report.findings
    .map(
      (f) =>
        `::${level[f.severity]} file=${prop(f.file)},line=${f.line},col=${f.column},title=${prop(f.code)}::${data(`${f.message} (${f.pointer || '/'}). Hint: ${f.hint}`)}\n`,
    )
    .join('');
}

export function format(
  report: Report,
  fmt: Format,
  options: { colour?: boolean; showInfo?: boolean; version: string },
): string {
  switch (fmt) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options.version);
    case 'github':
      return formatGithub(report);
    default:
      return formatText(report, options.colour, options.showInfo);
  }
}
