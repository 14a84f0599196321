// Every recorded output/query/color/error-format case of AWS CLI 2.36.7, rebuilt from the same
// inputs with the output modules alone: the query is compiled and applied to the service's `{}`
// and formatted, or the error the case produces is rendered.
import { describe, expect, it } from 'vitest';
import { renderBasicError, renderError } from '../../../src/output/errors.js';
import { formatOutput, type OutputFormat } from '../../../src/output/index.js';
import { applyQuery, compileQuery, QuerySyntaxError } from '../../../src/output/query.js';
import { PyDict } from '../../../src/python/value.js';
import { RECORDED, type RecordedCase } from './recordings.fixture.js';

const argAfter = (c: RecordedCase, flag: string): string | undefined => {
  const i = c.args.indexOf(flag);
  return i >= 0 ? c.args[i + 1] : undefined;
};

function outputFormat(c: RecordedCase): OutputFormat {
  const fromConfig = /^output = (\S+)$/m.exec(c.files['.aws/config'] ?? '')?.[1];
  return (argAfter(c, '--output') ?? c.env.AWS_DEFAULT_OUTPUT ?? fromConfig ?? 'json') as OutputFormat;
}

const SERVICE_ERROR = {
  kind: 'service' as const,
  code: 'UserNotFoundException',
  message: 'User does not exist.',
  fields: [['message', 'User does not exist.']] as const,
};

/** What the output modules produce for a case, as [stdout, stderr]. */
function reproduce(c: RecordedCase): [string, string] {
  const color = argAfter(c, '--color') === 'on';
  const errorFormat = (argAfter(c, '--cli-error-format') ?? c.env.AWS_CLI_ERROR_FORMAT ?? 'enhanced') as Parameters<typeof renderError>[0];
  const options = { prog: 'aws', color };
  if (argAfter(c, '--username') === 'no-such-user') return ['', renderError(errorFormat, SERVICE_ERROR, options)];
  if (c.id === 'errfmt-json-usage-error' || c.id === 'errfmt-json-validation-error') {
    const message = (JSON.parse(c.stderr) as { Message: string }).Message;
    return ['', renderError('json', { kind: 'structured', code: 'ParamValidation', message }, options)];
  }
  if (c.id === 'errfmt-json-connection-refused') {
    return ['', renderBasicError('aws', 'Could not connect to the endpoint URL: "http://127.0.0.1:<CLOSED_PORT>/"')];
  }
  const format = outputFormat(c);
  if (!['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'].includes(format)) {
    return ['', renderBasicError('aws', `Unknown output type: ${format}`)];
  }
  const query = argAfter(c, '--query');
  let value: unknown = new PyDict();
  if (query !== undefined) {
    try {
      value = applyQuery(compileQuery(query), value);
    } catch (e) {
      if (!(e instanceof QuerySyntaxError)) throw e;
      return ['', renderError(errorFormat, { kind: 'structured', code: e.code, message: e.message }, options)];
    }
  }
  return [formatOutput(format, value, { color, terminalWidth: 80, title: 'AdminUserGlobalSignOut' }), ''];
}

// argparse's invalid-choice error is the command line's, not the output side's.
const NOT_OUTPUT = new Set(['errfmt-invalid']);

describe('AWS CLI 2.36.7 recordings', () => {
  for (const c of RECORDED) {
    if (NOT_OUTPUT.has(c.id)) continue;
    it(c.id, () => {
      const [stdout, stderr] = reproduce(c);
      expect(stdout).toBe(c.stdout);
      expect(stderr).toBe(c.stderr);
    });
  }

  it('covers every recorded case but the argparse one', () => {
    expect(RECORDED.filter((c) => !NOT_OUTPUT.has(c.id)).length).toBe(45);
  });
});
