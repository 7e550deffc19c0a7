/**
 * One citation, from CITATION.cff: the forms the package renders, the generated module and the
 * README's block in step with CITATION.cff and the package version, `npm run citation` bringing them
 * back in step after a version bump, and a CITATION.cff it cannot cite from refused in one line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { CitationError, readCitationCff, setCitationVersion } from '../build/citation-cff.js';
import {
  citationDrift,
  README_END,
  README_START,
  syncCitation,
  withReadmeBlock,
} from '../build/citation.js';
import { citationPaths, generateCitationModule } from '../build/generate-citation.js';
import { packageRoot, repoRoot } from '../build/paths.js';
import { citation, formatCitation, licenceWords, type CitationFields } from '../src/citation.js';

const files = citationPaths();
const cffText = fs.readFileSync(files.cff, 'utf8');
const { version } = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));

describe('the citation of CITATION.cff', () => {
  it('renders as text and as BibTeX, with the version cited and its npm page', () => {
    expect(formatCitation('1.2.3')).toBe(
      'encrochat-ledger contributors. encrochat-ledger: every public figure of the EncroChat takedown, with its source and a verbatim quote, version 1.2.3 [data set]. CC BY 4.0. https://www.npmjs.com/package/@encrochat-ledger/dataset/v/1.2.3',
    );
    expect(formatCitation('1.2.3', { format: 'bibtex' })).toBe(
      [
        '@misc{encrochat_ledger_1_2_3,',
        '  author       = {{encrochat-ledger contributors}},',
        '  title        = {{encrochat-ledger: every public figure of the EncroChat takedown, with its source and a verbatim quote}},',
        '  version      = {1.2.3},',
        '  howpublished = {\\url{https://www.npmjs.com/package/@encrochat-ledger/dataset/v/1.2.3}},',
        '  note         = {Data set, CC BY 4.0},',
        '}',
      ].join('\n'),
    );
  });

  it('is the preferred citation of CITATION.cff: the generated module does not drift from it', () => {
    expect(citation).toEqual(readCitationCff(cffText).fields);
    const module = fs.readFileSync(files.module, 'utf8');
    expect(module).toBe(generateCitationModule(cffText));
    expect(module).toMatch(/^\/\* eslint-disable \*\/\n\/\*\*\n \* GENERATED FILE — DO NOT EDIT\./);
  });

  it('agrees everywhere: CITATION.cff, the generated module and the README block name the package version', () => {
    expect(citationDrift()).toEqual([]);
    const readme = fs.readFileSync(files.readme, 'utf8');
    const block = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END));
    expect(block).toContain(`"@encrochat-ledger/dataset": "${version}"`);
    expect(block).toContain(`> ${formatCitation(version)}\n`);
    expect(block).toContain(
      `\`\`\`bibtex\n${formatCitation(version, { format: 'bibtex' })}\n\`\`\``,
    );
  });

  it('renders people, other licences and BibTeX specials', () => {
    const fields: CitationFields = {
      authors: [
        { name: 'Ada Lovelace', entity: false },
        { name: 'Charles Babbage', entity: false },
        { name: 'R&D Desk', entity: true },
      ],
      title: 'Ledger: 100% of the figures_and #tags',
      type: 'software',
      license: 'CC-BY-SA-4.0',
      artifact: 'https://example.org/ledger',
    };
    expect(formatCitation('2.0.0', { fields })).toBe(
      'Ada Lovelace, Charles Babbage and R&D Desk. Ledger: 100% of the figures_and #tags, version 2.0.0 [software]. CC BY-SA 4.0. https://example.org/ledger',
    );
    const bib = formatCitation('2.0.0', { fields, format: 'bibtex' });
    expect(bib).toContain('@misc{ledger_2_0_0,');
    expect(bib).toContain('author       = {Ada Lovelace and Charles Babbage and {R\\&D Desk}},');
    expect(bib).toContain('title        = {{Ledger: 100\\% of the figures\\_and \\#tags}},');
    expect(bib).toContain('note         = {Software, CC BY-SA 4.0},');
    expect(licenceWords('CC0-1.0')).toBe('CC0 1.0');
    expect(licenceWords('ODbL-1.0')).toBe('ODbL-1.0');
    expect(
      readCitationCff(
        cffText.replace(
          '    - name: encrochat-ledger contributors',
          "    - family-names: Lovelace\n      given-names: Ada\n    - name: 'encrochat-ledger contributors'",
        ),
      ).fields.authors,
    ).toEqual([
      { name: 'Ada Lovelace', entity: false },
      { name: 'encrochat-ledger contributors', entity: true },
    ]);
  });
});

/** A copy of the files the citation lives in, under a temporary root. */
function copyRoot(): string {
  const root = tempDir('citation');
  for (const file of Object.values(files)) {
    const to = path.join(root, path.relative(repoRoot, file));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(file, to);
  }
  return root;
}

describe('npm run citation', () => {
  it('after a version bump, finds every form out of step and sets them to the new version, comments and layout kept', () => {
    const root = copyRoot();
    const copied = citationPaths(root);
    const manifest = JSON.parse(fs.readFileSync(copied.manifest, 'utf8'));
    fs.writeFileSync(copied.manifest, JSON.stringify({ ...manifest, version: '7.8.9' }));
    expect(citationDrift(root)).toEqual([
      `CITATION.cff cites version ${version} (preferred-citation: ${version}), but @encrochat-ledger/dataset is 7.8.9: run npm run citation`,
      'README.md: the citation block is not the one CITATION.cff and version 7.8.9 give: run npm run citation',
    ]);

    expect(syncCitation(root)).toEqual({
      version: '7.8.9',
      written: ['CITATION.cff', 'README.md'],
    });
    expect(citationDrift(root)).toEqual([]);
    const cff = fs.readFileSync(copied.cff, 'utf8');
    const changed = cff.split('\n').filter((line, i) => line !== cffText.split('\n')[i]);
    expect(changed).toEqual(['version: 7.8.9', '  version: 7.8.9']);
    const readme = fs.readFileSync(copied.readme, 'utf8');
    const original = fs.readFileSync(files.readme, 'utf8');
    expect(readme.slice(0, readme.indexOf(README_START))).toBe(
      original.slice(0, original.indexOf(README_START)),
    );
    expect(readme.slice(readme.indexOf(README_END))).toBe(
      original.slice(original.indexOf(README_END)),
    );
    expect(readme).toContain(`> ${formatCitation('7.8.9')}\n`);
    expect(readme).not.toContain(`version ${version} [`);
    expect(syncCitation(root).written).toEqual([]);
  });

  it('regenerates the module when CITATION.cff changes what is cited', () => {
    const root = copyRoot();
    const copied = citationPaths(root);
    fs.writeFileSync(copied.cff, cffText.replaceAll('every public figure', 'each public figure'));
    expect(citationDrift(root)).toEqual([
      'packages/dataset/src/generated/citation.ts is not the one CITATION.cff gives: run npm run citation',
      `README.md: the citation block is not the one CITATION.cff and version ${version} give: run npm run citation`,
    ]);
    syncCitation(root);
    expect(fs.readFileSync(copied.module, 'utf8')).toContain('each public figure');
    expect(fs.readFileSync(copied.readme, 'utf8')).toContain('each public figure');
    expect(citationDrift(root)).toEqual([]);
  });

  it('refuses, in one line naming the file and the field, what it cannot cite from', () => {
    const refusal = (text: string) => {
      try {
        readCitationCff(text);
      } catch (error) {
        expect(error).toBeInstanceOf(CitationError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal(cffText.replace(/^ {2}title: .*\n/m, ''))).toMatch(
      /^CITATION\.cff: preferred-citation\.title: .+ \(see https:\/\/citation-file-format\.github\.io for the fields\)$/,
    );
    expect(refusal(cffText.replace(/^version: .*$/m, 'version: 1.0'))).toMatch(
      /^CITATION\.cff: version: a version in quotes, e\.g\. version: "1\.0\.0" \(see/,
    );
    expect(
      refusal(
        cffText.replace('    - name: encrochat-ledger contributors', '    - email: a@example.org'),
      ),
    ).toMatch(
      /^CITATION\.cff: preferred-citation\.authors\.0: an author needs a name \(an organisation or group\) or family-names \(a person\)/,
    );
    expect(
      refusal(cffText.replace(/^ {2}repository-artifact: .*$/m, '  repository-artifact: npm')),
    ).toMatch(/^CITATION\.cff: preferred-citation\.repository-artifact: /);
    expect(refusal('title: [unclosed')).toMatch(/^CITATION\.cff: not valid YAML: /);
    for (const message of [
      refusal(cffText.replace(/^ {2}title: .*\n/m, '')),
      refusal('title: [unclosed'),
    ])
      expect(message).not.toContain('\n');

    expect(() => setCitationVersion(cffText.replace(/^ {2}version: .*\n/m, ''), '2.0.0')).toThrow(
      /^CITATION\.cff: preferred-citation\.version: /,
    );
    expect(() => withReadmeBlock('# A README without the block\n', 'x')).toThrow(
      new CitationError(
        `README.md: no citation block: put the two lines "${README_START}" and "${README_END}" where the citation goes, then run npm run citation`,
      ),
    );
  });
});
