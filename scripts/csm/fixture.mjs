#!/usr/bin/env node
// Makes test/fixtures/csm-sweep-recordings.json from scripts/csm/cases.json and record.mjs's
// recording of the AWS CLI: each case as the sweep fixtures hold them, with `datagrams` (in
// order, the stub's ports as <PORT> and <CLOSED_PORT>, the AWS CLI's User-Agent as <UA>) and
// `rawAscii` (whether every datagram was ASCII JSON).
// Cases with `answers` (scripts/csm/answer-cases.json) were served by the recorder's own server.
//   node scripts/csm/fixture.mjs /tmp/csm-aws-all.json,/tmp/csm-ans-aws.json [skipped,ids] > test/fixtures/csm-sweep-recordings.json
import fs from 'node:fs';

const rec = Object.assign({}, ...process.argv[2].split(',').map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))));
const doc = JSON.parse(fs.readFileSync(new URL('./cases.json', import.meta.url), 'utf8'));
doc.cases.push(...JSON.parse(fs.readFileSync(new URL('./answer-cases.json', import.meta.url), 'utf8')).cases);
const skip = new Set((process.argv[3] ?? '').split(',').filter(Boolean));
const cases = [];
for (const c of doc.cases) {
  const r = rec[c.id];
  if (!r || skip.has(c.id)) continue;
  const port = (s) => s.replace(/127\.0\.0\.1:\d+/g, c.id === 'refused' ? '127.0.0.1:<CLOSED_PORT>' : '127.0.0.1:<PORT>');
  const datagrams = r.datagrams.map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, k === 'UserAgent' ? '<UA>' : typeof v === 'string' ? port(v) : v])));
  const rename = (s) => s.replace(/\baws: \[ERROR\]/g, 'cogsignout: [ERROR]').replace(/usage: aws /g, 'usage: cogsignout ').replace(/^ {2}aws (help|<command>)/gm, '  cogsignout $1');
  cases.push({
    id: c.id, args: c.args, env: c.env ?? {}, files: c.files ?? {}, endpoint: c.endpoint ?? true,
    compare: c.compare ?? 'exact', exitCode: r.exitCode, stdout: r.stdout,
    stderr: c.compare === 'exit-code-only' ? '' : rename(r.stderr),
    requests: r.requests, ...(c.answers ? { answers: c.answers } : {}), datagrams, rawAscii: r.raw.every((t) => /^[\x20-\x7e]*$/.test(t)),
  });
}
process.stdout.write(JSON.stringify({
  _about: 'AWS CLI 2.36.7 client-side monitoring datagrams (scripts/csm/record.mjs against the conformance stub), AWS_CSM_ENABLED=true AWS_CSM_PORT={{CSM_PORT}} unless a case says otherwise',
  defaults: doc.defaults, cases,
}, null, 1) + '\n');
