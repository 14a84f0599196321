#!/usr/bin/env node
// Records (--aws) or compares (--clone, against --recordings) the proxy sweep's cases
// (test/fixtures/proxy-sweep-recordings.json was made from its recordings of cases.json here):
//   node scripts/proxy-sweep/record.mjs --aws ../shared/oracle/aws --cases scripts/proxy-sweep/cases.json --out /tmp/px-rec
//   node scripts/proxy-sweep/record.mjs --clone "node bin/cogsignout.js" --cases scripts/proxy-sweep/cases.json --recordings /tmp/px-rec
// The conformance suite's lib.mjs (CONFORMANCE_DIR, default ../shared/conformance beside the
// repository) gives record.mjs's clean environment and format; added are proxies on 127.0.0.1
// the cases point env vars at:
//   {{PROXY}} / {{PROXY_PORT}}   forwards (absolute-form to the stub, CONNECT to the TLS front), logs
//   {{PDENY_PORT}}  answers 407 to everything        {{PCLOSE_PORT}} closes each connection at once
//   {{PJUNK_PORT}} writes a line that is not HTTP    {{PGATE_PORT}}  answers 502 to everything
//   {{TPROXY_PORT}} the forwarding proxy over TLS     {{TLS_ENDPOINT}} / {{TLS_PORT}} https front of the stub
//   {{CERT}} its self-signed certificate (CN/SAN 127.0.0.1)
//   {{PHANG_PORT}} accepts and never answers          {{PDROP_PORT}} drops forwarded requests, closes a CONNECT tunnel once made
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import http from 'node:http';
import https from 'node:https';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CONFORMANCE = process.env.CONFORMANCE_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'conformance');
const {
  parseArgs, splitCommand, reexecInNetnsIfPossible, loadCases, selectCases, startStub, freePort,
  makeNormalizer, normalizeRequests, caseArgv, buildEnv, renameProgram, lineDiff,
} = await import(pathToFileURL(path.join(CONFORMANCE, 'lib.mjs')).href);

const opts = parseArgs(process.argv.slice(2), {
  aws: 'string', clone: 'string', cases: 'string', out: 'string', recordings: 'string', only: 'list', 'no-netns': 'bool', verbose: 'bool',
});
reexecInNetnsIfPossible(opts['no-netns']);
const doc = loadCases(path.resolve(opts.cases));
const cases = selectCases(doc.cases, opts.only);

const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pxrec-cert-'));
const CERT = path.join(certDir, 'cert.pem');
const KEY = path.join(certDir, 'key.pem');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1',
  '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '2', '-keyout', KEY, '-out', CERT], { stdio: 'ignore' });
const tlsOpts = { key: fs.readFileSync(KEY), cert: fs.readFileSync(CERT) };

const stubLog = path.join(certDir, 'stub.jsonl');
const stub = await startStub(stubLog);
const closedPort = await freePort();
const listen = (s) => new Promise((r) => s.listen(0, '127.0.0.1', () => r(s.address().port)));

// https front of the stub
const front = https.createServer(tlsOpts, (req, res) => {
  const up = http.request({ host: '127.0.0.1', port: stub.port, method: req.method, path: req.url, headers: req.headers }, (u) => { res.writeHead(u.statusCode, u.headers); u.pipe(res); });
  up.on('error', () => res.destroy());
  req.pipe(up);
});
const TLS_PORT = await listen(front);

let proxyLog = [];
const decodeAuth = (v) => {
  if (v === undefined) return null;
  const m = /^Basic (.*)$/.exec(v);
  return m ? `Basic ${Buffer.from(m[1], 'base64').toString('utf8')}` : v;
};
function forwarding(req, res) {
  proxyLog.push({ method: req.method, target: req.url, proxyAuthorization: decodeAuth(req.headers['proxy-authorization']) });
  let url;
  try { url = new URL(req.url); } catch { res.writeHead(400); res.end('bad request line'); return; }
  const headers = { ...req.headers };
  delete headers['proxy-authorization'];
  // every host is the stub (or its TLS front for https forwarding)
  const tls = url.protocol === 'https:';
  const port = tls ? TLS_PORT : stub.port;
  const up = (tls ? https : http).request({ host: '127.0.0.1', port, method: req.method, path: url.pathname + url.search, headers, rejectUnauthorized: false }, (u) => { res.writeHead(u.statusCode, u.headers); u.pipe(res); });
  up.on('error', () => res.destroy());
  req.pipe(up);
}
function tunnel(req, socket, head) {
  proxyLog.push({ method: 'CONNECT', target: req.url, proxyAuthorization: decodeAuth(req.headers['proxy-authorization']) });
  const port = Number((req.url ?? '').split(':').pop());
  const to = port === stub.port ? stub.port : TLS_PORT; // every https host is the TLS front
  const up = net.connect(to, '127.0.0.1', () => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    up.write(head); up.pipe(socket); socket.pipe(up);
  });
  up.on('error', () => socket.destroy());
  socket.on('error', () => up.destroy());
}
const fwd = http.createServer(forwarding); fwd.on('connect', tunnel);
const PROXY_PORT = await listen(fwd);
const tfwd = https.createServer(tlsOpts, forwarding); tfwd.on('connect', tunnel);
const TPROXY_PORT = await listen(tfwd);

const answering = (status, reason, extra = {}) => {
  const s = http.createServer((req, res) => {
    proxyLog.push({ method: req.method, target: req.url, proxyAuthorization: decodeAuth(req.headers['proxy-authorization']), answered: status });
    res.writeHead(status, reason, { 'Content-Type': 'text/html', ...extra }); res.end(`<html><body>${status} ${reason}</body></html>\n`);
  });
  s.on('connect', (req, socket) => {
    proxyLog.push({ method: 'CONNECT', target: req.url, proxyAuthorization: decodeAuth(req.headers['proxy-authorization']), answered: status });
    const body = `<html><body>${status} ${reason}</body></html>\n`;
    socket.end(`HTTP/1.1 ${status} ${reason}\r\n${Object.entries(extra).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Content-Length: ${body.length}\r\nContent-Type: text/html\r\n\r\n${body}`);
  });
  return s;
};
const PDENY_PORT = await listen(answering(407, 'Proxy Authentication Required', { 'Proxy-Authenticate': 'Basic realm="proxy"' }));
const PGATE_PORT = await listen(answering(502, 'Bad Gateway'));
const PCLOSE_PORT = await listen(net.createServer((s) => { proxyLog.push({ method: 'TCP', target: 'closed' }); s.destroy(); }));
const PJUNK_PORT = await listen(net.createServer((s) => { proxyLog.push({ method: 'TCP', target: 'junk' }); s.on('error', () => {}); s.end('SSH-2.0-OpenSSH_9.2\r\n'); }));

// accepts and never answers; answers CONNECT 200 then closes the tunnel
const hanging = [];
const PHANG_PORT = await listen(net.createServer((s) => { proxyLog.push({ method: 'TCP', target: 'hang' }); hanging.push(s); s.on('error', () => {}); }));
const drop = http.createServer((req, res) => { proxyLog.push({ method: req.method, target: req.url, answered: 'drop' }); req.socket.destroy(); });
drop.on('connect', (req, socket) => { proxyLog.push({ method: 'CONNECT', target: req.url, answered: 'drop' }); socket.write('HTTP/1.1 200 Connection Established\r\n\r\n'); setTimeout(() => socket.destroy(), 20); });
const PDROP_PORT = await listen(drop);
const PORTS = { PROXY_PORT, TPROXY_PORT, PDENY_PORT, PGATE_PORT, PCLOSE_PORT, PJUNK_PORT, TLS_PORT, PHANG_PORT, PDROP_PORT };

function normalizer(tmp) {
  const base = makeNormalizer({ tmp, port: stub.port, closedPort });
  // After any host (LOCALHOST, localhost., 127.0.0.%31, a zone), and after a leading zero.
  const all = { ...PORTS, PORT: stub.port, CLOSED_PORT: closedPort };
  const rules = Object.entries(all).map(([k, p]) => [new RegExp(`(?<=[A-Za-z0-9.%\\]]:0*)${p}(?![\\d\\]])`, 'g'), `<${k}>`]);
  return (s) => {
    if (typeof s !== 'string') return s;
    s = s.split(CERT).join('<CERT>');
    s = base(s);
    for (const [re, to] of rules) s = s.replace(re, to);
    return s;
  };
}

async function runOne(c, cmd) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cogso-conf-'));
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  const vars = {
    TMP: tmp, HOME: home, PORT: stub.port, CLOSED_PORT: closedPort, ENDPOINT: `http://127.0.0.1:${stub.port}`,
    ...PORTS, PROXY: `http://127.0.0.1:${PROXY_PORT}`, TLS_ENDPOINT: `https://127.0.0.1:${TLS_PORT}`, CERT,
  };
  const sub = (s) => s.replace(/\{\{([A-Z_]+)\}\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  for (const [rel, content] of Object.entries(c.files ?? {})) {
    const p = path.resolve(home, sub(rel));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, sub(content));
  }
  const argv = caseArgv(c, vars);
  const env = buildEnv(doc.defaults ?? {}, c, vars, {});
  await stub.reset();
  const off = stub.offset();
  proxyLog = [];
  const t0 = Date.now();
  const res = await new Promise((resolve) => {
    const child = spawn(cmd[0], [...cmd.slice(1), ...argv], { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = []; const err = [];
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, c.timeoutMs ?? 60000);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ exitCode: code ?? `signal:${signal}`, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }); });
  });
  await new Promise((r) => setTimeout(r, 30));
  const norm = normalizer(tmp);
  const r = {
    argv: argv.map(norm), exitCode: res.exitCode, stdout: norm(res.stdout), stderr: norm(res.stderr),
    requests: normalizeRequests(stub.readFrom(off), norm), proxyLog: proxyLog.map((e) => JSON.parse(norm(JSON.stringify(e)))), ms: Date.now() - t0,
  };
  fs.rmSync(tmp, { recursive: true, force: true });
  return r;
}

const summary = (q) => ({ url: q.url, body: q.json, signed: q.auth ? q.auth.credential?.accessKeyId ?? q.auth.scheme : null });
let passed = 0; let failed = 0;
if (opts.aws) {
  const cmd = [...splitCommand(opts.aws), 'cognito-idp'];
  const outDir = path.resolve(opts.out);
  fs.mkdirSync(outDir, { recursive: true });
  for (const c of cases) {
    const r = await runOne(c, cmd);
    const rec = {
      id: c.id, description: c.description ?? '', compare: c.compare ?? 'exact', awsVersion: '2.36.7',
      argv: ['aws', 'cognito-idp', ...r.argv], args: c.args, env: c.env ?? {}, files: c.files ?? {}, endpoint: c.endpoint ?? true,
      exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, requests: r.requests, proxyLog: r.proxyLog,
    };
    fs.writeFileSync(path.join(outDir, `${c.id}.json`), JSON.stringify(rec, null, 2) + '\n');
    console.log(`${c.id} exit=${r.exitCode} requests=${r.requests.length} proxy=${r.proxyLog.length} ${r.ms}ms | ${(r.stderr.split('\n').find((l) => l.trim()) ?? '').slice(0, 140)}`);
  }
} else {
  const cmd = splitCommand(opts.clone).map((w, i) => (i > 0 && fs.existsSync(w) ? path.resolve(w) : w));
  for (const c of cases) {
    const rec = JSON.parse(fs.readFileSync(path.join(opts.recordings, `${c.id}.json`), 'utf8'));
    const r = await runOne(c, cmd);
    const problems = [];
    if (String(r.exitCode) !== String(rec.exitCode)) problems.push(`exit ${rec.exitCode} -> ${r.exitCode}`);
    if (rec.compare === 'exact') {
      const es = renameProgram(rec.stderr); const eo = renameProgram(rec.stdout);
      if (es !== r.stderr) problems.push(`stderr\n${lineDiff(es, r.stderr)}`);
      if (eo !== r.stdout) problems.push(`stdout\n${lineDiff(eo, r.stdout)}`);
    }
    const er = JSON.stringify(rec.requests.map(summary)); const ar = JSON.stringify(r.requests.map(summary));
    if (er !== ar) problems.push(`requests\n  - ${er}\n  + ${ar}`);
    const ep = JSON.stringify(rec.proxyLog); const ap = JSON.stringify(r.proxyLog);
    if (ep !== ap) problems.push(`proxy\n  - ${ep}\n  + ${ap}`);
    if (problems.length === 0) { passed++; if (opts.verbose) console.log(`PASS ${c.id}`); } else { failed++; console.log(`FAIL ${c.id}\n  ${problems.join('\n  ')}`); }
  }
  console.log(`${passed} passed, ${failed} failed`);
}
stub.stop();
for (const s of [front, fwd, tfwd]) s.close();
process.exit(failed > 0 ? 1 : 0);
