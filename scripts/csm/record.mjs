#!/usr/bin/env node
// Records the client-side monitoring (CSM) datagrams a program sends, case by case: a UDP
// listener on a free port of its own, `AWS_CSM_ENABLED=true AWS_CSM_PORT=<it>` added to each
// case's clean environment (the conformance kit's, /work/shared/conformance/lib.mjs), the stub
// endpoint for the calls. `{{CSM_PORT}}` in a case's env and files is the listener's port.
//   node scripts/csm/record.mjs --cmd "/work/shared/oracle/aws cognito-idp" --cases scripts/csm/cases.json --out /tmp/csm-aws.json
//   node scripts/csm/record.mjs --cmd "node bin/cogsignout.js" --cases scripts/csm/cases.json --out /tmp/csm-ours.json
// Each case's result: exit code, stdout, stderr, the number of HTTP requests and every datagram (parsed).
import dgram from 'node:dgram';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, splitCommand, loadCases, selectCases, startStub, freePort, runCase } from '/work/shared/conformance/lib.mjs';

const opts = parseArgs(process.argv.slice(2), { cmd: 'string', cases: 'string', out: 'string', only: 'list' });
const cmd = splitCommand(opts.cmd);
const doc = loadCases(path.resolve(opts.cases));
const cases = selectCases(doc.cases, opts.only);
const stubLog = `/tmp/csm-stub-${process.pid}.jsonl`;
const stub = await startStub(stubLog);
const closedPort = await freePort();

const sock = dgram.createSocket('udp4');
await new Promise((r) => sock.bind(0, '127.0.0.1', r));
const csmPort = sock.address().port;
let received = [];
sock.on('message', (m) => received.push(m.toString('utf8')));

// A case's `answers` (status, headers, body as latin1 text), one per request, the last one again
// for any further request, from a server of its own: `{{ANSWER_ENDPOINT}}` in its args.
let answers = [];
let served = 0;
const answerServer = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const a = answers[Math.min(served++, answers.length - 1)] ?? { status: 200, body: '{}' };
    if (a.close) return void req.socket.destroy();
    res.writeHead(a.status, { 'Content-Type': 'application/x-amz-json-1.1', ...(a.headers ?? {}) });
    res.end(Buffer.from(a.body, 'latin1'));
  });
});
await new Promise((r) => answerServer.listen(0, '127.0.0.1', r));
const answerEndpoint = `http://127.0.0.1:${answerServer.address().port}`;

const subst = (s) => s.replaceAll('{{CSM_PORT}}', String(csmPort)).replaceAll('{{ANSWER_ENDPOINT}}', answerEndpoint);
const out = {};
for (const c0 of cases) {
  const c = {
    ...c0,
    env: { AWS_CSM_ENABLED: 'true', AWS_CSM_PORT: '{{CSM_PORT}}', ...(c0.env ?? {}) },
    files: c0.files ?? {},
  };
  c.env = Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, v === null ? null : subst(String(v))]));
  c.args = (c0.args ?? []).map(subst);
  answers = c0.answers ?? [];
  served = 0;
  c.files = Object.fromEntries(Object.entries(c.files).map(([k, v]) => [k, subst(v)]));
  received = [];
  const r = await runCase({ c, defaults: doc.defaults ?? {}, cmd, stub, closedPort });
  await new Promise((res) => setTimeout(res, 100));
  out[c.id] = {
    exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr.replaceAll(answerEndpoint, '{{ANSWER_ENDPOINT}}'), requests: c0.answers ? served : r.requests.length,
    raw: received.slice(),
    datagrams: received.map((t) => { try { return JSON.parse(t); } catch { return { unparsable: t }; } }),
  };
  console.log(`${c.id} exit=${r.exitCode} requests=${r.requests.length} datagrams=${received.length}`);
}
sock.close();
answerServer.close();
stub.stop();
fs.rmSync(stubLog, { force: true });
fs.writeFileSync(opts.out, JSON.stringify(out, null, 1) + '\n');
