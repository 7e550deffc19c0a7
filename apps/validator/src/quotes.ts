/**
 * Normalises text for verbatim quote matching: typographic quotes and apostrophes become ASCII,
 * dashes become hyphens, non-breaking and other spaces and line breaks fold into one space.
 */
export function normaliseForQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g, ' ')
    .trim();
}
