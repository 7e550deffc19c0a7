/** fieldDescription: the words of the published schemas for a field, read from the schema files themselves. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { fieldDescription } from '../src/schema-descriptions.js';
import { defaultSchemasDir } from '../src/schemas.js';

const schema = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(defaultSchemasDir(), file), 'utf8'));
const source = schema('source.schema.json');
const defs = schema('defs.schema.json').$defs;

it("gives a field's own description, a nested field's and an array item's field's", () => {
  expect(fieldDescription('source', 'title')).toBe(source.properties.title.description);
  expect(fieldDescription('source', 'archive.file')).toBe(
    source.properties.archive.properties.file.description,
  );
  expect(fieldDescription('person', 'roles.title')).toBe(
    schema('person.schema.json').properties.roles.items.properties.title.description,
  );
});

it('prefers the description beside a $ref to the definition it names', () => {
  expect(source.properties.id.$ref).toBe('defs.schema.json#/$defs/slug');
  expect(fieldDescription('source', 'id')).toBe(source.properties.id.description);
  expect(fieldDescription('source', 'id')).not.toBe(defs.slug.description);
});

it('follows a $ref when the field says nothing itself, also to reach nested fields', () => {
  expect(fieldDescription('source', 'language')).toBe(defs.language.description);
  expect(fieldDescription('claim', 'qualifier')).toBe(defs.qualifier.description);
  expect(fieldDescription('event', 'withdrawn.reason')).toBe(
    defs.withdrawn.properties.reason.description,
  );
});

it('throws, naming the schema and the field, for a field that is missing or undescribed', () => {
  expect(() => fieldDescription('source', 'titel')).toThrow(
    'source.schema.json field titel: titel is not a field',
  );
  expect(() => fieldDescription('source', 'title.words')).toThrow('words is not a field');
  // slugList has no description, and neither has events.organisations beside its $ref.
  expect(() => fieldDescription('event', 'organisations')).toThrow(
    'event.schema.json field organisations: the schema does not describe it',
  );
});

const tmp = tempDir('core-descriptions');

it('reads the schemas of the folder it is given: an edited description is what it returns', () => {
  fs.cpSync(defaultSchemasDir(), tmp, { recursive: true });
  const edited = structuredClone(source);
  edited.properties.title.description = 'The headline, as edited.';
  fs.writeFileSync(path.join(tmp, 'source.schema.json'), JSON.stringify(edited));
  expect(fieldDescription('source', 'title', tmp)).toBe('The headline, as edited.');
  expect(fieldDescription('source', 'title')).toBe(source.properties.title.description);
});
