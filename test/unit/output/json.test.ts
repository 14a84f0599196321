// `--output json` and json.dumps: exact spellings, and property tests over generated values:
// the output parses back (JSON.parse for plain data, and our json.loads for the whole model).
import { describe, expect, it } from 'vitest';
import { dumpJson, jsonString } from '../../../src/python/json-dump.js';
import { formatJson } from '../../../src/output/json.js';
import { parseJson } from '../../../src/python/json-parse.js';
import { PythonError, pyRepr } from '../../../src/python/builtins.js';
import { PyDict, PyObject, toJs } from '../../../src/python/value.js';
import { randomValue, seeded } from './generate.js';

describe('json.dumps spellings', () => {
  it('indent=4, ensure_ascii=False', () => {
    expect(formatJson(parseJson('{"a":[1,{"b":[]},{}],"c":"é😀\\u0000"}'))).toBe(
      '{\n    "a": [\n        1,\n        {\n            "b": []\n        },\n        {}\n    ],\n    "c": "é😀\\u0000"\n}\n',
    );
    expect(formatJson(parseJson('[NaN, Infinity, -Infinity, 1e400]'))).toBe('[\n    NaN,\n    Infinity,\n    -Infinity,\n    Infinity\n]\n');
  });

  it('compact with ensure_ascii (to_string)', () => {
    const v = parseJson('{"a":[1,2.0,"é😀\\u007f"],"b":null}');
    expect(dumpJson(v, { ensureAscii: true, separators: [',', ':'] })).toBe('{"a":[1,2.0,"\\u00e9\\ud83d\\ude00\\u007f"],"b":null}');
    expect(dumpJson(v, { ensureAscii: false })).toBe('{"a": [1, 2.0, "é😀\u007f"], "b": null}');
    expect(jsonString('\b\f\n\r\t"\\\x1f', true)).toBe('"\\b\\f\\n\\r\\t\\"\\\\\\u001f"');
  });

  it('refuses objects JSON cannot represent, unless default=str', () => {
    const o = new PyObject('jmespath.visitor._Expression', null);
    expect(() => dumpJson([o], { ensureAscii: false })).toThrow(new PythonError('TypeError', 'Object of type _Expression is not JSON serializable'));
    // --output json passes the AWS CLI's json_encoder as default (awscli/utils.py), in its words.
    expect(() => formatJson([o])).toThrow(new PythonError('TypeError', 'Encountered unrecognized type in JSON encoder.'));
    expect(dumpJson([o], { ensureAscii: true, defaultStr: true })).toMatch(/^\["<jmespath\.visitor\._Expression object at 0x[0-9a-f]+>"\]$/);
  });
});

describe('json output parses back', () => {
  const rng = seeded(7);
  for (let i = 0; i < 300; i++) {
    const plain = randomValue(rng, { safeInts: true, finite: true });
    const full = randomValue(rng);
    it(`value ${i}`, () => {
      const isEmpty = (v: unknown): boolean => v instanceof PyDict && v.size === 0;
      if (isEmpty(plain)) expect(formatJson(plain)).toBe('');
      else expect(JSON.parse(formatJson(plain))).toEqual(toJs(plain));
      if (!isEmpty(full)) expect(pyRepr(parseJson(formatJson(full)))).toBe(pyRepr(full));
    });
  }
});
