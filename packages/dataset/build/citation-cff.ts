/**
 * CITATION.cff, the one file people edit to change how the dataset is cited (GitHub shows it as "Cite
 * this repository"). This module reads its preferred citation into the fields every other form is
 * rendered from (`src/citation-format.ts`), and sets its two `version` fields to the dataset's
 * version after `changeset version` has bumped the package.
 *
 *   preferred-citation:
 *     type: data                     -> type 'data'
 *     title: 'encrochat-ledger: …'   -> title
 *     license: CC-BY-4.0             -> license
 *     authors: [{ name: … }]         -> authors, { name, entity: true }
 *     repository-artifact: https://… -> artifact
 */
import { parse } from 'yaml';
import { z } from 'zod';
import type { CitationAuthor, CitationFields } from '../src/citation-format.js';

/** A CITATION.cff that cannot give a citation; the message is one line naming the file and the field. */
export class CitationError extends Error {}

const Text = z.string().trim().min(1);
/** An entity: an organisation or a group ("encrochat-ledger contributors"). */
const Entity = z.looseObject({ name: Text });
/** A person (CFF 1.2.0 `person`). */
const Person = z.looseObject({
  'family-names': Text,
  'given-names': Text.optional(),
  'name-particle': Text.optional(),
  'name-suffix': Text.optional(),
});
const Author = z.union(
  [Entity, Person],
  'an author needs a name (an organisation or group) or family-names (a person)',
);

function authorOf(author: z.infer<typeof Author>): CitationAuthor {
  const entity = Entity.safeParse(author);
  if (entity.success) return { name: entity.data.name, entity: true };
  const p = Person.parse(author);
  const names = [p['given-names'], p['name-particle'], p['family-names'], p['name-suffix']];
  return { name: names.filter(Boolean).join(' '), entity: false };
}

/** A version in quotes if YAML would read it as a number (`version: 1.0` is the number 1). */
const Version = z.string('a version in quotes, e.g. version: "1.0.0"').trim().min(1);
const Cff = z.looseObject({
  version: Version,
  'preferred-citation': z.looseObject({
    type: Text,
    title: Text,
    version: Version,
    license: Text,
    authors: z.array(Author).min(1),
    'repository-artifact': z.url({ protocol: /^https$/ }),
  }),
});

export interface ReadCitation {
  fields: CitationFields;
  /** The top-level `version` and the preferred citation's, which must both be the dataset's. */
  versions: { version: string; preferred: string };
}

/** The fields of the preferred citation of a CITATION.cff text; `file` names it in errors. */
export function readCitationCff(text: string, file = 'CITATION.cff'): ReadCitation {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new CitationError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = Cff.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CitationError(
      `${file}: ${issue.path.join('.') || '(document)'}: ${issue.message} (see https://citation-file-format.github.io for the fields)`,
    );
  }
  const pc = parsed.data['preferred-citation'];
  return {
    fields: {
      authors: pc.authors.map(authorOf),
      title: pc.title,
      type: pc.type,
      license: pc.license,
      artifact: pc['repository-artifact'],
    },
    versions: { version: parsed.data.version, preferred: pc.version },
  };
}

/**
 * The CITATION.cff text with its top-level `version` and the preferred citation's set to `version`,
 * edited as text so that its comments and layout stay as written.
 */
export function setCitationVersion(text: string, version: string, file = 'CITATION.cff'): string {
  const lines = text.split('\n');
  let inPreferred = false;
  let set = 0;
  const out = lines.map((line) => {
    if (/^\S/.test(line) && !line.startsWith('#'))
      inPreferred = line.startsWith('preferred-citation:');
    const top = /^version:\s*\S.*$/.test(line);
    const preferred = inPreferred && /^ {2}version:\s*\S.*$/.test(line);
    if (!top && !preferred) return line;
    set++;
    return `${preferred ? '  ' : ''}version: ${version}`;
  });
  const next = out.join('\n');
  const { versions } = readCitationCff(next, file);
  if (set !== 2 || versions.version !== version || versions.preferred !== version)
    throw new CitationError(
      `${file}: expected one "version:" line at the top level and one under preferred-citation (indented by two spaces); set them to ${version} by hand`,
    );
  return next;
}
