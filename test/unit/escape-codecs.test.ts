import { describe, expect, it } from 'vitest';
import { decodeRawUnicodeEscape, decodeUnicodeEscape } from '../../src/util/escape-codecs.js';

describe('the escape codecs on a whole parameter file', () => {
  // A file of 300 kB (READ_LIMITS.paramFile lets 512 kB through) decodes, as Python's does,
  // where spreading its code points into one call overflowed the stack.
  const big = Buffer.alloc(300_000, 0x61);
  it('unicode_escape decodes it', () => {
    expect(decodeUnicodeEscape(big)).toBe('a'.repeat(300_000));
  });
  it('raw_unicode_escape decodes it', () => {
    expect(decodeRawUnicodeEscape(big)).toBe('a'.repeat(300_000));
  });
});
