#!/usr/bin/env node
// Compares two recordings of scripts/csm/record.mjs (the AWS CLI's, then cogsignout's), field by
// field: same fields in the same order, equal values except those that vary by run. Timestamps
// and latencies must be integers in range (a call's Timestamp not after its attempts', the
// latencies below a minute), request IDs UUIDs, ports normalized, and the User-Agent (the
// program's own by design) non-empty and at most 256 characters.
//   node scripts/csm/compare.mjs /tmp/csm-aws.json /tmp/csm-ours.json
import fs from 'node:fs';

const [expected, actual] = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const port = (v) => (typeof v === 'string' ? v.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<PORT>') : v);
const text = (s) => s.replace(/\baws: \[ERROR\]/g, 'cogsignout: [ERROR]').replace(/usage: aws /g, 'usage: cogsignout ').replace(/^ {2}aws (help|<command>)/gm, '  cogsignout $1');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let failed = 0;
for (const [id, e] of Object.entries(expected)) {
  const a = actual[id];
  const problems = [];
  if (!a) problems.push('not recorded');
  else {
    if (e.exitCode !== a.exitCode) problems.push(`exit ${a.exitCode}, expected ${e.exitCode}`);
    if (text(e.stderr) !== a.stderr && !id.startsWith('debug-')) problems.push(`stderr ${JSON.stringify(a.stderr.slice(0, 200))}, expected ${JSON.stringify(text(e.stderr).slice(0, 200))}`);
    if (e.stdout !== a.stdout && !id.startsWith('debug-')) problems.push('stdout differs');
    if (e.datagrams.length !== a.datagrams.length) problems.push(`${a.datagrams.length} datagrams, expected ${e.datagrams.length}`);
    e.datagrams.forEach((de, i) => {
      const da = a.datagrams[i] ?? {};
      const ke = Object.keys(de).join(',');
      const ka = Object.keys(da).join(',');
      if (ke !== ka) problems.push(`#${i} fields ${ka}\n      expected ${ke}`);
      for (const [k, v] of Object.entries(de)) {
        const w = da[k];
        if (['Timestamp', 'Latency', 'AttemptLatency'].includes(k)) {
          const ok = Number.isInteger(w) && (k === 'Timestamp' ? Math.abs(w - Date.now()) < 3600e3 : w >= 0 && w < 60e3);
          if (!ok) problems.push(`#${i} ${k}=${w}`);
        } else if (k === 'XAmznRequestId') {
          if (!UUID.test(w)) problems.push(`#${i} ${k}=${w}`);
        } else if (k === 'UserAgent') {
          if (typeof w !== 'string' || w === '' || [...w].length > 256) problems.push(`#${i} ${k}=${w}`);
        } else if (port(v) !== port(w)) problems.push(`#${i} ${k}=${JSON.stringify(w)}, expected ${JSON.stringify(v)}`);
      }
    });
    const calls = a.datagrams.filter((d) => d.Type === 'ApiCall');
    for (const c of calls) for (const d of a.datagrams) if (d.Type === 'ApiCallAttempt' && d.Timestamp < c.Timestamp) problems.push('attempt before its call');
  }
  if (problems.length) { failed++; console.log(`FAIL ${id}\n    ${problems.join('\n    ')}`); } else console.log(`PASS ${id}`);
}
console.log(`${Object.keys(expected).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
