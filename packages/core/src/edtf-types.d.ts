/** The parts of the `edtf` package (which ships no types) that edtf.ts uses. */
declare module 'edtf' {
  export interface EdtfValue {
    min: number;
    max: number;
    toString(): string;
  }
  export function parse(
    input: string,
    constraints?: { level?: 0 | 1 | 2 | 3; types?: string[] },
  ): { type: string; level: number };
  export default function edtf(
    input: string | { type: string },
    constraints?: { level?: 0 | 1 | 2 | 3 },
  ): EdtfValue;
}
