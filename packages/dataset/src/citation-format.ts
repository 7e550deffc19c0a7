/**
 * The forms of the citation, from the fields of a preferred citation (CITATION.cff's, see
 * `citation.ts`) and the version cited:
 *
 *   text    encrochat-ledger contributors. encrochat-ledger: every public figure …, version 0.1.0
 *           [data set]. CC BY 4.0. https://www.npmjs.com/package/@encrochat-ledger/dataset/v/0.1.0
 *   bibtex  @misc{encrochat_ledger_0_1_0, author = {{encrochat-ledger contributors}}, title = …}
 *
 * No year: CITATION.cff has no `date-released` to take it from, and the version names the release.
 * The build renders the README's block with these functions too, before the generated module exists.
 */
export interface CitationAuthor {
  /** "encrochat-ledger contributors", or a person's names in reading order. */
  name: string;
  /** An organisation or a group, cited as one name (BibTeX must not split it into first and last names). */
  entity: boolean;
}

/** The preferred citation of CITATION.cff. */
export interface CitationFields {
  authors: readonly CitationAuthor[];
  title: string;
  /** The CFF reference type: `data` for a data set. */
  type: string;
  /** SPDX licence id: `CC-BY-4.0`. */
  license: string;
  /** Where the dataset is published (the npm package page). */
  artifact: string;
}

export type CitationFormat = 'text' | 'bibtex';

/** CFF reference types in words, as a citation shows them in brackets. */
const TYPE_WORDS: Readonly<Record<string, string>> = { data: 'data set', software: 'software' };

/** `CC-BY-4.0` -> "CC BY 4.0", `CC-BY-SA-4.0` -> "CC BY-SA 4.0", `CC0-1.0` -> "CC0 1.0"; other ids as they are. */
export function licenceWords(spdx: string): string {
  const cc = /^CC-(.+)-(\d+\.\d+)$/.exec(spdx);
  if (cc) return `CC ${cc[1]} ${cc[2]}`;
  return spdx.replace(/^CC0-/, 'CC0 ');
}

/** The address of the cited version: an npm package page has one per version (`/v/<version>`). */
export function versionAddress(artifact: string, version: string): string {
  return /^https:\/\/www\.npmjs\.com\/package\//.test(artifact)
    ? `${artifact.replace(/\/$/, '')}/v/${version}`
    : artifact;
}

/** "A", "A and B", "A, B and C". */
function names(authors: readonly CitationAuthor[]): string {
  const all = authors.map((a) => a.name);
  return all.length < 2 ? all.join('') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** Text in a BibTeX field: its special characters escaped. */
function bibtexText(text: string): string {
  return text.replace(/\\/g, '\\textbackslash{}').replace(/[&%$#_{}]/g, '\\$&');
}

function bibtex(fields: CitationFields, version: string): string {
  const key = `${fields.title.split(':')[0]!}_${version}`
    .toLowerCase()
    .replace(/[^0-9a-z]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const authors = fields.authors
    .map((a) => (a.entity ? `{${bibtexText(a.name)}}` : bibtexText(a.name)))
    .join(' and ');
  return [
    `@misc{${key},`,
    `  author       = {${authors}},`,
    `  title        = {{${bibtexText(fields.title)}}},`,
    `  version      = {${bibtexText(version)}},`,
    `  howpublished = {\\url{${versionAddress(fields.artifact, version)}}},`,
    `  note         = {${bibtexText(`${TYPE_WORDS[fields.type] ?? fields.type}, ${licenceWords(fields.license)}`).replace(/^./, (c) => c.toUpperCase())}},`,
    '}',
  ].join('\n');
}

/** The citation of `version` from `fields`, as one line of text or a BibTeX entry. */
export function renderCitation(
  fields: CitationFields,
  version: string,
  format: CitationFormat = 'text',
): string {
  if (format === 'bibtex') return bibtex(fields, version);
  return `${names(fields.authors)}. ${fields.title}, version ${version} [${TYPE_WORDS[fields.type] ?? fields.type}]. ${licenceWords(fields.license)}. ${versionAddress(fields.artifact, version)}`;
}
