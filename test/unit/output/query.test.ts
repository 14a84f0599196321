// --query: the value model survives literals and access into them; the evaluator agrees with
// the `jmespath` npm package wherever plain JSON cannot tell the two apart; error classes.
import jmespath from 'jmespath';
import { describe, expect, it } from 'vitest';
import { ParamValidationError } from '../../../src/errors/errors.js';
import { formatJson } from '../../../src/output/json.js';
import { parseJson } from '../../../src/python/json-parse.js';
import { PythonError } from '../../../src/python/builtins.js';
import { applyQuery, compileQuery, QuerySyntaxError } from '../../../src/output/query.js';
import { formatYaml } from '../../../src/output/yaml.js';
import { PyDict, PyFloat, toJs, type PyValue } from '../../../src/python/value.js';

const q = (expr: string, data: PyValue = new PyDict()): PyValue => applyQuery(compileQuery(expr), data);

/** What compileQuery says of an expression: its syntax error's detail, or 'compiled'. */
function syntaxDetail(expr: string): string {
  try {
    compileQuery(expr);
  } catch (e) {
    if (e instanceof QuerySyntaxError) return e.detail;
    throw e;
  }
  return 'compiled';
}

describe('literals keep the Python value model', () => {
  it('key order and floats survive a literal, @, fields and indexes', () => {
    expect(formatJson(q('`{"a":1.0,"2":1}`'))).toBe('{\n    "a": 1.0,\n    "2": 1\n}\n');
    expect(formatJson(q('`{"a":1.0,"2":1}` | @'))).toBe('{\n    "a": 1.0,\n    "2": 1\n}\n');
    expect(formatJson(q('`{"a":1.0,"2":1}`.a'))).toBe('1.0\n');
    expect(formatJson(q('`{"a":1.0,"2":1}`."2"'))).toBe('1\n');
    expect(formatJson(q('`[1.0, {"b":1,"2":2,"1":3}]`[1]'))).toBe('{\n    "b": 1,\n    "2": 2,\n    "1": 3\n}\n');
    expect(formatJson(q('`[1e3, -0.0, 1e16]`'))).toBe('[\n    1000.0,\n    -0.0,\n    1e+16\n]\n');
    expect(formatJson(q('`123456789012345678901234567890`'))).toBe('123456789012345678901234567890\n');
  });

  it('multi-select hashes keep the order written', () => {
    expect(formatJson(q('{z: `1`, "10": `2.5`, a: `3`}'))).toBe('{\n    "z": 1,\n    "10": 2.5,\n    "a": 3\n}\n');
  });

  it('the same object twice stays the same object (YAML anchors, like ruamel)', () => {
    expect(formatYaml(q('`{"a":[1]}` | [a, a, @]'))).toBe('- &id001\n  - 1\n- *id001\n- a: *id001\n');
    expect(formatYaml(q('`[1,2]` | [`[0]`, `[0]`]'))).toBe('- - 0\n- - 0\n');
    // One literal node evaluated twice yields one object, as in jmespath.py.
    expect(formatYaml(q('`[1,2]`[*].[`[0]`]'))).toBe('- - &id001\n    - 0\n- - *id001\n');
  });

  it('runs on plain JS input too', () => {
    expect(toJs(applyQuery(compileQuery('a[1]'), { a: [1, 2] }))).toBe(2);
    expect(q('@', parseJson('{"x": 1.5}'))).toBeInstanceOf(PyDict);
    expect(q('x', parseJson('{"x": 1.5}'))).toEqual(new PyFloat(1.5));
  });
});

describe('errors', () => {
  it('syntax errors are ParamValidation errors (252) carrying jmespath.py text', () => {
    let error: unknown;
    try {
      compileQuery('foo[');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuerySyntaxError);
    expect(error).toBeInstanceOf(ParamValidationError);
    const e = error as QuerySyntaxError;
    expect(e.exitCode).toBe(252);
    expect(e.code).toBe('ParamValidation');
    expect(e.expression).toBe('foo[');
    expect(e.detail).toBe('Invalid jmespath expression: Incomplete expression:\n"foo["\n     ^');
    expect(e.message).toBe(`Bad value for --query foo[: ${e.detail}`);
  });

  it('a literal nested past what the recursion limit leaves json.loads is a bad --query', () => {
    const nested = (open: string, inner: string, close: string, n: number): string => `\`${open.repeat(n)}${inner}${close.repeat(n)}\``;
    expect(formatJson(q(nested('[', '', ']', 975))).length).toBeGreaterThan(975);
    expect(syntaxDetail(nested('[', '', ']', 976))).toBe('maximum recursion depth exceeded while decoding a JSON array from a unicode string');
    expect(syntaxDetail(nested('[', '{}', ']', 975))).toBe('maximum recursion depth exceeded while decoding a JSON object from a unicode string');
    expect(syntaxDetail(nested('{"a":', '1', '}', 20000))).toBe('maximum recursion depth exceeded while decoding a JSON object from a unicode string');
    // The scanner stops there, before the syntax error further on; a string's brackets do not count.
    expect(syntaxDetail(nested('[', 'x', ']', 976))).toBe('maximum recursion depth exceeded while decoding a JSON array from a unicode string');
    expect(formatJson(q(`\`["${'['.repeat(3000)}"]\``))).toContain('[[[');
  });

  it('nesting past what the recursion limit leaves the parser is a bad --query', () => {
    const limit = 'maximum recursion depth exceeded';
    // [deepest that compiles, nesting]: each construct costs its own number of Python frames.
    const cases: Array<[number, (n: number) => string]> = [
      [489, (n) => `${'('.repeat(n)}a${')'.repeat(n)}`],
      [489, (n) => `${'!'.repeat(n)}a`],
      [326, (n) => `${'['.repeat(n)}a${']'.repeat(n)}`],
      [326, (n) => `${'[?'.repeat(n)}a${']'.repeat(n)}`],
    ];
    for (const [deepest, nest] of cases) {
      expect(syntaxDetail(nest(deepest))).toBe('compiled');
      expect(syntaxDetail(nest(deepest + 1))).toBe(limit);
    }
    expect(syntaxDetail(`${'('.repeat(20000)}a${')'.repeat(20000)}`)).toBe(limit);
  });

  it('evaluation nested past what the recursion limit leaves the interpreter is a RecursionError', () => {
    const run = (expr: string, format?: string): string => {
      try {
        return formatJson(applyQuery(compileQuery(expr), new PyDict(), format));
      } catch (e) {
        if (e instanceof PythonError) return `${e.pyType}: ${e.message}`;
        throw e;
      }
    };
    const limit = 'RecursionError: maximum recursion depth exceeded';
    const pipes = (n: number): string => Array.from({ length: n }, () => 'a').join(' | ');
    expect(run(pipes(491))).toBe('null\n');
    expect(run(pipes(492))).toBe(limit);
    // yaml-stream's formatter searches from deeper.
    expect(run(pipes(490), 'yaml-stream')).toBe('null\n');
    expect(run(pipes(491), 'yaml-stream')).toMatch(/^RecursionError: maximum recursion depth exceeded/);
    expect(run(`${'length('.repeat(489)}@${')'.repeat(489)}`, 'yaml-stream')).toBe(limit);
    expect(run(`a${'[]'.repeat(245)}`)).toBe('null\n');
    expect(run(`a${'[]'.repeat(246)}`)).toBe(limit);
    expect(run(`${'{a:'.repeat(245)}a${'}'.repeat(245)}`)).not.toBe(limit);
    expect(run(`${'{a:'.repeat(246)}a${'}'.repeat(246)}`)).toBe(limit);
    // As deep as the parser goes, a function call's own frames tip it over.
    expect(run(`${'length('.repeat(488)}@${')'.repeat(488)}`)).toMatch(/^JMESPathTypeError: In function length\(\)/);
    expect(run(`${'length('.repeat(489)}@${')'.repeat(489)}`)).toBe(`${limit} while calling a Python object`);
  });

  it('counts code points in positions and underlines', () => {
    expect(() => compileQuery('😀a ~')).toThrow('Bad jmespath expression: Unknown token 😀:\n😀a ~\n^');
    expect(() => compileQuery('"😀" b')).toThrow(
      'Unexpected token: b: Parse error at column 4, token "b" (UNQUOTED_IDENTIFIER), for expression:\n""😀" b"\n     ^',
    );
  });

  it.each([
    ['unknown_fn(@)', 'Unknown function: unknown_fn()'],
    ['length(@, @)', 'Expected 1 argument for function length(), received 2'],
    ['contains(@)', 'Expected 2 arguments for function contains(), received 1'],
    ['merge()', 'Expected at least 1 argument for function merge(), received 0'],
    ['`"a"` < `1`', "'<' not supported between instances of 'str' and 'int'"],
    ['`[1,2]`[::0]', 'slice step cannot be zero'],
    ['ceil(`1e400`)', 'cannot convert float infinity to integer'],
    ['floor(`NaN`)', 'cannot convert float NaN to integer'],
  ])('runtime: %s', (expr, message) => {
    expect(() => q(expr)).toThrow(message);
    try {
      q(expr);
    } catch (e) {
      expect(e).toBeInstanceOf(PythonError);
      expect((e as PythonError).exitCode).toBe(255);
    }
  });
});

// Expressions whose results plain JSON represents faithfully (no floats, no integer-like keys,
// ASCII strings): there the npm package and this evaluator must agree.
const DATA =
  '{"people":[{"name":"ann","age":31,"tags":["a","b"],"boss":true},{"name":"bob","age":25,"tags":[],"boss":false},' +
  '{"name":"cy","age":47,"tags":["c"]}],"m":{"x":{"v":1},"y":{"v":2},"z":{"w":3}},"n":[[1,2],[3,[4,5]],6],"s":"hello",' +
  '"e":[],"o":{},"nil":null}';

const SAME_AS_NPM = [
  '@',
  'people',
  'people[0].name',
  'people[-1].tags',
  'people[*].name',
  'people[?age > `30`].name',
  'people[?boss].name',
  'people[?!boss].name',
  'people[?tags[0] == `"c"`]',
  'people[1:].name',
  'people[::-1].age',
  'people[::2]',
  'people[:-1].name | [0]',
  'm.*.v',
  'm.x',
  'n[]',
  'n[][]',
  'n[0][1]',
  'n[5]',
  's[0]',
  'nil.a',
  'people[].tags[]',
  '{names: people[].name, count: length(people)}',
  '[s, nil, e]',
  'people[0].[name, age]',
  'length(s)',
  'length(people[0])',
  'keys(people[0])',
  'values(m.x)',
  'sort(people[].name)',
  'sort_by(people, &age)[].name',
  'max_by(people, &age).name',
  'min_by(people, &age).name',
  'max(people[].age)',
  'min(people[].name)',
  'sum(people[].age)',
  'reverse(people[].name)',
  'reverse(s)',
  'join(`"-"`, people[].name)',
  'contains(people[].name, `"bob"`)',
  'contains(s, `"ell"`)',
  'starts_with(s, `"he"`)',
  'ends_with(s, `"lo"`)',
  'map(&name, people)',
  'merge(m.x, m.z)',
  'not_null(nil, s)',
  'to_array(s)',
  'to_number(`"42"`)',
  'type(people)',
  'type(s)',
  'abs(`-3`)',
  'people[?age > `30` && boss].name',
  'people[?age < `30` || boss].name',
  'e || s',
  'o && s',
  'nil || `"d"`',
  '`[1, 2]` == `[1, 2]`',
  's == `"hello"`',
  'people[0].age >= `31`',
  'people[?contains(tags, `"a"`)].name',
  '*.x',
  'm.*',
  'people[*].tags[0]',
  'n[?@ > `2`]',
];

describe('agrees with the jmespath npm package on plain JSON', () => {
  const plain = JSON.parse(DATA) as unknown;
  const model = parseJson(DATA);
  it.each(SAME_AS_NPM)('%s', (expr) => {
    expect(toJs(q(expr, model))).toEqual(jmespath.search(plain, expr));
  });
});

describe('where jmespath.py and the npm package differ, this follows jmespath.py', () => {
  it.each([
    // Python's json.dumps spells floats and escapes non-ASCII.
    ['to_string(`[1.0, "é"]`)', '"[1.0,\\"\\\\u00e9\\"]"\n'],
    // Python's str.__len__ counts code points.
    ['length(`"😀"`)', '1\n'],
    // Python's sorted() orders strings by code point.
    ['sort(`["\\uff01", "😀"]`)', '[\n    "！",\n    "😀"\n]\n'],
    // ceil/floor return ints; avg always a float.
    ['ceil(`1.5`)', '2\n'],
    ['avg(`[1, 2]`)', '1.5\n'],
    ['sum(`[1.0, 2]`)', '3.0\n'],
    // 0/1 never equal booleans, but true == 1 inside lists (Python ==).
    ['`[true]` == `[1]`', 'true\n'],
    ['`true` == `1`', 'false\n'],
    // Strings compare with < in jmespath.py.
    ['`"a"` < `"b"`', 'true\n'],
    // A non-JSON literal is a string (deprecated JEP-12 form).
    ['`foo`', '"foo"\n'],
  ])('%s', (expr, json) => {
    expect(formatJson(q(expr))).toBe(json);
  });
});
