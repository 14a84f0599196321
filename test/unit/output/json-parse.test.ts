// json.loads semantics and messages (expected strings are what CPython's json module says).
import { describe, expect, it } from 'vitest';
import { JsonDecodeError, parseJson } from '../../../src/python/json-parse.js';
import { pyRepr } from '../../../src/python/builtins.js';
import { PythonError } from '../../../src/python/builtins.js';
import { PyDict, PyFloat } from '../../../src/python/value.js';

describe('parseJson errors', () => {
  it.each([
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    [' ', 'Expecting value: line 1 column 2 (char 1)'],
    ['{', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
    ['{"a":1,}', 'Expecting property name enclosed in double quotes: line 1 column 8 (char 7)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['{a:1}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['"a\\x"', 'Invalid \\escape: line 1 column 3 (char 2)'],
    ['"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['"\\u12zz"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['"\\u1234', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['"a\tb"', 'Invalid control character at: line 1 column 3 (char 2)'],
    ['01', 'Extra data: line 1 column 2 (char 1)'],
    ['1.', 'Extra data: line 1 column 2 (char 1)'],
    ['-', 'Expecting value: line 1 column 1 (char 0)'],
    ['1e', 'Extra data: line 1 column 2 (char 1)'],
    ['tru', 'Expecting value: line 1 column 1 (char 0)'],
    ['[1]x', 'Extra data: line 1 column 4 (char 3)'],
    ['\ufeff1', 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'],
    ['{"a":\n  1,\n  "b" 2}', "Expecting ':' delimiter: line 3 column 7 (char 17)"],
    ['"😀" x', 'Extra data: line 1 column 5 (char 4)'],
  ])('%j', (text, message) => {
    let error: unknown;
    try {
      parseJson(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonDecodeError);
    expect((error as JsonDecodeError).message).toBe(message);
    expect((error as JsonDecodeError).msg).toBe(message.slice(0, message.indexOf(': line')));
  });

  it('refuses ints longer than CPython converts', () => {
    expect(() => parseJson('1'.repeat(4301))).toThrow(PythonError);
    expect(String(parseJson('9'.repeat(4300)))).toBe('9'.repeat(4300));
  });
});

describe('parseJson values', () => {
  it.each([
    ['"\\ud83d\\ude00"', "'😀'"],
    ['"\\ud800x"', "'\\ud800x'"],
    ['NaN', 'nan'],
    ['-Infinity', '-inf'],
    ['[1e400]', '[inf]'],
    ['{"a":1,"a":2,"b":3}', "{'a': 2, 'b': 3}"],
    ['{"b":1,"a":2,"a":3}', "{'b': 1, 'a': 3}"],
    ['1E+2', '100.0'],
    ['-0', '0'],
    ['-0.0', '-0.0'],
    ['0.5e-3', '0.0005'],
    ['  [ ] ', '[]'],
    ['{"b":1,"2":2,"1":3}', "{'b': 1, '2': 2, '1': 3}"],
    ['[1, 1.0, 1e3, 12345678901234567890123]', '[1, 1.0, 1000.0, 12345678901234567890123]'],
    ['"\\"\\\\\\/\\b\\f\\n\\r\\t"', "'\"\\\\/\\x08\\x0c\\n\\r\\t'"],
    ['[true, false, null]', '[True, False, None]'],
  ])('%j', (text, repr) => {
    expect(pyRepr(parseJson(text))).toBe(repr);
  });

  it('keeps ints and floats apart and key order as written', () => {
    const v = parseJson('{"2":1,"a":1.0,"1":[2]}') as PyDict;
    expect([...v.keys()]).toEqual(['2', 'a', '1']);
    expect(v.get('2')).toBe(1n);
    expect(v.get('a')).toEqual(new PyFloat(1));
  });
});
