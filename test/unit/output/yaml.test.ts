// The YAML dumper: quoting, folding, keys, empty containers, numbers (expected texts recorded from
// the AWS CLI's own YAMLDumper: ruamel.yaml with its libyaml C emitter), plus a property test:
// whatever is dumped loads back with js-yaml to the same data.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../src/python/json-parse.js';
import { PythonError } from '../../../src/python/builtins.js';
import { formatYaml, formatYamlStream } from '../../../src/output/yaml.js';
import { dumpYaml } from '../../../src/output/yaml-emitter.js';
import { PyDict, PyObject, toJs } from '../../../src/python/value.js';
import { randomValue, seeded } from './generate.js';

const CASES: ReadonlyArray<{ literal: string; yaml: string }> = [
  {
    literal: "{\"s\": [\"yes\", \"No\", \"on\", \"123\", \"1_000\", \"0x1F\", \"0o17\", \".5\", \"+1\", \"-\", \"1e3\", \".inf\", \"2020-01-01\", \"2020-1-1 10:00:00\", \"null\", \"Null\", \"~\", \"<<\", \"=\", \"\", \" lead\", \"trail \", \"#hash\", \"a #b\", \"a#b\", \"- dash\", \"-x\", \"? q\", \"?x\", \":x\", \"a: b\", \"a:b\", \"a:\", \"[x]\", \"{y}\", \"a,b\", \"---\", \"...\", \"--- x\", \"!tag\", \"&a\", \"*a\", \"%p\", \"@x\", \"`b\", \"|\", \">\", \"it's\", \"'q'\", \"\\\"dq\\\"\", \"it's: here\", \"line1\\nline2\", \"tab\\there\", \"\\u0007bell\", \"\ufeffbom\", \"\ud83d\ude00 emoji\", \"\u00fcn\u00efc\u00f8d\u00e9 \u2713\", \"\u00a0nbsp\", \"true\", \"True\", \"FALSE\", \"tRue\", \"1.\", \"-.inf\", \".NaN\", \".5e3\"]}",
    yaml: "s:\n- yes\n- No\n- on\n- '123'\n- '1_000'\n- '0x1F'\n- '0o17'\n- '.5'\n- '+1'\n- '-'\n- '1e3'\n- '.inf'\n- '2020-01-01'\n- '2020-1-1 10:00:00'\n- 'null'\n- 'Null'\n- '~'\n- '<<'\n- '='\n- ''\n- ' lead'\n- 'trail '\n- '#hash'\n- 'a #b'\n- a#b\n- '- dash'\n- -x\n- '? q'\n- ?x\n- :x\n- 'a: b'\n- a:b\n- 'a:'\n- '[x]'\n- '{y}'\n- a,b\n- '---'\n- '...'\n- '--- x'\n- '!tag'\n- '&a'\n- '*a'\n- '%p'\n- '@x'\n- '`b'\n- '|'\n- '>'\n- it's\n- '''q'''\n- '\"dq\"'\n- 'it''s: here'\n- 'line1\n\n  line2'\n- \"tab\\there\"\n- \"\\abell\"\n- \"\\uFEFFbom\"\n- \"\\U0001F600 emoji\"\n- \u00fcn\u00efc\u00f8d\u00e9 \u2713\n- \u00a0nbsp\n- 'true'\n- 'True'\n- 'FALSE'\n- tRue\n- '1.'\n- '-.inf'\n- '.NaN'\n- .5e3\n",
  },
  {
    literal: "{\"long\": \"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk\", \"longq\": \"it's a long line, it's a long line, it's a long line, it's a long line, it's a long line, it's long\", \"longs\": \"a: long line that needs single quotes because of the colon and space and goes past eighty columns\", \"longtab\": \"tab\\tseparated\\tvalues\\tthat\\tgo\\ton\\tand\\ton\\tand\\ton\\tand\\ton\\tand\\ton\\tand\\ton\\tand\\ton\\tand\\ton\", \"multi\": \"first line\\nsecond line\\n\\nfourth line after a blank one\\n\", \"nospace\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": \"value of a long key\", \"multi\\nkey\": [1, {\"a\": null}], \"\": \"empty key\"}",
    yaml: "'': empty key\n? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: value of a long key\nlong: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp\n  qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz aaaa bbbb cccc dddd eeee ffff\n  gggg hhhh iiii jjjj kkkk\nlongq: it's a long line, it's a long line, it's a long line, it's a long line, it's\n  a long line, it's long\nlongs: 'a: long line that needs single quotes because of the colon and space and goes\n  past eighty columns'\nlongtab: \"tab\\tseparated\\tvalues\\tthat\\tgo\\ton\\tand\\ton\\tand\\ton\\tand\\ton\\tand\\ton\\tand\\ton\\tand\\ton\\tand\\ton\"\nmulti: 'first line\n\n  second line\n\n\n  fourth line after a blank one\n\n  '\n? 'multi\n\n  key'\n: - 1\n  - a: null\nnospace: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
  },
  {
    literal: "[[], {}, [[]], [{}], {\"a\": []}, [1, [2, [3, []]]], {\"a\": {\"b\": {\"c\": {}}}}]",
    yaml: "- []\n- {}\n- - []\n- - {}\n- a: []\n- - 1\n  - - 2\n    - - 3\n      - []\n- a:\n    b:\n      c: {}\n",
  },
  {
    literal: "[1, -0.0, 1.5, 1e+16, 1e-07, 0.1, 123456.789, Infinity, -Infinity, true, false, null, 12345678901234567890]",
    yaml: "- 1\n- -0.0\n- 1.5\n- 1e+16\n- 1e-07\n- 0.1\n- 123456.789\n- .inf\n- -.inf\n- true\n- false\n- null\n- 12345678901234567890\n",
  }
];

describe('yaml emitter', () => {
  it.each(CASES.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    expect(dumpYaml(parseJson(c.literal))).toBe(c.yaml);
  });

  it('writes a shared list or dict once and aliases it after', () => {
    const shared = parseJson('{"k": [1, 2]}');
    expect(dumpYaml([shared, shared, new PyDict([['x', shared]])])).toBe('- &id001\n  k:\n  - 1\n  - 2\n- *id001\n- x: *id001\n');
    const empty = new PyDict();
    expect(dumpYaml([empty, empty])).toBe('- &id001 {}\n- *id001\n');
  });

  it('cannot represent other objects', () => {
    const o = new PyObject('jmespath.visitor._Expression', null);
    expect(() => dumpYaml([o])).toThrow(PythonError);
    expect(() => dumpYaml([o])).toThrow(/^cannot represent an object: <jmespath\.visitor\._Expression object at 0x[0-9a-f]+>$/);
  });
});

describe('yaml formatters', () => {
  it('top-level scalars are JSON, containers YAML, {} nothing', () => {
    expect(formatYaml(parseJson('"a: b"'))).toBe('"a: b"\n');
    expect(formatYaml(parseJson('1e16'))).toBe('1e+16\n');
    expect(formatYaml(parseJson('NaN'))).toBe('NaN\n');
    expect(formatYaml(parseJson('"日本"'))).toBe('"日本"\n');
    expect(formatYaml(new PyDict())).toBe('');
    expect(formatYaml(parseJson('{"b": 1, "a": [1.0]}'))).toBe('a:\n- 1.0\nb: 1\n');
  });

  it('yaml-stream wraps the value in a list', () => {
    expect(formatYamlStream(parseJson('"a: b"'))).toBe("- 'a: b'\n");
    expect(formatYamlStream(parseJson('{"a":{"b":[1,2]}}'))).toBe('- a:\n    b:\n    - 1\n    - 2\n');
    expect(formatYamlStream(new PyDict())).toBe('');
  });
});

describe('yaml output loads back (js-yaml)', () => {
  // Excluded from generation: NEL/LS/PS, which the emitter writes as raw breaks (YAML 1.1
  // style) that a YAML 1.2 loader keeps as content.
  const rng = seeded(20240611);
  for (let i = 0; i < 400; i++) {
    const value = randomValue(rng, { yamlSafe: true, safeInts: true });
    it(`value ${i}`, () => {
      const text = formatYaml(value);
      if (value instanceof PyDict && value.size === 0) {
        expect(text).toBe('');
        return;
      }
      expect(yaml.load(text)).toEqual(toJs(value));
      expect(yaml.load(formatYamlStream(value))).toEqual([toJs(value)]);
    });
  }
});
