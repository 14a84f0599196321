// `--output table`: layouts, colors, widths and failures. The CASES are what the AWS CLI's
// table formatter (awscli/table.py, the same module in v1 and v2) prints for these values;
// `ERR <Type>: <message>` where it raises.
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../src/python/json-parse.js';
import { PythonError } from '../../../src/python/builtins.js';
import { formatTable, roundHalfEven } from '../../../src/output/table.js';

const CASES: ReadonlyArray<{ literal: string; color: boolean; width: number; expected: string }> = [
  {
    literal: "{\"a\": \"x\", \"b\": [{\"c\": 1, \"d\": {\"e\": 2}}, {\"c\": 3}]}",
    color: true,
    width: 80,
    expected: "------------------------\n|AdminUserGlobalSignOut|\n+----------+-----------+\n|  \u001b[1m\u001b[34ma\u001b[0m       |  \u001b[1m\u001b[34mx\u001b[0m        |\n+----------+-----------+\n\u001b[2m\u001b[33m|\u001b[0m|          b         |\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m+--------------------+\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m|          c         |\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m+--------------------+\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m|  \u001b[1m\u001b[34m1\u001b[0m                 |\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m+--------------------+\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m\u001b[2m\u001b[33m|\u001b[0m|         d        |\u001b[2m\u001b[33m|\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m\u001b[2m\u001b[33m|\u001b[0m+--------+---------+\u001b[2m\u001b[33m|\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m\u001b[2m\u001b[33m|\u001b[0m|  \u001b[1m\u001b[34me\u001b[0m     |  \u001b[1m\u001b[34m2\u001b[0m      |\u001b[2m\u001b[33m|\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m\u001b[2m\u001b[33m|\u001b[0m+--------+---------+\u001b[2m\u001b[33m|\u001b[0m\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m|          b         |\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m+--------------------+\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m|          c         |\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m+--------------------+\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m|  \u001b[1m\u001b[34m3\u001b[0m                 |\u001b[2m\u001b[33m|\u001b[0m\n\u001b[2m\u001b[33m|\u001b[0m+--------------------+\u001b[2m\u001b[33m|\u001b[0m\n",
  },
  {
    literal: "{\"Name\": \"x\", \"Count\": 2, \"Tags\": [{\"Key\": \"k1\", \"Value\": \"v1\"}, {\"Key\": \"k2\", \"Value\": \"v2\"}]}",
    color: false,
    width: 30,
    expected: "------------------------\n|AdminUserGlobalSignOut|\n+-----------+----------+\n|   Count   |  Name    |\n+-----------+----------+\n|  2        |  x       |\n+-----------+----------+\n||        Tags        ||\n|+--------+-----------+|\n||   Key  |   Value   ||\n|+--------+-----------+|\n||  k1    |  v1       ||\n||  k2    |  v2       ||\n|+--------+-----------+|\n",
  },
  {
    literal: "[{\"a\": 1, \"n\": [1, 2]}, {\"a\": 2, \"n\": [3]}, {\"a\": 3}]",
    color: false,
    width: 80,
    expected: "------------------------\n|AdminUserGlobalSignOut|\n+----------------------+\n|           a          |\n+----------------------+\n|  1                   |\n+----------------------+\n||          n         ||\n|+--------------------+|\n||  1                 ||\n||  2                 ||\n|+--------------------+|\n|AdminUserGlobalSignOut|\n+----------------------+\n|           a          |\n+----------------------+\n|  2                   |\n+----------------------+\n||          n         ||\n|+--------------------+|\n||  3                 ||\n|+--------------------+|\n|AdminUserGlobalSignOut|\n+----------------------+\n|           a          |\n+----------------------+\n|  3                   |\n+----------------------+\n",
  },
  {
    literal: "[[1, 2], [3, 4], [\"x\", \"y\"]]",
    color: false,
    width: 80,
    expected: "------------------------\n|AdminUserGlobalSignOut|\n+----------+-----------+\n|  1       |  2        |\n|  3       |  4        |\n|  x       |  y        |\n+----------+-----------+\n",
  },
  {
    literal: "[1, {\"k\": \"v\", \"z\": 1}]",
    color: false,
    width: 80,
    expected: "ERR ValueError: Row should have 1 elements, instead it has 2",
  },
  {
    literal: "[[1, [2]], [3]]",
    color: false,
    width: 80,
    expected: "------------------------\n|AdminUserGlobalSignOut|\n+----------------------+\n|  1                   |\n|  2                   |\n|  3                   |\n+----------------------+\n",
  },
  {
    literal: "{\"\": [1, 2], \"b\": {\"\": \"x\"}}",
    color: false,
    width: 80,
    expected: "------------------------\n|AdminUserGlobalSignOut|\n+----------------------+\n|+--------------------+|\n||  1                 ||\n||  2                 ||\n|+--------------------+|\n||          b         ||\n|+--------+-----------+|\n||        |  x        ||\n|+--------+-----------+|\n",
  },
  {
    literal: "[{\"a\": 1}, 2]",
    color: false,
    width: 80,
    expected: "ERR TypeError: 'int' object is not iterable",
  },
  {
    literal: "[{\"a\": 1}, \"s\"]",
    color: false,
    width: 80,
    expected: "ERR TypeError: string indices must be integers, not 'str'",
  },
  {
    literal: "[{\"a\": 1}, \"\"]",
    color: false,
    width: 80,
    expected: "ERR AttributeError: 'str' object has no attribute 'get'",
  },
  {
    // No headers, so no .get(); but `"" in ""` holds, so the nested key indexes the string.
    literal: "[{\"\": [1]}, \"\"]",
    color: false,
    width: 80,
    expected: "ERR TypeError: string indices must be integers, not 'str'",
  },
  // The keys of a list of dicts are merged in a set(): sorting one that mixes str with int
  // fails at the comparison the set's order leads to (the AWS CLI's most frequent answer; its
  // string hashes are random per run, see src/python/set-order.ts). "" and ints hash alike in
  // every run: [-1, ""] iterates "" first.
  {
    literal: "{\"x\": [{}, [-1], {\"\": 0}]}",
    color: false,
    width: 80,
    expected: "ERR TypeError: '<' not supported between instances of 'int' and 'str'",
  },
  {
    // 0 sits in slot 0; "1" lands past it 7 times in 8.
    literal: "[{\"1\": \"0\"}, [0]]",
    color: false,
    width: 80,
    expected: "ERR TypeError: '<' not supported between instances of 'str' and 'int'",
  },
  {
    literal: "[{\"a\": \"ab\", \"b\": {\"1\": \"\"}, \"\": [true, null]}, [false]]",
    color: false,
    width: 80,
    expected: "ERR TypeError: '<' not supported between instances of 'str' and 'bool'",
  },
  {
    literal: "[{\"a\": 1}, []]",
    color: false,
    width: 80,
    expected: "ERR AttributeError: 'list' object has no attribute 'get'",
  },
  {
    literal: "{\"x\": \"a very long value that goes on and on and on and on and on and on and on and on and on\"}",
    color: false,
    width: 80,
    expected: "-------------------------------------------------------------------------------------------------\n|                                    AdminUserGlobalSignOut                                     |\n+---+-------------------------------------------------------------------------------------------+\n|  x|  a very long value that goes on and on and on and on and on and on and on and on and on   |\n+---+-------------------------------------------------------------------------------------------+\n",
  },
  {
    literal: "{\"a\": \"\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8\", \"b\": \"x\"}",
    color: false,
    width: 20,
    expected: "-------------------------\n|AdminUserGlobalSignOut |\n+---+-------------------+\n|  a|  \u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8   |\n|  b|  x                |\n+---+-------------------+\n",
  }
];

function render(literal: string, color: boolean, width: number, autoreset = false): string {
  try {
    return formatTable(parseJson(literal), { title: 'AdminUserGlobalSignOut', color, terminalWidth: width, autoreset });
  } catch (e) {
    if (e instanceof PythonError) return `ERR ${e.pyType}: ${e.message}`;
    throw e;
  }
}

describe('table layouts', () => {
  it.each(CASES.map((c) => [c.literal, c] as const))('%s', (_, c) => {
    expect(render(c.literal, c.color, c.width)).toBe(c.expected);
  });
});

describe('colorama artifacts', () => {
  const R = '\x1b[0m';
  it('autoreset adds a reset after every write, and only with it', () => {
    const plain = render('{"a":"x"}', true, 80, false);
    expect(plain).toBe('------------------------\n|AdminUserGlobalSignOut|\n+----------+-----------+\n|  \x1b[1m\x1b[34ma\x1b[0m       |  \x1b[1m\x1b[34mx\x1b[0m        |\n+----------+-----------+\n');
    const wrapped = render('{"a":"x"}', true, 80, true);
    expect(wrapped.startsWith(`------------------------\n${R}${R}|AdminUserGlobalSignOut|${R}${R}\n${R}`)).toBe(true);
    expect(wrapped.endsWith(`+----------+-----------+${R}${R}\n${R}`)).toBe(true);
    expect(wrapped.replaceAll(R + R, '').replaceAll(`\n${R}`, '\n')).toBe(plain);
  });

  it('defaults to autoreset when color is on', () => {
    const value = parseJson('[1]');
    const on = formatTable(value, { title: 't', color: true, terminalWidth: 80 });
    expect(on.endsWith(`\n${R}`)).toBe(true);
    const off = formatTable(value, { title: 't', color: false, terminalWidth: 80 });
    expect(off).not.toContain('\x1b');
  });
});

describe('roundHalfEven (Python round())', () => {
  it.each([
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [2.4999999999999996, 2],
    [3.5000000000000004, 4],
    [-0.5, 0],
    [-1.5, -2],
    [10.2, 10],
  ])('%d', (x, expected) => {
    expect(roundHalfEven(x)).toBe(expected);
  });
});
