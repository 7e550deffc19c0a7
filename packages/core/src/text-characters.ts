/**
 * Text that is not text: a lone surrogate (`"\ud800"`, half of a UTF-16 pair, no character: a
 * UTF-8 writer replaces it with U+FFFD or throws) and NUL (`"\u0000"`, which ends a string in C
 * programs, PostgreSQL and many CSV readers), in any string or key of a file. UTF-8 bytes cannot
 * hold either, only a JSON escape can: a file whose text has no such escape is passed without
 * walking its values, so the check costs one scan of the text.
 */
import type { FileCheck, FileIssue } from './file-checks.js';
import { escapePointerToken } from './json-pointer.js';

/** An escape that may write a NUL or a surrogate (`\\u0000` is a false alarm, settled by the walk). */
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A file full of bad strings is reported this many times, then once for the rest. */
const MAX_REPORTED = 100;

const codeUnit = (s: string, at: number) => `\\u${s.charCodeAt(at).toString(16).padStart(4, '0')}`;

/** What is wrong with a string, or null when it is text. */
function fault(s: string): { message: string; hint: string } | null {
  const nul = s.indexOf('\u0000');
  if (nul !== -1)
    return {
      message: `holds a NUL character (\\u0000 at character ${nul + 1}), which ends the text in C programs, databases and CSV readers`,
      hint: 'remove the \\u0000 escape',
    };
  const lone = LONE_SURROGATE.exec(s);
  if (lone)
    return {
      message: `holds a lone surrogate (${codeUnit(s, lone.index)} at character ${lone.index + 1}): half of a UTF-16 pair, not a character`,
      hint: 'remove the escape, or write the whole character (the character itself, or both halves of its pair)',
    };
  return null;
}

/**
 * Every string and key of a JSON value with its pointer (a key's is its member's), in document
 * order, without recursion: nesting can be deep.
 */
function* stringsOf(value: unknown): Generator<{ pointer: string; text: string; key: boolean }> {
  const stack: { pointer: string; value: unknown; key?: string }[] = [{ pointer: '', value }];
  while (stack.length) {
    const { pointer, value: v, key } = stack.pop()!;
    if (key !== undefined) yield { pointer, text: key, key: true };
    else if (typeof v === 'string') yield { pointer, text: v, key: false };
    else if (Array.isArray(v))
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ pointer: `${pointer}/${i}`, value: v[i] });
    else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [name, member] = entries[i]!;
        const at = `${pointer}/${escapePointerToken(name)}`;
        stack.push({ pointer: at, value: member }, { pointer: at, value: undefined, key: name });
      }
    }
  }
}

/**
 * No lone surrogate and no NUL in any string or key. The validator reports it as JSON003; every
 * tool that reads with `readData` (the dataset build, the diff) refuses the file.
 */
export const badCharacters: FileCheck = (file, read) => {
  if (!read.parsed || read.text === null || !SUSPECT_ESCAPE.test(read.text)) return [];
  const issues: FileIssue[] = [];
  let more = 0;
  for (const { pointer, text, key } of stringsOf(read.value)) {
    const found = fault(text);
    if (!found) continue;
    if (issues.length < MAX_REPORTED)
      issues.push({
        file,
        pointer,
        message: `the ${key ? 'key' : 'text'} ${found.message}`,
        hint: found.hint,
      });
    else more++;
  }
  if (more)
    issues.push({
      file,
      pointer: '',
      message: `${more} more strings of this file hold a NUL or a lone surrogate`,
      hint: 'remove the \\u0000 and lone \\ud800–\\udfff escapes',
    });
  return issues;
};
