// pyInt against CPython 3.11's int() (the oracle's interpreter): the AWS CLI converts
// --cli-read-timeout, --cli-connect-timeout and max_attempts with it, so what it accepts (any
// Unicode decimal digit, Unicode whitespace around the number) and the ValueError it raises are
// the CLI's. Each pair is [text, int(text) or str(the ValueError)], printed by python3.
import { describe, expect, it } from 'vitest';
import { pyInt } from '../../src/python/int.js';

const CPYTHON: ReadonlyArray<readonly [string, number | string]> = [
  ['\u0663', 3], [' \u00a05\u2003', 5], ['\uff11\uff10', 10], ['\u0663x', "invalid literal for int() with base 10: '\u0663x'"],
  ['\u001c5\u001f', "invalid literal for int() with base 10: '\\x1c5\\x1f'"], ['+5', 5], ['1_0', 10], ['-0', 0],
  ['1__0', "invalid literal for int() with base 10: '1__0'"], ['\ud835\udfd7', 9], ['\ud835\udfd8\ud835\udfd9', 1],
  ['\ufeff5', "invalid literal for int() with base 10: '\\ufeff5'"], [' 7\t\n', 7], ['\u200b1', "invalid literal for int() with base 10: '\\u200b1'"],
  ['\ud835\udff6\ud835\udff7\ud835\udff8', 12], ['1.5', "invalid literal for int() with base 10: '1.5'"], ['', "invalid literal for int() with base 10: ''"],
];

describe("pyInt is Python's int() of a string", () => {
  for (const [text, expected] of CPYTHON) {
    it(JSON.stringify(text), () => {
      if (typeof expected === 'number') expect(pyInt(text) === 0 ? 0 : pyInt(text)).toBe(expected);
      else expect(() => pyInt(text)).toThrow(expected);
    });
  }
});
