#!/usr/bin/env node
// Cold-start benchmark: whole processes, median of N runs after a warm-up, wall time and peak
// memory, each as a ratio to `node -e 0` (the floor) measured in the same run. Not a test:
// nothing here asserts a time. Run after `npm run build`:  npm run bench [-- --runs 20]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repo, 'bin', 'cogsignout.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
/** The AWS CLI to compare with: --aws PATH, else the first v2 among `aws` on PATH and the usual places, else any. */
function findAws() {
  const flag = process.argv.indexOf('--aws');
  const candidates = flag > 0 ? [process.argv[flag + 1]] : ['aws', '/usr/local/bin/aws', '/usr/bin/aws'];
  const found = candidates.map((cmd) => ({ cmd, out: spawnSync(cmd, ['--version'], { encoding: 'utf8' }) }))
    .filter((c) => c.out.status === 0).map((c) => ({ cmd: c.cmd, version: (c.out.stdout || c.out.stderr).split(' ')[0] }));
  return found.find((c) => c.version.startsWith('aws-cli/2')) ?? found[0];
}
const aws = findAws();

/** One run: wall milliseconds and peak RSS in KiB (from GNU time, when present). */
function once(cmd, args, env) {
  const argv = hasTime ? ['/usr/bin/time', '-f', '__RSS__%M', cmd, ...args] : [cmd, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /__RSS__(\d+)/.exec(r.stderr ?? '');
  return { ms, kib: rss ? Number(rss[1]) : NaN, status: r.status };
}

function measure(name, cmd, args, env) {
  for (let i = 0; i < 2; i++) once(cmd, args, env); // warm the file cache
  const samples = Array.from({ length: runs }, () => once(cmd, args, env));
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { name, ms: med(samples.map((s) => s.ms)), kib: med(samples.map((s) => s.kib)), status: samples[0].status };
}

async function startEndpoint() {
  const child = spawn(process.execPath, [join(repo, 'dist', 'local-cognito.mjs'), '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => { buf += d; const line = buf.split('\n')[0]; if (buf.includes('\n')) resolve(JSON.parse(line)); });
    child.on('exit', (code) => reject(new Error(`local endpoint exited ${code}`)));
  });
  return { child, info };
}

const home = mkdtempSync(join(tmpdir(), 'cogso-bench-'));
const { child: endpoint, info } = await startEndpoint();
try {
  // A pool and a user to sign out, created through the CLI-independent SDK path of the demo server.
  const { CognitoIdentityProviderClient, CreateUserPoolCommand, AdminCreateUserCommand } = await import('@aws-sdk/client-cognito-identity-provider');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const sdk = new CognitoIdentityProviderClient({ endpoint: info.url, region: 'us-east-1', credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey } });
  const pool = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'bench' }))).UserPool.Id;
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: pool, Username: 'bench-user', MessageAction: 'SUPPRESS' }));
  sdk.destroy();

  // The caller's environment (NODE_OPTIONS, NODE_EXTRA_CA_CERTS… change Node's own start for
  // every row alike), with a fresh HOME and the local endpoint's test keys.
  const env = {
    ...process.env, HOME: home, LANG: 'C.UTF-8', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: info.accessKeyId, AWS_SECRET_ACCESS_KEY: info.secretAccessKey, AWS_PAGER: '',
  };
  const signOut = ['admin-user-global-sign-out', '--endpoint-url', info.url, '--user-pool-id', pool, '--username', 'bench-user'];
  const rows = [
    measure('node -e 0 (floor)', process.execPath, ['-e', '0'], env),
    measure('cogsignout --version', process.execPath, [bin, '--version'], env),
    measure('cogsignout --generate-cli-skeleton', process.execPath, [bin, 'admin-user-global-sign-out', '--generate-cli-skeleton'], env),
    measure('cogsignout missing-argument error', process.execPath, [bin, 'admin-user-global-sign-out'], env),
    measure('cogsignout sign-out (signed, local endpoint)', process.execPath, [bin, ...signOut], env),
  ];
  if (aws) rows.push(measure(`${aws.version} cognito-idp admin-user-global-sign-out`, aws.cmd, ['cognito-idp', ...signOut], env));
  const floor = rows[0];
  console.log(`runs per row: ${runs} (median), node ${process.version}, ${hasTime ? 'peak RSS from GNU time' : 'no GNU time: RSS not measured'}`);
  console.log('| command | wall ms | × node | peak RSS MiB |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.ms.toFixed(1)} | ${(r.ms / floor.ms).toFixed(2)} | ${Number.isNaN(r.kib) ? '-' : (r.kib / 1024).toFixed(1)} |`);
  }
  const ours = rows.find((r) => r.name.startsWith('cogsignout sign-out'));
  const theirs = rows.find((r) => r.name.startsWith('aws-cli/'));
  if (theirs && ours) console.log(`\ncogsignout sign-out is ${(theirs.ms / ours.ms).toFixed(1)}× faster than ${aws.version}`);
  if (!theirs) console.log('\n(no AWS CLI found: it was not timed; pass --aws PATH)');
} finally {
  endpoint.kill('SIGTERM');
  rmSync(home, { recursive: true, force: true });
}
