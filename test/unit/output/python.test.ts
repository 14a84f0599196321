// Python's spellings (expected strings are what CPython prints).
import { describe, expect, it } from 'vitest';
import { floatRepr, pyRepr, pyStr, pyTypeName } from '../../../src/python/builtins.js';
import { parseJson } from '../../../src/python/json-parse.js';
import { PyDict, PyFloat, PyObject } from '../../../src/python/value.js';

describe('floatRepr', () => {
  it.each([
    [0.0, '0.0'],
    [-0.0, '-0.0'],
    [1.0, '1.0'],
    [1.5, '1.5'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [1.2345678901234568e17, '1.2345678901234568e+17'],
    [1e-4, '0.0001'],
    [1e-5, '1e-05'],
    [0.0001234, '0.0001234'],
    [1.5e-7, '1.5e-07'],
    [1e22, '1e+22'],
    [1e100, '1e+100'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [5e-324, '5e-324'],
    [0.1, '0.1'],
    [0.30000000000000004, '0.30000000000000004'],
    [2.5e-5, '2.5e-05'],
    [-1e16, '-1e+16'],
    [9999999999999998.0, '9999999999999998.0'],
    [100.0, '100.0'],
    [1234567.0, '1234567.0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
  ])('%d', (x, expected) => {
    expect(floatRepr(x)).toBe(expected);
  });
});

describe('pyRepr / pyStr', () => {
  it.each([
    ['', "''"],
    ['a', "'a'"],
    ["it's", '"it\'s"'],
    ['say "hi"', '\'say "hi"\''],
    ['both \' and "', '\'both \\\' and "\''],
    ['tab\tnl\ncr\r', "'tab\\tnl\\ncr\\r'"],
    ['\x00\x1f\x7f', "'\\x00\\x1f\\x7f'"],
    ['é', "'é'"],
    ['\u200b', "'\\u200b'"],
    ['\u2028', "'\\u2028'"],
    ['\xa0', "'\\xa0'"],
    ['\xad', "'\\xad'"],
    ['日本', "'日本'"],
    ['😀', "'😀'"],
    ['\ud800', "'\\ud800'"],
    ['\\', "'\\\\'"],
    ['\u{e0001}', "'\\U000e0001'"],
    ['\x85', "'\\x85'"],
  ])('repr of str %j', (s, expected) => {
    expect(pyRepr(s)).toBe(expected);
    expect(pyStr(s)).toBe(s);
  });

  it('containers, None, bools and numbers', () => {
    const v = parseJson('[1, "a", null, true, 1.5, {"k": "v", "n": [1.0]}]');
    expect(pyRepr(v)).toBe("[1, 'a', None, True, 1.5, {'k': 'v', 'n': [1.0]}]");
    expect(pyStr(v)).toBe("[1, 'a', None, True, 1.5, {'k': 'v', 'n': [1.0]}]");
    expect(pyStr(null)).toBe('None');
    expect(pyStr(undefined)).toBe('None');
    expect(pyStr(false)).toBe('False');
    expect(pyStr(123)).toBe('123');
    expect(pyStr(2n ** 70n)).toBe('1180591620717411303424');
    expect(pyStr(1e21)).toBe('1000000000000000000000');
    expect(pyStr(0.5)).toBe('0.5');
    expect(pyStr(new PyFloat(2))).toBe('2.0');
    expect(pyStr({ a: [1, 'x'] })).toBe("{'a': [1, 'x']}");
    expect(pyStr(new Map([['b', 1]]))).toBe("{'b': 1}");
  });

  it('bytes', () => {
    const b = (s: string): Buffer => Buffer.from(s, 'latin1');
    expect(pyRepr(b('fileuser\n'))).toBe("b'fileuser\\n'");
    expect(pyStr(b("it's"))).toBe('b"it\'s"');
    expect(pyRepr(b('\x00\xff"'))).toBe("b'\\x00\\xff\"'");
    expect(pyRepr(b('\'"'))).toBe("b'\\'\"'");
  });

  it('other objects print like object.__repr__', () => {
    const o = new PyObject('jmespath.visitor._Expression', null);
    expect(pyStr(o)).toMatch(/^<jmespath\.visitor\._Expression object at 0x[0-9a-f]+>$/);
    expect(pyStr(o)).toBe(pyRepr(o));
  });
});

describe('pyTypeName', () => {
  it.each([
    [123, "<class 'int'>"],
    [5n, "<class 'int'>"],
    [1.5, "<class 'float'>"],
    [new PyFloat(1), "<class 'float'>"],
    [null, "<class 'NoneType'>"],
    [undefined, "<class 'NoneType'>"],
    [true, "<class 'bool'>"],
    ['s', "<class 'str'>"],
    [Buffer.from('x'), "<class 'bytes'>"],
    [new Uint8Array(1), "<class 'bytes'>"],
    [[1], "<class 'list'>"],
    [{}, "<class 'dict'>"],
    [new PyDict(), "<class 'dict'>"],
    [new PyObject('jmespath.visitor._Expression', null), "<class 'jmespath.visitor._Expression'>"],
  ])('%s → %s', (v, expected) => {
    expect(pyTypeName(v)).toBe(expected);
  });

  it('builds the botocore message the validation code uses', () => {
    const v = parseJson('123');
    expect(`Invalid type for parameter UserPoolId, value: ${pyStr(v)}, type: ${pyTypeName(v)}`).toBe(
      "Invalid type for parameter UserPoolId, value: 123, type: <class 'int'>",
    );
    const f = parseJson('1.0');
    expect(`${pyStr(f)} ${pyTypeName(f)}`).toBe("1.0 <class 'float'>");
  });
});
