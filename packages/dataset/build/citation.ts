/**
 * `npm run citation`: makes every written form of the citation agree with CITATION.cff and with the
 * version of @encrochat-ledger/dataset in packages/dataset/package.json (which `changeset version`
 * bumps). It sets CITATION.cff's two `version` fields, regenerates `src/generated/citation.ts` and
 * rewrites the marked citation block of the README (the pin and the citation, text and BibTeX).
 * `npm run release` runs it first; `citationDrift` is what the tests check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderCitation } from '../src/citation-format.js';
import { CitationError, readCitationCff, setCitationVersion } from './citation-cff.js';
import { citationPaths, generateCitationModule } from './generate-citation.js';
import { repoRoot } from './paths.js';

export const README_START =
  '<!-- citation:start (generated from CITATION.cff by `npm run citation`; do not edit) -->';
export const README_END = '<!-- citation:end -->';

/** The README's citation block for `version`, markers included. */
export function readmeCitationBlock(version: string, cffText: string): string {
  const { fields } = readCitationCff(cffText);
  return [
    README_START,
    '',
    `The current release is ${version}: pin it with \`"@encrochat-ledger/dataset": "${version}"\` and cite it as`,
    '',
    `> ${renderCitation(fields, version)}`,
    '',
    '```bibtex',
    renderCitation(fields, version, 'bibtex'),
    '```',
    '',
    README_END,
  ].join('\n');
}

/** The README with its citation block replaced; `file` names it in the error when it has none. */
export function withReadmeBlock(readme: string, block: string, file = 'README.md'): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end < start)
    throw new CitationError(
      `${file}: no citation block: put the two lines "${README_START}" and "${README_END}" where the citation goes, then run npm run citation`,
    );
  return readme.slice(0, start) + block + readme.slice(end + README_END.length);
}

interface Rewrite {
  file: string;
  next: string;
  /** What is out of date, for the drift check. */
  problem: string;
}

/** Every file whose citation is not the one CITATION.cff and the package version give. */
function rewrites(root: string): { version: string; out: Rewrite[] } {
  const files = citationPaths(root);
  const rel = (file: string) => path.relative(root, file);
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const { version } = JSON.parse(read(files.manifest)) as { version: string };
  const out: Rewrite[] = [];

  const cff = read(files.cff);
  const { versions } = readCitationCff(cff, rel(files.cff));
  const nextCff =
    versions.version === version && versions.preferred === version
      ? cff
      : setCitationVersion(cff, version, rel(files.cff));
  if (nextCff !== cff)
    out.push({
      file: files.cff,
      next: nextCff,
      problem: `${rel(files.cff)} cites version ${versions.version} (preferred-citation: ${versions.preferred}), but @encrochat-ledger/dataset is ${version}`,
    });

  const module = generateCitationModule(nextCff, rel(files.cff));
  if (!fs.existsSync(files.module) || read(files.module) !== module)
    out.push({
      file: files.module,
      next: module,
      problem: `${rel(files.module)} is not the one CITATION.cff gives`,
    });

  const readme = read(files.readme);
  const nextReadme = withReadmeBlock(
    readme,
    readmeCitationBlock(version, nextCff),
    rel(files.readme),
  );
  if (nextReadme !== readme)
    out.push({
      file: files.readme,
      next: nextReadme,
      problem: `${rel(files.readme)}: the citation block is not the one CITATION.cff and version ${version} give`,
    });
  return { version, out };
}

/** What is out of date, one line each; empty when every form agrees. */
export function citationDrift(root = repoRoot): string[] {
  return rewrites(root).out.map((r) => `${r.problem}: run npm run citation`);
}

/** Rewrites what is out of date; returns the version and the files written. */
export function syncCitation(root = repoRoot): { version: string; written: string[] } {
  const { version, out } = rewrites(root);
  for (const { file, next } of out) {
    fs.writeFileSync(`${file}.tmp-${process.pid}`, next);
    fs.renameSync(`${file}.tmp-${process.pid}`, file);
  }
  return { version, written: out.map((r) => path.relative(root, r.file)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { version, written } = syncCitation();
    console.log(
      `citation: version ${version} in CITATION.cff, README.md and the dataset's generated citation (${written.length ? `updated ${written.join(', ')}` : 'already up to date'})`,
    );
  } catch (error) {
    console.error(
      error instanceof CitationError ? error.message : `citation: ${(error as Error).message}`,
    );
    process.exitCode = 1;
  }
}
