/**
 * The string formats the schemas use, in one place for every Ajv instance and for the precompiled
 * validators: `uri` and `date` as ajv-formats defines them (its "full" mode), and `edtf` checked by
 * a real EDTF parser (see edtf.ts).
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isValidEdtf } from './edtf.js';

export const formats = {
  uri: fullFormats.uri,
  date: fullFormats.date,
  edtf: { type: 'string' as const, validate: isValidEdtf },
};

export function addFormats(ajv: Ajv2020): void {
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
}
