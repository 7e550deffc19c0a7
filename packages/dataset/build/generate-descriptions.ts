/**
 * Writes `src/generated/schema-descriptions.ts`: what the record schemas say of each of their
 * fields (core's `fieldDescription`), one exported constant per field (`claim_quote`,
 * `source_title`, `claim_scope_place`), so that the claims table describes its columns in the
 * schemas' words with no dependency and no file read at run time; a bundler keeps only the
 * constants used.
 *
 * Run by `npm run build` before the build itself, as a process of its own: the build imports the
 * claims table, which must read the new text (`node --import tsx build/generate-descriptions.ts`).
 * A test fails when the file drifts from the schemas.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fieldDescription,
  readSchemas,
  SCHEMA_VERSION,
  type RecordKind,
} from '@encrochat-ledger/core';
import { packageRoot } from './paths.js';

export const descriptionsFile = path.join(
  packageRoot,
  'src',
  'generated',
  'schema-descriptions.ts',
);

const BANNER = `/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * What the encrochat-ledger JSON Schemas ${SCHEMA_VERSION} (schemas/${SCHEMA_VERSION}/*.schema.json) say of each
 * field of a record, by packages/dataset/build/generate-descriptions.ts: \`<kind>_<path>\`, with
 * the field's own description or, when it has none, the one of the definition it refers to.
 * Run \`npm run build -w @encrochat-ledger/dataset\` to regenerate; a test fails when this file drifts.
 */`;

type Node = { properties?: Record<string, Node>; items?: Node };

/** The paths of a schema's fields: its properties, and theirs and their array items', in order. */
function fieldPaths(node: Node, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (name === '$schema') continue;
    const at = `${prefix}${name}`;
    paths.push(at, ...fieldPaths(child.items ?? child, `${at}.`));
  }
  return paths;
}

/** The TypeScript source of the generated module. */
export function generateDescriptions(): string {
  const lines = [BANNER, ''];
  for (const { file, schema } of readSchemas()) {
    const kind = file.replace('.schema.json', '');
    if (kind === 'defs' || kind === 'bundle') continue;
    for (const at of fieldPaths(schema as Node)) {
      let text: string;
      try {
        text = fieldDescription(kind as RecordKind, at);
      } catch {
        continue; // a field the schema does not describe
      }
      lines.push(`export const ${kind}_${at.replaceAll('.', '_')} = ${JSON.stringify(text)};`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the generated module if it changed; true when it did. */
export function writeDescriptions(): boolean {
  const next = generateDescriptions();
  const prev = fs.existsSync(descriptionsFile) ? fs.readFileSync(descriptionsFile, 'utf8') : '';
  if (prev === next) return false;
  fs.mkdirSync(path.dirname(descriptionsFile), { recursive: true });
  fs.writeFileSync(descriptionsFile, next);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeDescriptions();
