import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats, { type FormatsPlugin } from 'ajv-formats';
import { isValidEdtf } from './edtf.js';

export const SCHEMA_VERSION = '1.0';
export const SCHEMA_BASE = `https://encrochat-ledger.org/schemas/${SCHEMA_VERSION}/`;

/**
 * The published schemas: the repository's `schemas/<version>/` when run from the repository, else
 * the byte-identical copy shipped in the package (`dist/schemas/`, checked by a test).
 */
export function defaultSchemasDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../../schemas', SCHEMA_VERSION), path.resolve(here, 'schemas', SCHEMA_VERSION), path.resolve(here, '../dist/schemas', SCHEMA_VERSION)];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'source.schema.json')));
  if (!found) throw new Error(`cannot find the JSON Schemas (looked in ${candidates.join(', ')})`);
  return found;
}

export function readSchemas(dir = defaultSchemasDir()): { file: string; schema: Record<string, unknown> }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

/** Ajv (JSON Schema 2020-12) with the published schemas, the `uri`/`date` formats and `edtf` checked by a real EDTF parser. */
export function createAjv(dir?: string, { allErrors = true }: { allErrors?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });
  // ajv-formats is CommonJS with `exports.default`; depending on the loader the function is the module or its default.
  const formats = addFormats as unknown as { default?: FormatsPlugin } & FormatsPlugin;
  (formats.default ?? formats)(ajv, ['uri', 'date']);
  ajv.addFormat('edtf', { type: 'string', validate: isValidEdtf });
  for (const { schema } of readSchemas(dir)) ajv.addSchema(schema);
  return ajv;
}

export function validatorFor(ajv: Ajv2020, file: string): ValidateFunction {
  const fn = ajv.getSchema(SCHEMA_BASE + file);
  if (!fn) throw new Error(`no schema ${SCHEMA_BASE + file}`);
  return fn;
}
