import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { excerpt, MAX_EXCERPT_LENGTH } from '../../src/_internal/excerpt.js';

// Every message that quotes bad input quotes it through excerpt: short text whole, long text cut to about 80
// characters as written (issue 12: "quote at most a short excerpt of bad input in any message").

describe('excerpt', () => {
  test('quotes short text whole, as a JSON string', () => {
    expect(excerpt('abc')).toBe('"abc"');
    expect(excerpt('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
  });

  test('cuts long text to 80 characters and says how many more there were', () => {
    expect(excerpt('x'.repeat(200))).toBe(`"${'x'.repeat(80)}"… (120 more characters)`);
  });

  test('counts escapes as written: 100 NUL bytes quote 13 of them (6 characters each), not 80 (480 characters)', () => {
    expect(excerpt('\u0000'.repeat(100))).toBe(`"${'\\u0000'.repeat(13)}"… (87 more characters)`);
  });

  test('never cuts a surrogate pair in two', () => {
    const text = `${'x'.repeat(79)}😀${'y'.repeat(10)}`;
    expect(excerpt(text)).toBe(`"${'x'.repeat(79)}"… (12 more characters)`);
  });

  propTest.prop([fc.string({ unit: 'binary', maxLength: 2000 })])(
    'the quotation is at most 80 characters as written, and reads back as the start of the text',
    (text) => {
      const quoted = excerpt(text);
      const body = /^(".*")(… \((\d+) more characters\))?$/su.exec(quoted);
      expect(body).not.toBeNull();
      const [, json = '', , more] = body ?? [];
      expect(json.length - 2).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
      const start = JSON.parse(json) as string;
      expect(text.startsWith(start)).toBe(true);
      expect(start.length + Number(more ?? 0)).toBe(text.length);
    }
  );
});
