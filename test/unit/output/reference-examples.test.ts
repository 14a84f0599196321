// The examples of the behavior reference (/work/shared/reference/awscli-behavior.md): §5
// output formatting, §2.2 error renderings, §2.4 --query messages, exact bytes.
import { describe, expect, it } from 'vitest';
import { renderBasicError, renderError } from '../../../src/output/errors.js';
import { formatOutput, type OutputFormat } from '../../../src/output/index.js';
import { PythonError } from '../../../src/python/builtins.js';
import { applyQuery, compileQuery, QuerySyntaxError } from '../../../src/output/query.js';
import { PyDict } from '../../../src/python/value.js';

const TITLE = 'AdminUserGlobalSignOut';

/** What `--query <q> --output <format>` prints for the service's `{}` (stdout not a TTY). */
function out(format: OutputFormat, query: string | undefined, terminalWidth = 80): string {
  const value = query === undefined ? new PyDict() : applyQuery(compileQuery(query), new PyDict());
  return formatOutput(format, value, { color: false, terminalWidth, title: TITLE });
}

const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');

describe('§5.2 json', () => {
  it.each([
    [undefined, ''],
    ['`{}`', ''],
    ['`{"a":{}}`', '{\n    "a": {}\n}\n'],
    ['`[]`', '[]\n'],
    ['`null`', 'null\n'],
    ['`""`', '""\n'],
    ['`[1,"a",null]`', '[\n    1,\n    "a",\n    null\n]\n'],
    ['`1.0`', '1.0\n'],
    ['`2.5`', '2.5\n'],
    ['`1e3`', '1000.0\n'],
    ['`-0.0`', '-0.0\n'],
    ['`1e16`', '1e+16\n'],
    ['`123456789012345678901234567890`', '123456789012345678901234567890\n'],
    ['`"ünïcødé ✓"`', '"ünïcødé ✓"\n'],
    ['`"q\\"b\\\\s\\n\\r\\t\\b\\f\\u0001\\u007f\\u2028"`', '"q\\"b\\\\s\\n\\r\\t\\b\\f\\u0001\u007f\u2028"\n'],
    ['`{"b":1,"2":2,"1":3}`', '{\n    "b": 1,\n    "2": 2,\n    "1": 3\n}\n'],
  ])('%s', (query, expected) => {
    expect(out('json', query)).toBe(expected);
  });
});

describe('§5.3 text', () => {
  it.each([
    ['`{"b":1,"a":"x"}`', 'x\t1\n'],
    ['`[1,"a",null]`', '1\ta\tNone\n'],
    ['`[[1,2],[3,4]]`', '1\t2\n3\t4\n'],
    [
      '`{"Name":"x","Count":2,"Tags":[{"Key":"k1","Value":"v1"},{"Key":"k2","Extra":"e"}],"Meta":{"Owner":"me","Sub":{"z":1}},"List":["a","b"],"Nested":[[1,2],[3]]}`',
      '2\tx\nLIST\ta\nLIST\tb\nMETA\tme\nSUB\t1\nNESTED\t1\nNESTED\t2\nNESTED\t3\nTAGS\t\tk1\tv1\nTAGS\te\tk2\t\n',
    ],
    ['`[{"a":1},{"b":[1,2]}]`', '1\n\nB\t1\nB\t2\n'],
    ['`[["a",["b","c"]],"d"]`', 'd\na\nb\tc\n'],
    ['`[1.0, 2.50, 1e3, -0.0]`', '1.0\t2.5\t1000.0\t-0.0\n'],
    ['`true`', 'True\n'],
    ['`false`', 'False\n'],
    ['`""`', '\n'],
    ['`"a\\tb\\nc"`', 'a\tb\nc\n'],
    ['`{}`', ''],
    ['`{"a":{}}`', ''],
    ['`[{"a":1},{"a":[1,2]}]`', '1\n[1, 2]\n'],
  ])('%s', (query, expected) => {
    expect(out('text', query)).toBe(expected);
  });

  it('fails like Python on a list mixing dicts and scalars', () => {
    expect(() => out('text', '`[{"a":1}, 2]`')).toThrow(new PythonError('AttributeError', "'int' object has no attribute 'items'"));
  });
});

describe('§5.4 table', () => {
  it('a dict with several scalar keys', () => {
    expect(out('table', '`{"b":1,"a":"x"}`')).toBe(
      lines(
        '------------------------',
        '|AdminUserGlobalSignOut|',
        '+----------+-----------+',
        '|     a    |     b     |',
        '+----------+-----------+',
        '|  x       |  1        |',
        '+----------+-----------+',
      ),
    );
  });

  it('a list of scalars', () => {
    expect(out('table', '`[1,"a",null]`')).toBe(
      lines(
        '------------------------',
        '|AdminUserGlobalSignOut|',
        '+----------------------+',
        '|  1                   |',
        '|  a                   |',
        '|  None                |',
        '+----------------------+',
      ),
    );
  });

  it.each(['`"hello"`', '`1`', '`true`', '`1.5`'])('a truthy scalar %s prints the title only', (q) => {
    expect(out('table', q)).toBe(lines('------------------------', '|AdminUserGlobalSignOut|', '+----------------------+'));
  });

  it.each(['`null`', '`{}`', '`[]`', '`""`', '`0`', '`false`', '`0.0`', undefined])('a falsy value %s prints nothing', (q) => {
    expect(out('table', q)).toBe('');
  });

  it('nested sections', () => {
    expect(out('table', '`{"Name":"x","Count":2,"Tags":[{"Key":"k1","Value":"v1"},{"Key":"k2","Value":"v2"}],"Meta":{"Owner":"me"}}`')).toBe(
      lines(
        '------------------------',
        '|AdminUserGlobalSignOut|',
        '+-----------+----------+',
        '|   Count   |  Name    |',
        '+-----------+----------+',
        '|  2        |  x       |',
        '+-----------+----------+',
        '||        Meta        ||',
        '|+-----------+--------+|',
        '||  Owner    |  me    ||',
        '|+-----------+--------+|',
        '||        Tags        ||',
        '|+--------+-----------+|',
        '||   Key  |   Value   ||',
        '|+--------+-----------+|',
        '||  k1    |  v1       ||',
        '||  k2    |  v2       ||',
        '|+--------+-----------+|',
      ),
    );
  });

  it('a list of dicts with different keys', () => {
    expect(out('table', '`[{"a":1,"b":2},{"a":3,"c":4}]`')).toBe(
      lines(
        '------------------------',
        '|AdminUserGlobalSignOut|',
        '+------+-------+-------+',
        '|   a  |   b   |   c   |',
        '+------+-------+-------+',
        '|  1   |  2    |       |',
        '|  3   |       |  4    |',
        '+------+-------+-------+',
      ),
    );
  });

  it('turns vertical when wider than the terminal', () => {
    const q = '`{"k1":"v1","k2":"v2","k3":"v3","k4":"a very long value that goes on and on and on and on and on and on and on and on"}`';
    expect(out('table', q)).toBe(
      lines(
        '-------------------------------------------------------------------------------------------',
        '|                                 AdminUserGlobalSignOut                                  |',
        '+----+------------------------------------------------------------------------------------+',
        '|  k1|  v1                                                                                |',
        '|  k2|  v2                                                                                |',
        '|  k3|  v3                                                                                |',
        '|  k4|  a very long value that goes on and on and on and on and on and on and on and on   |',
        '+----+------------------------------------------------------------------------------------+',
      ),
    );
    // A wide terminal keeps the horizontal layout.
    expect(out('table', q, 200).split('\n').slice(2, 6)).toEqual([
      '+----+-----+-----+------------------------------------------------------------------------------------+',
      '| k1 | k2  | k3  |                                        k4                                          |',
      '+----+-----+-----+------------------------------------------------------------------------------------+',
      '|  v1|  v2 |  v3 |  a very long value that goes on and on and on and on and on and on and on and on   |',
    ]);
  });

  it.each([
    ['`[{}]`', lines('------------------------', '|AdminUserGlobalSignOut|')],
    ['`[[]]`', lines('------------------------', '|AdminUserGlobalSignOut|')],
    ['`{"a":{}}`', lines('------------------------', '|AdminUserGlobalSignOut|', '+----------------------+')],
    ['`{"a":[]}`', lines('------------------------', '|AdminUserGlobalSignOut|', '+----------------------+')],
  ])('odd edge %s', (q, expected) => {
    expect(out('table', q)).toBe(expected);
  });

  it('counts East Asian wide and ambiguous characters as two columns', () => {
    expect(out('table', '`{"a":"日本","b":"é°×"}`')).toBe(
      lines(
        '------------------------',
        '|AdminUserGlobalSignOut|',
        '+---------+------------+',
        '|    a    |     b      |',
        '+---------+------------+',
        '|  日本   |  é°×    |',
        '+---------+------------+',
      ),
    );
  });

  it('fails on rows of different lengths (§2.4)', () => {
    expect(() => out('table', '`["x",["y","z"]]`')).toThrow(new PythonError('ValueError', 'Row should have 1 elements, instead it has 2'));
  });
});

describe('§5.5 yaml and yaml-stream', () => {
  it('the observed document', () => {
    const long = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss';
    const q = `\`{"Name":"x","Count":2,"Tags":[{"Key":"k1","Value":"v1"},{"Key":"k2","Value":"v2"}],"Meta":{"Owner":"me"},"Empty":{},"EmptyL":[],"N":null,"B":true,"F":1.5,"S":"yes","D":"2020-01-01","Num":"123","Colon":"a: b","U":"日本","Long":"${long}"}\``;
    expect(out('yaml', q)).toBe(
      lines(
        'B: true',
        "Colon: 'a: b'",
        'Count: 2',
        "D: '2020-01-01'",
        'Empty: {}',
        'EmptyL: []',
        'F: 1.5',
        'Long: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp',
        '  qqqq rrrr ssss',
        'Meta:',
        '  Owner: me',
        'N: null',
        'Name: x',
        "Num: '123'",
        'S: yes',
        'Tags:',
        '- Key: k1',
        '  Value: v1',
        '- Key: k2',
        '  Value: v2',
        'U: 日本',
      ),
    );
  });

  it.each([
    ['`null`', 'null\n'],
    ['`true`', 'true\n'],
    ['`3`', '3\n'],
    ['`1.5`', '1.5\n'],
    ['`"hello"`', '"hello"\n'],
    ['`""`', '""\n'],
    ['`{}`', ''],
    ['`[]`', '[]\n'],
    ['`{"a":{}}`', 'a: {}\n'],
  ])('yaml %s', (q, expected) => {
    expect(out('yaml', q)).toBe(expected);
  });

  it.each([
    ['`null`', '- null\n'],
    ['`"hello"`', '- hello\n'],
    ['`""`', "- ''\n"],
    ['`3`', '- 3\n'],
    ['`[]`', '- []\n'],
    ['`{"a":"x","b":1}`', '- a: x\n  b: 1\n'],
    ['`[1,"a",null]`', '- - 1\n  - a\n  - null\n'],
    ['`{}`', ''],
  ])('yaml-stream %s', (q, expected) => {
    expect(out('yaml-stream', q)).toBe(expected);
  });
});

describe('§5.6 off and §5.7 the real response', () => {
  it.each(['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const)('%s prints nothing for {}', (format) => {
    expect(out(format, undefined)).toBe('');
  });

  it('off prints nothing whatever the query gives', () => {
    expect(out('off', '`[1,2]`')).toBe('');
  });
});

describe('§2.2 error renderings', () => {
  const region = { kind: 'structured' as const, code: 'NoRegion', message: 'You must specify a region. You can also configure your region by running "aws configure".' };

  it('enhanced, legacy, json and text of a structured error', () => {
    expect(renderError('enhanced', region, { prog: 'aws' })).toBe(
      '\naws: [ERROR]: An error occurred (NoRegion): You must specify a region. You can also configure your region by running "aws configure".\n',
    );
    expect(renderError('legacy', region, { prog: 'aws' })).toBe(
      '\naws: [ERROR]: You must specify a region. You can also configure your region by running "aws configure".\n',
    );
    expect(renderError('json', region)).toBe(
      '{\n    "Code": "NoRegion",\n    "Message": "You must specify a region. You can also configure your region by running \\"aws configure\\"."\n}\n',
    );
    expect(renderError('text', region)).toBe(
      'NoRegion\tYou must specify a region. You can also configure your region by running "aws configure".\n',
    );
  });

  it('yaml folds the message at 80 columns', () => {
    const creds = { kind: 'structured' as const, code: 'NoCredentials', message: 'Unable to locate credentials. You can configure credentials by running "aws login".' };
    expect(renderError('yaml', creds)).toBe(
      'Code: NoCredentials\nMessage: Unable to locate credentials. You can configure credentials by running "aws\n  login".\n',
    );
  });

  const badParam = {
    kind: 'service' as const,
    code: 'InvalidParameterException',
    message: 'Bad param',
    fields: [['message', 'Bad param'], ['reasonCode', 'INVALID_X']] as const,
  };

  it('a service error with a modeled extra field', () => {
    expect(renderError('json', badParam)).toBe(
      '{\n    "Message": "Bad param",\n    "Code": "InvalidParameterException",\n    "message": "Bad param",\n    "reasonCode": "INVALID_X"\n}\n',
    );
    expect(renderError('text', badParam)).toBe('InvalidParameterException\tBad param\tBad param\tINVALID_X\n');
    expect(renderError('table', badParam)).toBe(
      lines(
        '-----------------------------------------------------------------------',
        '|                                error                                |',
        '+----------------------------+------------+------------+--------------+',
        '|            Code            |  Message   |  message   | reasonCode   |',
        '+----------------------------+------------+------------+--------------+',
        '|  InvalidParameterException |  Bad param |  Bad param |  INVALID_X   |',
        '+----------------------------+------------+------------+--------------+',
      ),
    );
    expect(renderError('enhanced', badParam, { prog: 'aws' })).toBe(
      '\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the AdminUserGlobalSignOut operation: Bad param\n' +
        '\nAdditional error details:\nreasonCode: INVALID_X\n',
    );
    expect(renderError('legacy', badParam, { prog: 'aws' })).toBe(
      '\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the AdminUserGlobalSignOut operation: Bad param\n',
    );
  });

  it('the retry suffix and the program name', () => {
    const internal = { kind: 'service' as const, code: 'InternalErrorException', message: 'Internal', maxRetriesReached: 2 };
    expect(renderError('enhanced', internal)).toBe(
      '\ncogsignout: [ERROR]: An error occurred (InternalErrorException) when calling the AdminUserGlobalSignOut operation (reached max retries: 2): Internal\n',
    );
  });

  it('the basic writer strips the message', () => {
    expect(renderBasicError('aws', '  Unknown output type: xml\n')).toBe('\naws: [ERROR]: Unknown output type: xml\n');
    expect(renderBasicError('aws', '')).toBe('\naws: [ERROR]:\n');
  });
});

describe('§2.4 --query messages', () => {
  const bad = (q: string): string => {
    try {
      compileQuery(q);
    } catch (e) {
      if (e instanceof QuerySyntaxError) return renderError('enhanced', { kind: 'structured', code: e.code, message: e.message }, { prog: 'aws' });
      throw e;
    }
    throw new Error('compiled');
  };

  it.each([
    ['foo[', 'Bad value for --query foo[: Invalid jmespath expression: Incomplete expression:\n"foo["\n     ^'],
    ['', 'Bad value for --query : Invalid JMESPath expression: cannot be empty.'],
    [
      'foo.',
      'Bad value for --query foo.: Expecting: [\'quoted_identifier\', \'unquoted_identifier\', \'lbracket\', \'lbrace\'], got: eof: Parse error at column 4, token "" (EOF), for expression:\n"foo."\n     ^',
    ],
    ['a b', 'Bad value for --query a b: Unexpected token: b: Parse error at column 2, token "b" (UNQUOTED_IDENTIFIER), for expression:\n"a b"\n   ^'],
    ["'unterminated", "Bad value for --query 'unterminated: Bad jmespath expression: Unclosed ' delimiter:\n'unterminated\n^"],
  ])('%j', (q, message) => {
    expect(bad(q)).toBe(`\naws: [ERROR]: An error occurred (ParamValidation): ${message}\n`);
  });

  it('a runtime error is a plain error line (exit 255)', () => {
    let error: unknown;
    try {
      applyQuery(compileQuery('length(foo)'), new PyDict());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PythonError);
    expect((error as PythonError).exitCode).toBe(255);
    expect(renderBasicError('aws', (error as PythonError).message)).toBe(
      '\naws: [ERROR]: In function length(), invalid type for value: None, expected one of: [\'string\', \'array\', \'object\'], received: "null"\n',
    );
  });
});
