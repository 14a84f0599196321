// `--output text`: expected texts are what the AWS CLI's text formatter (awscli/text.py)
// prints for these values; `ERR <Type>: <message>` where it raises.
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../src/python/json-parse.js';
import { PythonError } from '../../../src/python/builtins.js';
import { formatText } from '../../../src/output/text.js';

const CASES: ReadonlyArray<readonly [string, string]> = [
  ["{\"a\": [{\"x\": 1, \"y\": [1, 2]}, {\"x\": 2, \"z\": {\"w\": \"q\"}}]}", "A\t1\nY\t1\nY\t2\nA\t2\nZ\tq\n"],
  ["{\"\": [1, 2], \"b\": {\"\": \"x\"}}", "\t1\n\t2\nB\tx\n"],
  ["{\"stra\u00dfe\": [1], \"\u01c6\": {\"k\": null}}", "STRASSE\t1\n\u01c4\tNone\n"],
  ["[[1, [2, [3]]], 4]", "4\n1\n2\n3\n"],
  ["[{\"a\": 1}, [1]]", "ERR AttributeError: 'list' object has no attribute 'items'"],
  ["[{\"a\": []}, {\"a\": {}}]", ""],
  ["{\"a\": [[{\"b\": 1}], [2]]}", "A\t1\nA\t2\n"],
  ["[1.5, null, true, \"a\\tb\"]", "1.5\tNone\tTrue\ta\tb\n"],
  ["{\"k\": [null, false, 1e+16]}", "K\tNone\nK\tFalse\nK\t1e+16\n"],
];

describe('text output', () => {
  it.each(CASES)('%s', (literal, expected) => {
    let got: string;
    try {
      got = formatText(parseJson(literal));
    } catch (e) {
      if (!(e instanceof PythonError)) throw e;
      got = `ERR ${e.pyType}: ${e.message}`;
    }
    expect(got).toBe(expected);
  });
});

describe('nesting and Python\'s recursion limit (recorded: test/fixtures/query-sweep-recordings.json)', () => {
  const run = (doc: string): string => {
    try {
      return formatText(parseJson(doc));
    } catch (e) {
      if (e instanceof PythonError) return `ERR ${e.pyType}: ${e.message}`;
      throw e;
    }
  };
  const limit = 'ERR RecursionError: maximum recursion depth exceeded';
  it('lists and dicts go as deep as text.py does under the AWS CLI', () => {
    expect(run(`${'['.repeat(492)}${']'.repeat(492)}`)).toBe('');
    expect(run(`${'['.repeat(493)}${']'.repeat(493)}`)).toBe(limit);
    expect(run(`${'{"a":'.repeat(491)}1${'}'.repeat(491)}`)).toBe('A\t1\n');
    expect(run(`${'{"a":'.repeat(492)}1${'}'.repeat(492)}`)).toBe(limit);
  });
  it('str() of a scalar checks the limit itself', () => {
    expect(run(`${'[1,'.repeat(490)}2${']'.repeat(490)}`)).toBe(`${'1\n'.repeat(489)}1\t2\n`);
    expect(run(`${'[1,'.repeat(491)}2${']'.repeat(491)}`)).toBe(`${limit} while getting the str of an object`);
  });
});
