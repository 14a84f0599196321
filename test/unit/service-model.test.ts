// The operation is described once, as botocore's service model (src/service/), and everything
// the CLI knows of it is derived. The proof that a second operation is a data entry plus a small
// handler: a synthetic service model, written only here, goes through the same derivations, and
// each derived piece is what AWS CLI 2.36.7 itself makes of that model (recorded by putting the
// model on AWS_DATA_PATH as a `widgets` service: test/fixtures/service-model-recordings.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgparseError, parseKnownArgs } from '../../src/cli/argparse.js';
import { commandCompletions } from '../../src/completion/commands.js';
import { OPERATION } from '../../src/cli/vocabulary.js';
import { signOutOptionDecls, operationOptions } from '../../src/cli/command-decls.js';
import { ArgparseCommand, withOptions } from '../../src/cli/program.js';
import { REDACTED, redactParams, unpackedForLog } from '../../src/diagnostics/redact.js';
import { argvForLog } from '../../src/diagnostics/argv-log.js';
import { ParamValidationError } from '../../src/errors/errors.js';
import { htmlBlocks } from '../../src/help/model-doc.js';
import { operationPage } from '../../src/help/pages.js';
import { renderPage } from '../../src/help/show.js';
import { parseCliInputDocument } from '../../src/input/cli-input.js';
import { outputSkeleton, renderInputSkeleton } from '../../src/input/skeleton.js';
import { validateParameters } from '../../src/input/validate.js';
import { memberFields } from '../../src/prompt/form.js';
import { argumentTable, liftsRequired, sensitiveOptions } from '../../src/service/arguments.js';
import { MEMBERS, SIGN_OUT, docOverview, operationModel, sensitiveMembers, xformName, type ServiceModel } from '../../src/service/model.js';
import { REPO } from '../support/cli.js';

interface Recorded { readonly args: readonly string[]; readonly stdout: string; readonly stderr: string; readonly exit: number }
const FIXTURE = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'service-model-recordings.json'), 'utf8')) as {
  cases: Record<string, Recorded> & { 'debug-unpacked': string[] };
};
const recorded = (name: string): Recorded => FIXTURE.cases[name] as Recorded;

/** The AWS CLI's ParamValidation report, without its `aws: [ERROR]` framing. */
function report(name: string): string {
  const prefix = '\naws: [ERROR]: An error occurred (ParamValidation): ';
  const { stderr, exit } = recorded(name);
  expect(exit).toBe(252);
  expect(stderr.startsWith(prefix)).toBe(true);
  return stderr.slice(prefix.length).split('\n\n')[0]!.replace(/\n$/, '');
}

/** The synthetic service: one operation, three members (a special-case name, a sensitive one, no min). */
const WIDGETS: ServiceModel = {
  metadata: {
    apiVersion: '2020-01-01',
    endpointPrefix: 'widgets',
    jsonVersion: '1.1',
    protocol: 'json',
    serviceFullName: 'Synthetic Widgets',
    serviceId: 'Widgets',
    signatureVersion: 'v4',
    targetPrefix: 'SyntheticWidgets',
    uid: 'widgets-2020-01-01',
  },
  operations: {
    AdminSetDeviceNote: {
      name: 'AdminSetDeviceNote',
      http: { method: 'POST', requestUri: '/' },
      input: { shape: 'AdminSetDeviceNoteRequest' },
      output: { shape: 'AdminSetDeviceNoteResponse' },
      documentation: '<p>Sets the <i>note</i> of a device. See <a href="https://example.com/devices">Devices</a>.</p> <ul> <li> <p>One.</p> </li> <li> <p>Two: <code>2</code>.</p> </li> </ul> '
        + '<p> <code>Lead</code> space paragraph at the top, long enough to wrap around the line end once or twice.</p> '
        + '<note> <p>Note text here.</p> <p> <code>Lead</code> space in a note, long enough to wrap around the line end once or twice.</p> </note> <p>After.</p>',
    },
    AdminGetDeviceNote: {
      name: 'AdminGetDeviceNote',
      http: { method: 'POST', requestUri: '/' },
      input: { shape: 'AdminGetDeviceNoteRequest' },
      output: { shape: 'AdminGetDeviceNoteResponse' },
      documentation: '<p>Gets the note of a device.</p>',
    },
  },
  shapes: {
    AdminSetDeviceNoteRequest: {
      type: 'structure',
      required: ['UserPoolId', 'DeviceKey'],
      members: {
        UserPoolId: { shape: 'UserPoolIdType', documentation: '<p>The ID of the user pool.</p>' },
        DeviceKey: { shape: 'DeviceKeyType', documentation: '<p>The device key: the <code>DeviceKey</code> the service returned.</p>' },
        NoteARNs: { shape: 'NoteType', documentation: '<p>The note, as in <a href="https://example.com/notes">the guide</a>. Private; see <code>AdminGetDeviceNote</code>.<b/> Its <i>owner</i>\'s.</p>' },
      },
    },
    AdminSetDeviceNoteResponse: { type: 'structure', members: {} },
    AdminGetDeviceNoteRequest: { type: 'structure', required: ['DeviceKey'], members: { DeviceKey: { shape: 'DeviceKeyType', documentation: '<p>The device key.</p>' } } },
    AdminGetDeviceNoteResponse: {
      type: 'structure',
      members: {
        NoteARNs: { shape: 'NoteType', documentation: '<p>The note.</p>' },
        DeviceKey: { shape: 'DeviceKeyType', documentation: '<p>The device key.</p>' },
      },
    },
    UserPoolIdType: { type: 'string', max: 55, min: 1, pattern: '[\\w-]+_[0-9a-zA-Z]+' },
    DeviceKeyType: { type: 'string', max: 55, min: 1, pattern: '[\\w-]+_[0-9a-f-]+' },
    NoteType: { type: 'string', max: 2048, sensitive: true },
  },
};

const WIDGET = operationModel(WIDGETS, 'AdminSetDeviceNote');

describe('reading a service model as botocore does', () => {
  it('xform_name gives the names botocore gives', () => {
    // From botocore.xform_name itself (AWS CLI 2.36.7).
    const cases: [string, string, string][] = [
      ['UserPoolId', 'user-pool-id', 'user_pool_id'],
      ['Username', 'username', 'username'],
      ['NoteARNs', 'note-arns', 'note_arns'],
      ['AdminUserGlobalSignOut', 'admin-user-global-sign-out', 'admin_user_global_sign_out'],
      ['AdminListGroupsForUser', 'admin-list-groups-for-user', 'admin_list_groups_for_user'],
      ['ClientID', 'client-id', 'client_id'],
      ['MFAOptions', 'mfa-options', 'mfa_options'],
      ['SMSMfaSettings', 'sms-mfa-settings', 'sms_mfa_settings'],
      ['ARNs', '-arns', '_arns'],
    ];
    for (const [name, dashed, snake] of cases) {
      expect(xformName(name, '-')).toBe(dashed);
      expect(xformName(name)).toBe(snake);
    }
  });

  it('a member documentation overview is its first sentence, cut at a colon too, without markup', () => {
    expect(docOverview('<p>The device key: the <code>DeviceKey</code>.</p>')).toBe('The device key.');
    expect(docOverview('<p>A &lt;b&gt; and <i>more</i></p>')).toBe('A <b> and more.');
    expect(docOverview('')).toBe('');
  });

  it('AdminUserGlobalSignOut reads as the AWS CLI reads it', () => {
    expect(SIGN_OUT.cliName).toBe('admin-user-global-sign-out');
    // The command table names the command (a literal, for its type); it must be the model's.
    expect(OPERATION).toBe(SIGN_OUT.cliName);
    expect(MEMBERS.map((m) => [m.name, m.option, m.pyName, m.required, m.min, m.max, m.sensitive])).toEqual([
      ['UserPoolId', '--user-pool-id', 'user_pool_id', true, 1, 55, false],
      ['Username', '--username', 'username', true, 1, 128, true],
    ]);
    expect(signOutOptionDecls()).toEqual([
      { flags: '--user-pool-id <value>', description: 'The ID of the user pool where you want to sign out a user.', mandatory: true },
      { flags: '--username <value>', description: 'The name of the user that you want to query or modify.', mandatory: true },
      { flags: '--cli-input-json <value>', description: 'Reads arguments from the JSON string provided.' },
      { flags: '--cli-input-yaml <value>', description: 'Reads arguments from the YAML string provided.' },
      { flags: '--generate-cli-skeleton [value]', description: 'Prints a JSON skeleton to standard output without sending an API request.', choices: ['input', 'output', 'yaml-input'], preset: 'input' },
    ]);
    expect(sensitiveOptions(SIGN_OUT)).toEqual(['--username', '--cli-input-json', '--cli-input-yaml']);
    // Completion offers the argument table, with the CLI's skeleton choices.
    const completed = commandCompletions().find((c) => c.name === SIGN_OUT.cliName);
    expect(completed?.options.map((o) => o.flag)).toEqual(argumentTable(SIGN_OUT).map((a) => `--${a.name}`));
    expect(completed?.options.at(-1)).toEqual({ flag: '--generate-cli-skeleton', summary: 'Prints a JSON skeleton to standard output without sending an API request.', value: 'optional', values: { kind: 'choices', choices: ['input', 'output', 'yaml-input'] } });
    // The errors botocore's model declares, whose members its parser reads from an error response.
    expect(SIGN_OUT.errors).toEqual([
      { code: 'ResourceNotFoundException', members: ['message'] },
      { code: 'InvalidParameterException', members: ['message', 'reasonCode'] },
      { code: 'TooManyRequestsException', members: ['message'] },
      { code: 'NotAuthorizedException', members: ['message'] },
      { code: 'UserNotFoundException', members: ['message'] },
      { code: 'OperationNotEnabledException', members: ['message'] },
      { code: 'InternalErrorException', members: ['message'] },
    ]);
    expect(WIDGET.errors).toEqual([]);
  });

  it('refuses what it does not model instead of deriving it wrong', () => {
    const nested: ServiceModel = { ...WIDGETS, shapes: { ...WIDGETS.shapes, NoteType: { type: 'structure', members: {} } } };
    expect(() => operationModel(nested, 'AdminSetDeviceNote')).toThrow('member AdminSetDeviceNoteRequest.NoteARNs is a structure; only string members are modelled');
    const enumerated: ServiceModel = { ...WIDGETS, shapes: { ...WIDGETS.shapes, NoteType: { type: 'string', enum: ['a'] } } };
    expect(() => operationModel(enumerated, 'AdminSetDeviceNote')).toThrow('enums are not modelled');
    expect(() => operationModel(WIDGETS, 'AdminDeleteWidget')).toThrow('no operation AdminDeleteWidget');
    // Documentation markup the help pages cannot yet lay out as the AWS CLI does.
    expect(() => htmlBlocks('<dl><dt>a</dt><dd>b</dd></dl>')).toThrow('<dl> is not modelled');
    expect(() => htmlBlocks('<p>See <a>DescribeInstances</a>.</p>')).toThrow('<a> without href is not modelled');
    expect(() => htmlBlocks('<p>open')).toThrow('unclosed tags');
  });
});

describe('a second operation, from its model entry alone', () => {
  it('gets its options: the members in model order, then the AWS CLI\'s own arguments', () => {
    expect(operationOptions(WIDGET)).toEqual([
      { flags: '--user-pool-id <value>', description: 'The ID of the user pool.', mandatory: true },
      { flags: '--device-key <value>', description: 'The device key.', mandatory: true },
      { flags: '--note-arns <value>', description: 'The note, as in the guide.' },
      { flags: '--cli-input-json <value>', description: 'Reads arguments from the JSON string provided.' },
      { flags: '--cli-input-yaml <value>', description: 'Reads arguments from the YAML string provided.' },
      { flags: '--generate-cli-skeleton [value]', description: 'Prints a JSON skeleton to standard output without sending an API request.', choices: ['input', 'output', 'yaml-input'], preset: 'input' },
    ]);
  });

  it('its required options are argparse\'s, with the AWS CLI\'s message', () => {
    const spec = withOptions(new ArgparseCommand('widget'), operationOptions(WIDGET)).spec();
    const r = recorded('missing-option');
    const args = r.args.filter((a, i) => !(a === '--endpoint-url' || r.args[i - 1] === '--endpoint-url'));
    expect(() => parseKnownArgs(spec, args)).toThrow(ArgparseError);
    expect(() => parseKnownArgs(spec, args)).toThrow(report('missing-option'));
  });

  it('--cli-input-json and --generate-cli-skeleton (but not `output`) lift the required members', () => {
    const table = argumentTable(WIDGET);
    expect(liftsRequired(table, ['--cli-input-json', '{}'])).toBe(true);
    expect(liftsRequired(table, ['--generate-cli-skeleton'])).toBe(true);
    expect(liftsRequired(table, ['--generate-cli-skeleton', 'yaml-input'])).toBe(true);
    expect(liftsRequired(table, ['--generate-cli-skeleton', 'output'])).toBe(false);
    expect(liftsRequired(table, ['--cli-input-js', '{}'])).toBe(false);
    expect(liftsRequired(table, ['--user-pool-id', 'p_1'])).toBe(false);
  });

  it('gets its input skeletons, JSON and YAML with the documentation comments', () => {
    expect(renderInputSkeleton('input', WIDGET.input)).toBe(recorded('skeleton-input').stdout);
    expect(renderInputSkeleton('yaml-input', WIDGET.input)).toBe(recorded('skeleton-yaml').stdout);
    // The stubbed response --generate-cli-skeleton output prints: nothing for an empty output
    // shape (the AWS CLI prints no `{}`), each string member's own name otherwise.
    expect(outputSkeleton(WIDGET.output)).toEqual({});
    expect(recorded('skeleton-output')).toMatchObject({ stdout: '', exit: 0 });
    const get = operationModel(WIDGETS, 'AdminGetDeviceNote');
    expect(`${JSON.stringify(outputSkeleton(get.output), null, 4)}\n`).toBe(recorded('get-skeleton-output').stdout);
  });

  it('gets botocore\'s validation: minimum length from the shape, required and unknown members, types', async () => {
    expect(() => validateParameters(new Map([['UserPoolId', ''], ['DeviceKey', 'x']]), WIDGET.input)).toThrow(new ParamValidationError(report('min-length')));
    const document = recorded('document').args[recorded('document').args.indexOf('--cli-input-json') + 1] as string;
    const params = await parseCliInputDocument('json', document);
    expect(() => validateParameters(params, WIDGET.input)).toThrow(new ParamValidationError(report('document')));
  });

  it('hides its sensitive member in --debug, and only that one', () => {
    expect(sensitiveMembers(WIDGET)).toEqual(['NoteARNs']);
    expect(sensitiveOptions(WIDGET)).toEqual(['--note-arns', '--cli-input-json', '--cli-input-yaml']);
    const raw = new Map([['--user-pool-id', 'p_1'], ['--device-key', 'k'], ['--note-arns', 'sec ret']]);
    const params = new Map([['UserPoolId', 'p_1'], ['DeviceKey', 'k'], ['NoteARNs', 'sec ret']]);
    const unpacked = unpackedForLog(WIDGET.input, raw, params);
    expect(unpacked.secrets).toEqual(['sec ret']);
    // The AWS CLI's lines, the sensitive value replaced (README, "Differences from the AWS CLI").
    expect(unpacked.lines).toEqual(FIXTURE.cases['debug-unpacked'].map((l) => l.replace(/'sec ret'/g, REDACTED)));
    expect(unpacked.lines[2]).toBe(`Unpacked value of ${REDACTED} for parameter "note_arns": ${REDACTED}`);
    expect(redactParams(params, sensitiveMembers(WIDGET))).toEqual({ UserPoolId: 'p_1', DeviceKey: 'k', NoteARNs: REDACTED });
  });

  it('gets its prompt fields', () => {
    expect(memberFields(WIDGET.input).map((f) => [f.flag, f.required, f.type, f.doc])).toEqual([
      ['--user-pool-id', true, 'string', 'The ID of the user pool.'],
      ['--device-key', true, 'string', 'The device key.'],
      ['--note-arns', false, 'string', 'The note, as in the guide.'],
    ]);
  });

  it('gets its help page, byte for byte as the AWS CLI renders it from the same model', () => {
    expect(renderPage(operationPage(WIDGET), 80)).toBe(recorded('help').stdout);
    // With output members: the OUTPUT section documents each.
    expect(renderPage(operationPage(operationModel(WIDGETS, 'AdminGetDeviceNote')), 80)).toBe(recorded('get-help').stdout);
  });
});

describe('the operation\'s own command line in --debug', () => {
  it('hides the values of the options the model marks sensitive, abbreviated or not', () => {
    expect(argvForLog(['--username', 'u', '--user-pool-id', 'p', '--usern=v'])).toBe(`['--username', '${REDACTED}', '--user-pool-id', 'p', '--usern=${REDACTED}']`);
  });
});
