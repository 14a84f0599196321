// Input documents and parameter files end to end: skeleton round trips against the local
// endpoint, and the AWS CLI's messages for documents it rejects.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCognito, type LocalCognito } from '../../local-cognito/server.js';
import { BIN, runCli } from '../support/cli.js';

let server: LocalCognito;
let pool: string;
beforeAll(async () => {
  server = await startLocalCognito();
  pool = server.createUserPool('input');
  server.seedUsers(pool, ['alice', 'bob', 'carol'].map((username) => ({ username })));
});
afterAll(async () => { await server.close(); });
beforeEach(() => server.resetStats());

const OP = 'admin-user-global-sign-out';
const sent = () => server.requests.filter((r) => r.operation === 'AdminUserGlobalSignOut').map((r) => r.body);
const err = (msg: string) => `\ncogsignout: [ERROR]: An error occurred (ParamValidation): ${msg}\n`;

describe('skeleton round trips', () => {
  it('JSON: generate, fill in, feed back', async () => {
    const skeleton = await runCli([OP, '--generate-cli-skeleton']);
    expect(skeleton).toMatchObject({ code: 0, stderr: '', stdout: '{\n    "UserPoolId": "",\n    "Username": ""\n}\n' });
    const filled = skeleton.stdout.replace('"UserPoolId": ""', `"UserPoolId": "${pool}"`).replace('"Username": ""', '"Username": "alice"');
    const r = await runCli([OP, '--endpoint-url', server.url, '--cli-input-json', 'file://in.json'], { files: { 'in.json': filled } });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(sent()).toEqual([{ UserPoolId: pool, Username: 'alice' }]);
  });

  it('YAML: generate (with the model\'s comments), fill in, feed back, the command line wins', async () => {
    const skeleton = await runCli([OP, '--generate-cli-skeleton', 'yaml-input']);
    expect(skeleton.stdout).toBe("UserPoolId: ''  # [REQUIRED] The ID of the user pool where you want to sign out a user.\nUsername: '' # [REQUIRED] The name of the user that you want to query or modify.\n");
    const filled = skeleton.stdout.replace("UserPoolId: ''", `UserPoolId: ${pool}`).replace("Username: ''", 'Username: bob');
    const r = await runCli([OP, '--endpoint-url', server.url, '--cli-input-yaml', 'file://in.yaml', '--username', 'carol'], { files: { 'in.yaml': filled } });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(sent()).toEqual([{ Username: 'carol', UserPoolId: pool }]);
  });

  it('--generate-cli-skeleton output validates, sends nothing, prints the empty response', async () => {
    const r = await runCli([OP, '--endpoint-url', server.url, '--user-pool-id', pool, '--username', 'alice', '--generate-cli-skeleton', 'output', '--query', '`{"a":1}`', '--output', 'text']);
    expect(r).toMatchObject({ code: 0, stdout: '1\n', stderr: '' });
    expect(sent()).toEqual([]);
  });
});

describe('documents the AWS CLI rejects', () => {
  it('YAML dates and numbers are reported with their Python types', async () => {
    const r = await runCli([OP, '--cli-input-yaml', 'UserPoolId: 2020-01-01\nUsername: 5\n']);
    expect(r.code).toBe(252);
    expect(r.stderr).toBe(err("Parameter validation failed:\nInvalid type for parameter UserPoolId, value: 2020-01-01, type: <class 'datetime.date'>, valid types: <class 'str'>\nInvalid type for parameter Username, value: 5, type: <class 'int'>, valid types: <class 'str'>"));
  });

  it('JSON as Python reads it: NaN and floats', async () => {
    const r = await runCli([OP, '--cli-input-json', '{"UserPoolId": NaN, "Username": 1.0}']);
    expect(r.stderr).toBe(err("Parameter validation failed:\nInvalid type for parameter UserPoolId, value: nan, type: <class 'float'>, valid types: <class 'str'>\nInvalid type for parameter Username, value: 1.0, type: <class 'float'>, valid types: <class 'str'>"));
  });

  it('a UTF-8 BOM through file:// is invalid JSON, through fileb:// it is fine', async () => {
    const doc = `\ufeff{"UserPoolId": "${pool}", "Username": "alice"}`;
    expect((await runCli([OP, '--cli-input-json', 'file://bom.json'], { files: { 'bom.json': doc } })).stderr)
      .toBe("\ncogsignout: [ERROR]: An error occurred (ParamValidation): Error parsing parameter 'cli-input-json': Invalid JSON received.\n");
    expect((await runCli([OP, '--endpoint-url', server.url, '--cli-input-json', 'fileb://bom.json'], { files: { 'bom.json': doc } })).code).toBe(0);
  });

  it('file:///dev/stdin is read twice, as by the AWS CLI: from a pipe the second read is empty', async () => {
    // A real pipe from a shell (a test runner's stdin is a socket, which /dev/stdin cannot reopen).
    const piped = (input: string, option: string) => runCli(['-c', `printf '%s' '${input}' | "$0" "$1" ${OP} ${option} file:///dev/stdin`, process.execPath, BIN], { shell: true });
    expect((await piped('{"UserPoolId": "p_1", "Username": "u"}', '--cli-input-json')).stderr)
      .toBe("\ncogsignout: [ERROR]: An error occurred (ParamValidation): Error parsing parameter 'cli-input-json': Invalid JSON received.\n");
    expect((await piped('UserPoolId: p_1', '--cli-input-yaml')).stderr)
      .toBe("\ncogsignout: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'NoneType'>\n");
  });

  it('a missing file, a directory, undecodable bytes', async () => {
    expect((await runCli([OP, '--cli-input-json', 'file://nope.json'])).stderr)
      .toBe("\ncogsignout: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--cli-input-json': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'\n");
    expect((await runCli([OP, '--user-pool-id', 'p', '--username', 'file://{{HOME}}'])).stderr)
      .toBe("\ncogsignout: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--username': Unable to load paramfile file://<TMP>/home: [Errno 21] Is a directory: '<TMP>/home'\n");
    const bad = await runCli([OP, '--user-pool-id', 'p', '--username', 'file://bad.txt'], { files: { 'bad.txt': '' } , env: {} });
    expect(bad.code).toBe(252);
  });

  it('a list, a scalar, an empty document', async () => {
    expect((await runCli([OP, '--cli-input-json', '[1]'])).stderr).toBe(err("Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>"));
    expect((await runCli([OP, '--cli-input-yaml', ''])).stderr).toBe(err("Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'NoneType'>"));
  });

  it('only the exact token relaxes the required options', async () => {
    const r = await runCli([OP, '--cli-input-j', `{"UserPoolId":"${pool}","Username":"alice"}`]);
    expect(r.code).toBe(252);
    expect(r.stderr).toContain('the following arguments are required: --user-pool-id, --username');
  });
});
