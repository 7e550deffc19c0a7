import { describe, expect, it } from 'vitest';
import { csvField, formulaSafe } from '../src/csv.js';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(csvField(input)).toBe(output));
});

describe('formulaSafe', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44', "'+44"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['746 arrests', '746 arrests'],
  ])('%j → %j', (input, output) => expect(formulaSafe(input)).toBe(output));
});
