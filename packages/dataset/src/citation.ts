/**
 * How to cite the dataset: one citation, the preferred citation of CITATION.cff (generated into
 * `generated/citation.ts` by the build) with the version cited. The README, the exporter's README and
 * the viewer all render it with `formatCitation`, so they cannot disagree (the forms:
 * `citation-format.ts`).
 */
import { renderCitation, type CitationFields, type CitationFormat } from './citation-format.js';
import { CITATION } from './generated/citation.js';

export {
  licenceWords,
  versionAddress,
  type CitationAuthor,
  type CitationFields,
  type CitationFormat,
} from './citation-format.js';

export interface CitationOptions {
  format?: CitationFormat;
  /** The citation to render (default: this package's, from CITATION.cff). */
  fields?: CitationFields;
}

/** The preferred citation of CITATION.cff, as this release of the package was built with it. */
export const citation: CitationFields = CITATION;

/** The citation of `version` of the dataset, as one line of text (default) or a BibTeX entry. */
export function formatCitation(
  version: string,
  { format = 'text', fields = citation }: CitationOptions = {},
): string {
  return renderCitation(fields, version, format);
}
