import { describe, expect, it } from 'vitest';
import { getCloseMatches, ratio } from '../../src/cli/difflib.js';

describe('difflib port', () => {
  it('ratio as SequenceMatcher computes it', () => {
    expect(ratio('abcd', 'bcde')).toBeCloseTo(0.75);
    expect(ratio('json', 'jsn')).toBeCloseTo(6 / 7);
    expect(ratio('', '')).toBe(1);
  });

  it('suggestions like argparse in AWS CLI 2.36', () => {
    expect(getCloseMatches('jsn', ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'])).toEqual(['json']);
    expect(getCloseMatches('blue', ['on', 'off', 'auto'])).toEqual([]);
    expect(getCloseMatches('yam', ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'])).toEqual(['yaml']);
    expect(getCloseMatches('admin-user-global-sign-in', ['admin-user-global-sign-out'])).toEqual(['admin-user-global-sign-out']);
  });
});
