// Corners of ruamel.yaml 0.17.21 (the AWS CLI's --cli-input-yaml loader) that the skeleton and
// documents sweep found, each checked against ruamel itself (YAML(typ='safe', pure=True).load):
// a stream starting with `...`, the one shared `.nan` object, and !!omap's own construction
// (a dict subclass, asserting unique keys, hashing them without the list-to-tuple step).
import { describe, expect, it } from 'vitest';
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
