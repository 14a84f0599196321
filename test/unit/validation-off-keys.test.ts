// parameter_validation = false: a YAML mapping's keys that are not str go to the wire as
// json.dumps writes them, never as the reader's own key encoding ("\u0000yaml:n2" was sent).
// Expected bodies and errors: the AWS CLI 2.36.7 against the conformance stub (run by hand),
// with `--cli-input-yaml "{UserPoolId: us-east-1_Example, Username: <value>}"`.
import { describe, expect, it } from 'vitest';
import { parseCliInputDocument } from '../../src/input/cli-input.js';
import { serializableInput } from '../../src/input/validate.js';
import { MEMBERS } from '../../src/service/model.js';
import { pythonJsonDumps } from '../../src/transport/wire-body.js';

const body = async (value: string): Promise<string> => {
  const params = await parseCliInputDocument('yaml', `{UserPoolId: us-east-1_Example, Username: ${value}}`);
  return pythonJsonDumps(Object.fromEntries(serializableInput(params, MEMBERS)));
};
const sent = (username: string): string => `{"UserPoolId": "us-east-1_Example", "Username": ${username}}`;

describe('keys as json.dumps writes them', () => {
  it.each([
    ['{2: b, true: c, ~: d, 1.5: e, .inf: f, -.inf: g, .nan: h, 0x10: j, false: k}',
      '{"2": "b", "true": "c", "null": "d", "1.5": "e", "Infinity": "f", "-Infinity": "g", "NaN": "h", "16": "j", "false": "k"}'],
    ['{2.0: x, -0.0: y, 1e20: z, 3: w}', '{"2.0": "x", "-0.0": "y", "1e+20": "z", "3": "w"}'],
    ['{a: {3: x}}', '{"a": {"3": "x"}}'],
    ['[{4: y}]', '[{"4": "y"}]'],
    ['!!omap [2: a, b: c]', '{"2": "a", "b": "c"}'],
    ['!!pairs [2: a, ~: c, true: d, 1.5: e, x: h]', '[[2, "a"], [null, "c"], [true, "d"], [1.5, "e"], ["x", "h"]]'],
  ])('%s', async (value, username) => {
    expect(await body(value)).toBe(sent(username));
  });

  it.each([
    ['{a: 1, ? [x]: 2}', 'keys must be str, int, float, bool or None, not tuple'],
    ['{!!binary aGk=: b}', 'keys must be str, int, float, bool or None, not bytes'],
    ['{2001-12-14: b}', 'keys must be str, int, float, bool or None, not datetime.date'],
    ['{2001-12-14 10:00:00: b}', 'keys must be str, int, float, bool or None, not datetime.datetime'],
    ['!!pairs [!!binary aGk=: a]', 'Object of type bytes is not JSON serializable'],
    ['!!pairs [2001-12-14: a]', 'Object of type date is not JSON serializable'],
  ])('%s: %s', async (value, message) => {
    await expect(body(value)).rejects.toThrow(message);
  });
});
