// Corners of ruamel.yaml 0.17.21 (the AWS CLI's --cli-input-yaml loader) that the skeleton and
// documents sweep found, each checked against ruamel itself (YAML(typ='safe', pure=True).load):
// a stream starting with `...` or with `---` not followed by a blank, the one shared `.nan`
// object, !!omap's own construction (a dict subclass, asserting unique keys, hashing them
// without the list-to-tuple step), collection tags on empty nodes, and a second anchor or tag
// of one node on the next line, the `---` line itself, merges of tagged nodes, how keys print,
// a block scalar at the end of a stream without a line break, a list key holding a mapping,
// an empty key; then the sweep's generated
// documents with ruamel's results (test/fixtures/yaml-ruamel-sweep-results.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { GeneralError } from '../../src/errors/errors.js';
import { parseCliInputDocument } from '../../src/input/cli-input.js';
import { loadYamlDocument, YamlSyntaxError } from '../../src/input/yaml-input.js';
import { inputRepr } from '../../src/python/bounded-repr.js';

async function outcome(doc: string): Promise<string> {
  try {
    return `OK ${inputRepr(await loadYamlDocument(doc))}`;
  } catch (e) {
    if (e instanceof YamlSyntaxError) return 'YAMLError';
    if (e instanceof GeneralError) return `GeneralError ${JSON.stringify(e.message)}`;
    throw e;
  }
}

describe('a document end before any document', () => {
  // ruamel: "while parsing a block node: expected the node content, but found '<document end>'".
  for (const doc of ['...\n', '...', '# c\n...\n', '  # c\n\n...\n', '...  # c\n', '\ufeff...\n', '\r\n...\r\n', '...\n---\na: 1\n']) {
    it(`${JSON.stringify(doc)} is a syntax error`, async () => {
      expect(await outcome(doc)).toBe('YAMLError');
    });
  }
  // After `---` it ends an empty document; `....`, `...a` and an indented `...` are scalars.
  for (const [doc, result] of [['---\n...\n', 'OK None'], ['--- ...\n', "OK '...'"], [' ...\n', "OK '...'"], ['....\n', "OK '....'"], ['...a\n', "OK '...a'"], ['a\n...\n', "OK 'a'"]]) {
    it(`${JSON.stringify(doc)} loads`, async () => {
      expect(await outcome(doc as string)).toBe(result);
    });
  }
});

describe('.nan keys', () => {
  it('every .nan is one object, so two are a duplicate key', async () => {
    expect(await outcome('.nan: a\n.nan: b\n')).toBe('YAMLError');
    expect(await outcome('{.nan: a, -.NaN: b}')).toBe("OK {nan: 'a', '-.NaN': 'b'}");
    expect(await outcome('.nan: a\n!!float .nan: b\n')).toBe('YAMLError');
    expect(await outcome('!!set {.nan, .nan}\n')).toBe('YAMLError');
  });

  it("float('nan') makes a new object each time", async () => {
    expect(await outcome('!!float nan: a\n!!float nan: b\n')).toBe("OK {nan: 'a', nan: 'b'}");
    expect(await outcome('x: [.nan, .nan]\n')).toBe("OK {'x': [nan, nan]}");
  });
});

describe('!!omap and !!pairs', () => {
  it('a duplicate omap key fails the bare assert (an AssertionError without a message)', async () => {
    for (const doc of ['!!omap [a: 1, a: 2]\n', '!!omap [a: 1, b: 2, a: 3]\n', '!!omap [1: a, 1.0: b]\n', '!!omap [true: a, 1: b]\n', '!!omap [null: a, ~: b]\n', '!!omap [.nan: a, .nan: b]\n', '!!omap [2020-01-01: a, 2020-01-01: b]\n', 'x: !!omap [a: [1], a: 2]\n']) {
      expect(await outcome(doc), doc).toBe('GeneralError ""');
    }
    expect(await outcome("!!omap ['1': a, 1: b]\n")).toBe("OK ordereddict([('1', 'a'), (1, 'b')])");
    expect(await outcome('!!pairs [a: 1, a: 2]\n')).toBe("OK [('a', 1), ('a', 2)]");
  });

  it('an omap key Python cannot hash is a TypeError', async () => {
    expect(await outcome('!!omap [[a, b]: c]\n')).toBe(`GeneralError "unhashable type: 'list'"`);
    expect(await outcome('!!omap [{a: b}: c]\n')).toBe(`GeneralError "unhashable type: 'dict'"`);
    expect(await outcome('!!omap [!!set {a}: c]\n')).toBe(`GeneralError "unhashable type: 'set'"`);
    expect(await outcome('!!omap [!!omap [a: 1]: c]\n')).toBe(`GeneralError "unhashable type: 'ordereddict'"`);
    expect(await outcome('!!omap [!!pairs [a: 1]: c]\n')).toBe(`GeneralError "unhashable type: 'list'"`);
  });

  it('a merge key in an omap or pairs item has no constructor', async () => {
    expect(await outcome('!!omap [<<: {a: 1}]\n')).toBe('YAMLError');
    expect(await outcome('--- !!omap\n- <<: {a: 1}\n')).toBe('YAMLError');
    expect(await outcome('!!pairs [<<: {a: 1}]\n')).toBe('YAMLError');
  });

  it('an alias to the omap inside itself prints as Python prints recursion', async () => {
    expect(await outcome('&a !!omap [k: *a]\n')).toBe("OK ordereddict([('k', ...)])");
    expect(await outcome('x: &a !!omap [k: *a]\n')).toBe("OK {'x': ordereddict([('k', ...)])}");
    expect(await outcome('&a !!pairs [k: *a]\n')).toBe("OK [('k', [...])]");
    expect(await outcome('x: &a !!omap [k: 1]\ny: *a\n')).toBe("OK {'x': ordereddict([('k', 1)]), 'y': ordereddict([('k', 1)])}");
  });

  it('an omap document is a map (ordereddict is a dict subclass); a set or pairs is not', async () => {
    const doc = await parseCliInputDocument('yaml', '--- !!omap\n- UserPoolId: us-east-1_Example\n- Username: alice\n');
    expect([...doc]).toEqual([['UserPoolId', 'us-east-1_Example'], ['Username', 'alice']]);
    expect([...await parseCliInputDocument('yaml', '!!omap []\n')]).toEqual([]);
    await expect(parseCliInputDocument('yaml', '!!pairs [UserPoolId: a]\n')).rejects.toThrow("Invalid type: expecting map, received <class 'list'>");
    await expect(parseCliInputDocument('yaml', '--- !!set\n? a\n')).rejects.toThrow("Invalid type: expecting map, received <class 'set'>");
  });
});

describe('a collection tag on an empty node', () => {
  // ruamel: "expected a mapping node, but found scalar" (an empty node is a scalar).
  for (const doc of ['!!map\n', 'a: !!map\n', 'a: !!seq\nb: 1\n', '[!!map , !!seq ]\n', '{a: !!map }\n', 'a: !!set\n', 'a: !!omap\n', 'a: !!pairs\n']) {
    it(`${JSON.stringify(doc)} is refused`, async () => {
      expect(await outcome(doc)).toBe('YAMLError');
    });
  }
  it('an empty collection written out, or an empty str, loads', async () => {
    expect(await outcome('a: !!map {}\nb: !!seq []\nc: !!str\n')).toBe("OK {'a': {}, 'b': [], 'c': ''}");
  });
});

describe('--- with no blank after it', () => {
  it('is no document start: the line is content', async () => {
    expect(await outcome('---UserPoolId: p\nUsername: u\n')).toBe("OK {'---UserPoolId': 'p', 'Username': 'u'}");
    expect(await outcome('# c\n---a\n')).toBe("OK '---a'");
    expect(await outcome('------\n')).toBe("OK '------'");
    expect(await outcome('---# c')).toBe("OK '---# c'");
    expect(await outcome('---[a]')).toBe("OK '---[a]'");
    expect(await outcome('---{UserPoolId: p}')).toBe("OK {'---{UserPoolId': 'p}'}");
    expect(await outcome('---{UserPoolId: p, Username: u}')).toBe('YAMLError');
  });
  it('after a directive it is the missing document start', async () => {
    expect(await outcome('%YAML 1.2\n---a\n')).toBe('YAMLError');
  });
  it('--- followed by a blank or the end still starts the document', async () => {
    expect(await outcome('--- a\n')).toBe("OK 'a'");
    expect(await outcome('---\na: 1\n')).toBe("OK {'a': 1}");
    expect(await outcome('---')).toBe('OK None');
  });
});

describe('two anchors or two tags on one node', () => {
  it('on separate lines are refused, as on one line', async () => {
    for (const doc of ['&a\n&b x\n', '&a\n&a x\n', 'a: &a\n  &b x\n', '- &a\n  &b x\n', '!!str\n!!str x\n', 'a: !!str\n  !!str x\n', '--- &a\n&b {a: 1}\n', '&a &b x\n']) {
      expect(await outcome(doc), doc).toBe('YAMLError');
    }
  });
  it('one of each, or one on a mapping and one on its first key, load', async () => {
    expect(await outcome('a: &a\n  !!str x\n')).toBe("OK {'a': 'x'}");
    expect(await outcome('a: !!str\n  &b x\n')).toBe("OK {'a': 'x'}");
    expect(await outcome('&x\n&y b: 1\n')).toBe("OK {'b': 1}");
    expect(await outcome('a: &x\n  b: &y\n    c: 1\n')).toBe("OK {'a': {'b': {'c': 1}}}");
    expect(await outcome('- &x\n  - &y b\n')).toBe("OK [['b']]");
    expect(await outcome('&x [&y a]\n')).toBe("OK ['a']");
  });
});

describe('the line of ---', () => {
  it('holds no block collection and no simple key', async () => {
    for (const doc of ['--- a: 1\n', '--- UserPoolId: p\nUsername: u\n', '--- - a\n', '---  - a\n', '--- ? a\n: b\n', '--- "a": 1\n', '--- a:\n', '--- !!str a: 1\n', '--- &x - a\n', '--- [a]: 1\n', '--- {a: 1}: 2\n', '--- a b: c\n', '--- a b:!!omap [a: 1]\n', '%YAML 1.2\n--- a: b\n']) {
      expect(await outcome(doc), doc).toBe('YAMLError');
    }
  });
  it('holds a flow collection, a scalar, or only properties and a comment', async () => {
    expect(await outcome('--- {UserPoolId: p, Username: u}\n')).toBe("OK {'UserPoolId': 'p', 'Username': 'u'}");
    expect(await outcome('--- [a: b]\n')).toBe("OK [{'a': 'b'}]");
    expect(await outcome('--- "a: b"\n')).toBe("OK 'a: b'");
    expect(await outcome('--- a:b\n')).toBe("OK 'a:b'");
    expect(await outcome('--- a # b: c\n')).toBe("OK 'a'");
    expect(await outcome('--- -a\n')).toBe("OK '-a'");
    expect(await outcome('--- >\n  a: b\n')).toBe("OK 'a: b\\n'");
    expect(await outcome('--- !!map\na: 1\n')).toBe("OK {'a': 1}");
    expect(await outcome('--- # c\na: 1\n')).toBe("OK {'a': 1}");
  });
});

describe('merge sources with tags', () => {
  it('merge the nodes: a !!set as a mapping, an !!omap or !!pairs as a list of mappings', async () => {
    expect(await outcome('<<: !!set {a, b}\n')).toBe("OK {'a': None, 'b': None}");
    expect(await outcome('c: 0\n<<: !!omap [a: 1, b: 2]\n')).toBe("OK {'b': 2, 'a': 1, 'c': 0}");
    expect(await outcome('<<: !!pairs [a: 1, a: 2]\nb: 3\n')).toBe("OK {'a': 1, 'b': 3}");
    expect(await outcome('<<: [!!set {a}, {b: 1}]\n')).toBe("OK {'b': 1, 'a': None}");
    expect(await outcome('x: &o !!omap [a: 1, b: 2]\n<<: *o\n')).toBe("OK {'b': 2, 'a': 1, 'x': ordereddict([('a', 1), ('b', 2)])}");
    expect(await outcome('<<: [!!omap [a: 1]]\n')).toBe('YAMLError');
  });
});

describe('how keys print', () => {
  it('as the first equal key, not as an equal value met before it', async () => {
    expect(await outcome('a: 1.0\n1: x\n')).toBe("OK {'a': 1.0, 1: 'x'}");
    expect(await outcome('%YAML 1.1\n---\nUserPoolId: yes\n1: !!int 3\n')).toBe("OK {'UserPoolId': True, 1: 3}");
    expect(await outcome('{1: a, !!float 1: b}')).toBe('YAMLError');
  });
  it('a tuple key shows its own items, and equal tuples are one key', async () => {
    expect(await outcome('a: true\n? [1, true]\n: x\n')).toBe("OK {'a': True, (1, True): 'x'}");
    expect(await outcome('[1]: a\n[1.0]: b\n')).toBe('YAMLError');
  });
});

describe('a block scalar that ends the stream without a line break', () => {
  it('has no final line break, as the text has none', async () => {
    expect(await outcome('a: |\n  l1\n  l2')).toBe("OK {'a': 'l1\\nl2'}");
    expect(await outcome('a: >\n  f')).toBe("OK {'a': 'f'}");
    expect(await outcome('- |+\n  x')).toBe("OK ['x']");
    expect(await outcome('a: &z !!str |\n  x')).toBe("OK {'a': 'x'}");
    expect(await outcome('a: |\n  x\n  # c')).toBe("OK {'a': 'x\\n# c'}");
  });
  it('keeps it when the stream has one, or ends with a comment or a blank line', async () => {
    expect(await outcome('a: |\n  x\n')).toBe("OK {'a': 'x\\n'}");
    expect(await outcome('a: |\n  x\n# c')).toBe("OK {'a': 'x\\n'}");
    expect(await outcome('a: |\n  x\n  ')).toBe("OK {'a': 'x\\n'}");
    expect(await outcome("a: 'x\n  y'")).toBe("OK {'a': 'x y'}");
  });
});

describe('the sweep\'s generated documents agree with ruamel.yaml', () => {
  const fixture = JSON.parse(readFileSync(join(REPO, 'test/fixtures/yaml-ruamel-sweep-results.json'), 'utf8')) as {
    cases: Array<{ doc: string; ruamel: string }>;
  };
  it(`on ${fixture.cases.length} documents, refusals included`, async () => {
    const wrong: Array<{ doc: string; ruamel: string; ours: string }> = [];
    for (const c of fixture.cases) {
      let ours: string;
      try {
        ours = `OK ${inputRepr(await loadYamlDocument(c.doc))}`;
      } catch {
        ours = 'ERR';
      }
      if (ours !== c.ruamel) wrong.push({ ...c, ours });
    }
    expect(wrong).toEqual([]);
    // Both kinds are present, so neither half can pass by accident.
    expect(fixture.cases.filter((c) => c.ruamel === 'ERR').length).toBeGreaterThan(100);
    expect(fixture.cases.filter((c) => c.ruamel.startsWith('OK')).length).toBeGreaterThan(80);
  });
});

describe('a list key holding what Python cannot hash', () => {
  it('is a TypeError where ruamel constructs it, after the whole document has parsed', async () => {
    expect(await outcome('? [a, {b: 1}]\n: x\n')).toBe(`GeneralError "unhashable type: 'dict'"`);
    expect(await outcome('? [!!set {a}]\n: x\n')).toBe(`GeneralError "unhashable type: 'set'"`);
    expect(await outcome('!!set {[a, {b: 1}]}\n')).toBe(`GeneralError "unhashable type: 'dict'"`);
    expect(await outcome('!!omap [[a, {b: 1}]: x]\n')).toBe(`GeneralError "unhashable type: 'list'"`);
    expect(await outcome('? [{b: 1}]\n: x\n? {c: 1}\n: y\n')).toBe(`GeneralError "unhashable type: 'dict'"`);
    // A mapping key met first is ruamel's "found unhashable key"; a syntax error anywhere wins.
    expect(await outcome('? {c: 1}\n: y\n? [{b: 1}]\n: x\n')).toBe('YAMLError');
    expect(await outcome('a: {[{b: 1}]: x}\nb: [\n')).toBe('YAMLError');
    expect(await outcome('? [a, b]\n: x\n')).toBe("OK {('a', 'b'): 'x'}");
  });
});

describe('an empty key', () => {
  it('is None, as a quoted null stays a str', async () => {
    expect(await outcome('? \n: v\n')).toBe("OK {None: 'v'}");
    expect(await outcome('{: v}')).toBe("OK {None: 'v'}");
    expect(await outcome('"null": 1\nnull: 2\n')).toBe("OK {'null': 1, None: 2}");
    expect(await outcome("a: 'null'\n")).toBe("OK {'a': 'null'}");
  });
});
