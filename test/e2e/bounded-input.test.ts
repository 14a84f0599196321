// Local inputs that made the CLI grow until it died (issue 16): file:// values, --cli-input
// documents, config files, CA bundles and web-identity token files from /dev/zero, /dev/urandom
// or huge files, and YAML alias bombs. Each must end in a clear message and the AWS CLI's exit
// code, with the process's peak memory under 100 MiB (measured by a preloaded hook: the
// kernel's own count of the child's peak RSS, not a timer).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, type RunOptions, type RunResult } from '../support/cli.js';
import { runMeasured } from '../support/peak-rss.js';
import { bytesRepr } from '../../src/python/builtins.js';

const MIB = 1024 * 1024;
/** The ceiling of a file:// or fileb:// value. */
const PARAM_MAX = 512 * 1024;
const MEMORY_BOUND = 100 * MIB;

// The tests run side by side (each a process of its own); those that count what reached an
// endpoint have one of their own (`endpoint`), the rest share this one.
let server: Server;
let url: string;

/** An endpoint answering every request with {}: its URL, and the length of each request body it received. */
async function listen(): Promise<{ server: Server; url: string; bodies: number[] }> {
  const bodies: number[] = [];
  const s = createServer((req, res) => {
    let n = 0;
    req.on('data', (d: Buffer) => { n += d.length; });
    req.on('end', () => {
      bodies.push(n);
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { server: s, url: `http://127.0.0.1:${(s.address() as { port: number }).port}`, bodies };
}

/** A test's own endpoint, closed when the test ends. */
async function endpoint(onTestFinished: (fn: () => Promise<void>) => void): Promise<{ url: string; bodies: number[] }> {
  const own = await listen();
  onTestFinished(() => new Promise<void>((resolve) => { own.server.close(() => resolve()); }));
  return own;
}

beforeAll(async () => { ({ server, url } = await listen()); });
afterAll(() => { server.close(); });


const signOut = (...rest: string[]): string[] => ['admin-user-global-sign-out', '--endpoint-url', url, ...rest];
const signOutTo = (to: string, ...rest: string[]): string[] => ['admin-user-global-sign-out', '--endpoint-url', to, ...rest];
const PARAM = (option: string, value: string, what: string): string =>
  `\ncogsignout: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '${option}': Unable to load paramfile ${value}: ${what}, the most cogsignout reads from a parameter file\n`;

describe.concurrent('file:// and fileb:// values', () => {
  for (const [prefix, device] of [['file://', '/dev/zero'], ['fileb://', '/dev/zero'], ['file://', '/dev/urandom'], ['fileb://', '/dev/urandom']] as const) {
    it(`--username ${prefix}${device}: refused past 512 KiB, exit 252`, async () => {
      const r = await runMeasured(signOut('--user-pool-id', 'us-east-1_X', '--username', `${prefix}${device}`));
      expect(r.stderr).toBe(PARAM('--username', `${prefix}${device}`, 'it is not a regular file and gave more than 512 KiB'));
      expect(r.code).toBe(252);
      expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
    });
  }

  it('a regular file one byte over 512 KiB is refused from its size', async () => {
    const r = await runMeasured(signOut('--user-pool-id', 'us-east-1_X', '--username', 'file://big.txt'), { files: { 'big.txt': 'a'.repeat(PARAM_MAX + 1) } });
    expect(r.stderr).toBe(PARAM('--username', 'file://big.txt', 'the file is larger than 512 KiB'));
    expect(r.code).toBe(252);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  it('a username of the most escapes 512 KiB holds is sent whole, under the memory bound', async ({ onTestFinished }) => {
    const { url: to, bodies } = await endpoint(onTestFinished);
    // Every character is escaped in the body (\u00e9 and \n): the largest body a file can make.
    const value = 'é\n'.repeat(PARAM_MAX / 3);
    const r = await runMeasured(signOutTo(to, '--user-pool-id', 'us-east-1_X', '--username', 'file://name.txt'), { files: { 'name.txt': value } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(bodies).toEqual([`{"UserPoolId": "us-east-1_X", "Username": "${'\\u00e9\\n'.repeat(PARAM_MAX / 3)}"}`.length]);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  it('a 512 KiB fileb:// value is printed whole in its type error, under the memory bound', async () => {
    // ASCII only, so that the file holds exactly these bytes; every control byte is escaped.
    const bytes = Buffer.from(Array.from({ length: PARAM_MAX }, (_, i) => (i * 7) % 128));
    const r = await runMeasured(signOut('--user-pool-id', 'us-east-1_X', '--username', 'fileb://name.bin'), { files: { 'name.bin': bytes.toString('latin1') } });
    // The shared repr (python/builtins.ts) is the reference for the CLI's piecewise one.
    expect(r.stderr).toBe(`\ncogsignout: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid type for parameter Username, value: ${bytesRepr(bytes)}, type: <class 'bytes'>, valid types: <class 'str'>\n`);
    expect(r.code).toBe(252);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  it('/dev/null is read as the AWS CLI reads it: an empty value', async () => {
    const r = await runCli(signOut('--user-pool-id', 'us-east-1_X', '--username', 'file:///dev/null'));
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid length for parameter Username, value: 0, valid min length: 1\n');
    expect(r.code).toBe(252);
  });
});

describe.concurrent('--cli-input-json and --cli-input-yaml documents', () => {
  for (const kind of ['json', 'yaml']) {
    it(`--cli-input-${kind} file:///dev/zero: refused past 128 KiB, exit 252`, async () => {
      const r = await runMeasured(signOut(`--cli-input-${kind}`, 'file:///dev/zero'));
      expect(r.stderr).toBe(PARAM(`--cli-input-${kind}`, 'file:///dev/zero', 'it is not a regular file and gave more than 128 KiB'));
      expect(r.code).toBe(252);
      expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
    });
  }

  it('a 50 MB --cli-input-json file is refused from its size', async () => {
    const doc = `{"UserPoolId": "p", "Username": "u", "X": "${'a'.repeat(50_000_000)}"}`;
    const r = await runMeasured(signOut('--cli-input-json', 'file://in.json'), { files: { 'in.json': doc } });
    expect(r.stderr).toBe(PARAM('--cli-input-json', 'file://in.json', 'the file is larger than 128 KiB'));
    expect(r.code).toBe(252);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  it('the largest accepted document of tiny members stays under the bound', async () => {
    const doc = `UserPoolId: us-east-1_X\nUsername: u\nX: [${'{}, '.repeat(32_500)}{}]\n`;
    const r = await runMeasured(signOut('--cli-input-yaml', 'file://in.yaml'), { files: { 'in.yaml': doc } });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nUnknown parameter in input: "X", must be one of: UserPoolId, Username\n');
    expect(r.code).toBe(252);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });
});

/** 8 levels of 9 aliases: 43 million list elements once expanded, 500 bytes of text. */
function aliasBomb(target: string): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n${target}: *a8\nUsername: u\n`;
}

describe.concurrent('YAML alias bombs', () => {
  const unknown = Array.from({ length: 9 }, (_, i) => `Unknown parameter in input: "a${i}", must be one of: UserPoolId, Username\n`).join('');

  it('under a key the AWS CLI never prints: its answer, at once (aliases stay shared)', async () => {
    const r = await runMeasured(signOut('--cli-input-yaml', 'file://bomb.yaml'), { files: { 'bomb.yaml': `UserPoolId: p\n${aliasBomb('Bomb')}` } });
    expect(r.stderr).toBe(`\ncogsignout: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n${unknown}Unknown parameter in input: "Bomb", must be one of: UserPoolId, Username\n`);
    expect(r.code).toBe(252);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  it('as a value the type error prints: named instead of printed (the AWS CLI dies building it)', async () => {
    const r = await runMeasured(signOut('--cli-input-yaml', 'file://bomb.yaml'), { files: { 'bomb.yaml': aliasBomb('UserPoolId') } });
    expect(r.stderr).toBe(`\ncogsignout: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n${unknown}Invalid type for parameter UserPoolId, value: (not shown: longer than 4194304 characters once its YAML aliases are expanded), type: <class 'list'>, valid types: <class 'str'>\n`);
    expect(r.code).toBe(252);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  const COPY_LIMIT = "\ncogsignout: [ERROR]: An error occurred (ParamValidation): Error parsing parameter 'cli-input-yaml': its merge keys (<<) and sequence keys copy more than 100000 entries of what its aliases name, the most cogsignout copies\n";

  it('thousands of maps merging one big anchored map: refused once 100,000 entries are copied', async () => {
    const keys = Array.from({ length: 3_000 }, (_, i) => `k${i.toString(16)}: 0`).join(', ');
    const merges = Array.from({ length: 5_000 }, (_, i) => `b${i.toString(16)}: {<<: *a}\n`).join('');
    const r = await runMeasured(signOut('--cli-input-yaml', 'file://bomb.yaml'), { files: { 'bomb.yaml': `UserPoolId: p\nUsername: u\na: &a {${keys}}\n${merges}` } });
    expect(r.stderr).toBe(COPY_LIMIT);
    expect(r.code).toBe(252);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  it('thousands of maps keyed by one big anchored sequence (a tuple each): refused the same way', async () => {
    const items = Array.from({ length: 3_000 }, (_, i) => `x${i.toString(16)}`).join(', ');
    const maps = Array.from({ length: 5_000 }, (_, i) => `m${i.toString(16)}: {? *l : v}\n`).join('');
    const r = await runMeasured(signOut('--cli-input-yaml', 'file://bomb.yaml'), { files: { 'bomb.yaml': `UserPoolId: p\nUsername: u\nl: &l [${items}]\n${maps}` } });
    expect(r.stderr).toBe(COPY_LIMIT);
    expect(r.code).toBe(252);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  it('a recursive alias prints as Python prints it', async () => {
    const r = await runCli(signOut('--cli-input-yaml', 'UserPoolId: &a [*a, {b: *a}]\nUsername: u\n'));
    expect(r.stderr).toBe("\ncogsignout: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid type for parameter UserPoolId, value: [[...], {'b': [...]}], type: <class 'list'>, valid types: <class 'str'>\n");
    expect(r.code).toBe(252);
  });
});

describe.concurrent('nesting deeper than Python recurses', () => {
  it('YAML: the AWS CLI\'s RecursionError, exit 255, whatever the depth', async () => {
    await Promise.all([600, 60_000].map(async (depth) => {
      const r = await runMeasured(signOut('--cli-input-yaml', 'file://in.yaml'), { files: { 'in.yaml': `UserPoolId: ${'['.repeat(depth)}${']'.repeat(depth)}\nUsername: u\n` } });
      expect(r.stderr).toBe('\ncogsignout: [ERROR]: maximum recursion depth exceeded\n');
      expect(r.code).toBe(255);
      expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
    }));
  });

  it('JSON: the same with json\'s wording', async () => {
    const r = await runMeasured(signOut('--cli-input-json', 'file://in.json'), { files: { 'in.json': `{"UserPoolId": ${'['.repeat(60_000)}${']'.repeat(60_000)}, "Username": "u"}` } });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: maximum recursion depth exceeded while decoding a JSON array from a unicode string\n');
    expect(r.code).toBe(255);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });
});

describe.concurrent('config files', () => {
  /** The call went out once and cleanly, both files read whole (the profile used is last), under the memory bound. */
  const expectOneCallUnderBound = (r: { stderr: string; code: number | null; maxRss: number }, bodies: readonly number[]): void => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(bodies).toHaveLength(1);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  };
  it('a config file over 1 MiB is refused from its size, exit 255', async () => {
    const profile = '[profile p]\nregion = us-east-1\n';
    const r = await runMeasured(signOut('--user-pool-id', 'us-east-1_X', '--username', 'u'), {
      env: { AWS_CONFIG_FILE: '{{HOME}}/big-config' },
      files: { 'big-config': `[default]\nregion = us-east-1\n${'# filler\n'.repeat(MIB / 9 + 1)}${profile}` },
    });
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: Unable to load config file: <TMP>/home/big-config is larger than 1 MiB, the most cogsignout reads from a config file\n');
    expect(r.code).toBe(255);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  /** `head`, then `unit(i)` for i = 0, 1, ... as long as the whole stays within 1 MiB with `tail`. */
  const atLimit = (head: string, unit: (i: number) => string, tail: string): string => {
    const parts = [head];
    let size = head.length + tail.length;
    for (let i = 0; ; i++) {
      const u = unit(i);
      if (size + u.length > MIB) break;
      parts.push(u);
      size += u.length;
    }
    parts.push(tail);
    return parts.join('');
  };
  const b36 = (i: number): string => i.toString(36);
  // The profile the call uses comes last and the environment has neither keys nor region: the
  // call succeeds only if both files were read whole.
  const CREDENTIALS_TAIL = '[use]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n';
  const CONFIG_TAIL = '[profile use]\nregion = us-west-2\n';
  const shapes: ReadonlyArray<readonly [string, string, string]> = [
    ['~170,000 empty sections in each file',
      atLimit('', (i) => `[s${b36(i)}]\n`, CONFIG_TAIL), atLimit('', (i) => `[s${b36(i)}]\n`, CREDENTIALS_TAIL)],
    ['~90,000 empty profiles in each file, named alike (each profile merges both files)',
      atLimit('', (i) => `[profile s${b36(i)}]\n`, CONFIG_TAIL), atLimit('', (i) => `[s${b36(i)}]\n`, CREDENTIALS_TAIL)],
    ['50 [DEFAULT] keys over ~170,000 sections in each file',
      atLimit(`[DEFAULT]\n${Array.from({ length: 50 }, (_, k) => `k${k} = v\n`).join('')}`, (i) => `[s${b36(i)}]\n`, CONFIG_TAIL),
      atLimit(`[DEFAULT]\n${Array.from({ length: 50 }, (_, k) => `k${k} = v\n`).join('')}`, (i) => `[s${b36(i)}]\n`, CREDENTIALS_TAIL)],
    ['60,000 [DEFAULT] keys and nested blocks over ~100,000 sections',
      atLimit(`[DEFAULT]\n${Array.from({ length: 60_000 }, (_, k) => `k${b36(k)}=v\n`).join('')}s3 =\n  a = b\n`, (i) => `[s${b36(i)}]\n`, CONFIG_TAIL),
      atLimit('', (i) => `[s${b36(i)}]\n`, CREDENTIALS_TAIL)],
    ['one profile of ~150,000 keys in each file',
      atLimit('[profile use]\nregion = us-west-2\n', (i) => `${b36(i)}=v\n`, ''),
      atLimit('[use]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n', (i) => `x${b36(i)}=v\n`, '')],
    ['profiles, sso-sessions and services with nested blocks; a nested block of ~100,000 lines',
      atLimit('', (i) => [`[profile p${b36(i)}]\nsso_session = s${b36(i)}\n`, `[sso-session s${b36(i)}]\nsso_region = us-east-1\n`, `[services v${b36(i)}]\ns3 =\n  a = b\n`][i % 3] as string, CONFIG_TAIL),
      atLimit('[nested]\nn =\n', (i) => `  ${b36(i)}=v\n`, CREDENTIALS_TAIL)],
  ];
  for (const [name, config, credentials] of shapes) {
    it(`config and credentials files at 1 MiB each, ${name}: read under the memory bound`, async ({ onTestFinished }) => {
      const { url: to, bodies } = await endpoint(onTestFinished);
      const r = await runMeasured(signOutTo(to, '--user-pool-id', 'us-east-1_X', '--username', 'u', '--profile', 'use'), {
        env: { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null, AWS_REGION: null },
        files: { '.aws/config': config, '.aws/credentials': credentials },
      });
      expect(config.length).toBeGreaterThan(MIB - 64);
      expect(credentials.length).toBeGreaterThan(MIB - 64);
      expectOneCallUnderBound(r, bodies);
    });
  }

  it('a services section whose nested block is ~110,000 lines, the endpoint last: read under the memory bound', async ({ onTestFinished }) => {
    const { url: to, bodies } = await endpoint(onTestFinished);
    const tail = `  endpoint_url = ${to}\n`;
    const config = atLimit('[profile use]\nregion = us-west-2\nservices = big\n[services big]\ncognito_identity_provider =\n', (i) => `  k${b36(i)} = v\n`, tail);
    const credentials = atLimit(`${CREDENTIALS_TAIL}s3 =\n`, (i) => `  k${b36(i)} = v\n`, '');
    const r = await runMeasured(['admin-user-global-sign-out', '--user-pool-id', 'us-east-1_X', '--username', 'u', '--profile', 'use'], {
      env: { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null, AWS_REGION: null },
      files: { '.aws/config': config, '.aws/credentials': credentials },
    });
    expect(config.length).toBeGreaterThan(MIB - 64);
    expectOneCallUnderBound(r, bodies);
  });

  it('AWS_CONFIG_FILE=/dev/zero is not a file: ignored, as botocore ignores it', async ({ onTestFinished }) => {
    const { url: to, bodies } = await endpoint(onTestFinished);
    const r = await runMeasured(signOutTo(to, '--user-pool-id', 'us-east-1_X', '--username', 'u'), { env: { AWS_CONFIG_FILE: '/dev/zero', AWS_SHARED_CREDENTIALS_FILE: '/dev/urandom' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(bodies).toHaveLength(1);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });
});

describe.concurrent('CA bundles', () => {
  // The bundle is loaded once the TCP connection is made, as urllib3 loads it: an https URL on
  // the shared endpoint's port (nothing is sent, the bundle fails first).
  const tlsUrl = (): string => url.replace(/^http:/, 'https:');
  const https = (bundle: string): string[] => ['admin-user-global-sign-out', '--endpoint-url', tlsUrl(), '--ca-bundle', bundle, '--user-pool-id', 'us-east-1_X', '--username', 'u'];

  it('--ca-bundle /dev/zero: the AWS CLI\'s message (OpenSSL finds no certificate), exit 255', async () => {
    const r = await runMeasured(https('/dev/zero'));
    expect(r.stderr).toBe(`\ncogsignout: [ERROR]: SSL validation failed for ${tlsUrl()}/ [X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4123)\n`);
    expect(r.code).toBe(255);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  for (const [name, content] of [['empty', ''], ['text', 'not a certificate\n'], ['binary', '\u0000\u0001\u0002\u00ff']] as const) {
    it(`a ${name} CA bundle: the AWS CLI's no certificate message, exit 255`, async () => {
      const r = await runCli(https('ca.pem'), { files: { 'ca.pem': content } });
      expect(r.stderr).toBe(`\ncogsignout: [ERROR]: SSL validation failed for ${tlsUrl()}/ [X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4123)\n`);
      expect(r.code).toBe(255);
    });
  }

  it('read when connecting, as the AWS CLI reads it: a parameter error comes first', async () => {
    const r = await runCli(https('/dev/zero').map((a) => (a === 'us-east-1_X' ? '' : a)));
    expect(r.stderr).toBe('\ncogsignout: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid length for parameter UserPoolId, value: 0, valid min length: 1\n');
    expect(r.code).toBe(252);
  });

  it('AWS_CA_BUNDLE naming a file over 4 MiB: refused from its size, exit 255', async () => {
    const r = await runMeasured(https('big.pem').filter((a, i, all) => a !== '--ca-bundle' && all[i - 1] !== '--ca-bundle'), {
      env: { AWS_CA_BUNDLE: 'big.pem' },
      files: { 'big.pem': 'x'.repeat(4 * MIB + 1) },
    });
    expect(r.stderr).toBe(`\ncogsignout: [ERROR]: SSL validation failed for ${tlsUrl()}/ the CA bundle big.pem is larger than 4 MiB, the most cogsignout reads from a CA bundle\n`);
    expect(r.code).toBe(255);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });
});

describe.concurrent('credential sources', () => {
  const noKeys = { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null } as const;

  for (const [name, env, files] of [
    ['AWS_WEB_IDENTITY_TOKEN_FILE=/dev/zero', { AWS_WEB_IDENTITY_TOKEN_FILE: '/dev/zero', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/r' }, {}],
    ['web_identity_token_file = /dev/urandom in the profile', { AWS_CONFIG_FILE: '{{HOME}}/config' }, { config: '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nweb_identity_token_file = /dev/urandom\n' }],
  ] as const) {
    it(`${name}: refused past 1 MiB, exit 255`, async () => {
      const path = name.includes('/dev/zero') ? '/dev/zero' : '/dev/urandom';
      const r = await runMeasured(signOut('--user-pool-id', 'us-east-1_X', '--username', 'u'), { env: { ...noKeys, ...env }, files });
      expect(r.stderr).toBe(`\ncogsignout: [ERROR]: Unable to read the web identity token file ${path}: it is not a regular file and gave more than 1 MiB, the most cogsignout reads from a token file\n`);
      expect(r.code).toBe(255);
      expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
    });
  }

  it('assume-role with AWS_CONFIG_FILE=/dev/zero: the SDK\'s own read of the files is bounded too', async () => {
    const r = await runMeasured(signOut('--user-pool-id', 'us-east-1_X', '--username', 'u'), {
      env: { ...noKeys, AWS_CONFIG_FILE: '/dev/zero', AWS_SHARED_CREDENTIALS_FILE: '{{HOME}}/credentials', AWS_ENDPOINT_URL_STS: url },
      files: { credentials: '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n[base]\naws_access_key_id = a\naws_secret_access_key = b\n' },
    });
    // This endpoint is no STS: the call fails (its wording is the credential chain's); what
    // matters here is that the provider got that far without reading /dev/zero whole.
    expect(r.code).toBe(255);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });

  it('a credential_process that never stops writing: stopped at 1 MiB, exit 255', async () => {
    const r = await runMeasured(signOut('--user-pool-id', 'us-east-1_X', '--username', 'u'), {
      env: { ...noKeys, AWS_CONFIG_FILE: '{{HOME}}/config' },
      files: { config: '[default]\ncredential_process = yes\n' },
    });
    // The wording of credential-process failures is another change's; the bound is this one's.
    expect(r.code).toBe(255);
    expect(r.stderr).toMatch(/^\ncogsignout: \[ERROR\]: .+\n$/);
    expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  });
});
