import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats, { type FormatsPlugin } from 'ajv-formats';
import { schemasDir } from './paths.js';
import { isValidEdtf } from './edtf-dates.js';

/** The schema version the dataset is built against (the folder under schemas/). */
export const SCHEMA_VERSION = '1.0';
export const SCHEMA_BASE = `https://encrochat-ledger.org/schemas/${SCHEMA_VERSION}/`;

export interface SchemaFile {
  file: string;
  schema: Record<string, unknown> & { $id: string };
}

/** Every published schema file of the current version, sorted by file name. */
export function readSchemas(dir = path.join(schemasDir, SCHEMA_VERSION)): SchemaFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

/** An Ajv (JSON Schema 2020-12) instance with every published schema and the `edtf` format. */
export function createAjv(schemas: SchemaFile[] = readSchemas()): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });
  // ajv-formats is CommonJS with `exports.default`; depending on the loader the function is the module or its default.
  const formats = addFormats as unknown as { default?: FormatsPlugin } & FormatsPlugin;
  (formats.default ?? formats)(ajv, ['uri', 'date']);
  ajv.addFormat('edtf', { type: 'string', validate: isValidEdtf });
  for (const { schema } of schemas) ajv.addSchema(schema);
  return ajv;
}

/** The compiled validator of one published schema, by file name (e.g. `source.schema.json`). */
export function validatorFor(ajv: Ajv2020, file: string): ValidateFunction {
  const fn = ajv.getSchema(SCHEMA_BASE + file);
  if (!fn) throw new Error(`No schema ${SCHEMA_BASE + file}`);
  return fn;
}
