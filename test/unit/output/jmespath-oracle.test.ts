// The query engine against jmespath.py's own answers (see the fixture): syntax error texts,
// runtime error texts and results, through the json formatter.
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/output/json.js';
import { PythonError } from '../../../src/python/builtins.js';
import { applyQuery, compileQuery, QuerySyntaxError } from '../../../src/output/query.js';
import { PyDict } from '../../../src/python/value.js';
import { JMESPATH_ORACLE, JMESPATH_SYNTAX_FUZZ } from './jmespath-oracle.fixture.js';

const maskAddresses = (s: string): string => s.replace(/0x[0-9a-f]+/g, '0x?');

function run(expr: string): { compileError?: string; runtimeError?: string; errorType?: string; json?: string; jsonError?: string } {
  let query;
  try {
    query = compileQuery(expr);
  } catch (e) {
    if (e instanceof QuerySyntaxError) {
      expect(e.message).toBe(`Bad value for --query ${expr}: ${e.detail}`);
      return { compileError: e.detail };
    }
    throw e;
  }
  let result;
  try {
    result = applyQuery(query, new PyDict());
  } catch (e) {
    if (e instanceof PythonError) return { runtimeError: maskAddresses(e.message), errorType: e.pyType };
    throw e;
  }
  try {
    return { json: maskAddresses(formatJson(result)) };
  } catch (e) {
    if (e instanceof PythonError) return { jsonError: e.message };
    throw e;
  }
}

describe('jmespath.py parity', () => {
  for (const c of JMESPATH_ORACLE) {
    it(JSON.stringify(c.expr), () => {
      const expected = { ...c, expr: undefined };
      delete expected.expr;
      if (expected.runtimeError !== undefined) expected.runtimeError = maskAddresses(expected.runtimeError);
      if (expected.json !== undefined) expected.json = maskAddresses(expected.json);
      // The fixture's json.dumps had no `default`; `--output json` passes the AWS CLI's
      // json_encoder, which words the refusal itself (recorded: test/fixtures/sweep-recordings.json).
      if (expected.jsonError?.endsWith('is not JSON serializable')) expected.jsonError = 'Encountered unrecognized type in JSON encoder.';
      expect(run(c.expr)).toEqual(expected);
    });
  }
});

describe('jmespath.py syntax errors on fuzzed expressions', () => {
  for (const c of JMESPATH_SYNTAX_FUZZ) {
    it(JSON.stringify(c.expr), () => {
      let error: string | null = null;
      try {
        compileQuery(c.expr);
      } catch (e) {
        if (!(e instanceof QuerySyntaxError)) throw e;
        error = e.detail;
      }
      expect(error).toBe(c.error);
    });
  }
});
