// Runs the built CLI in this process and, as it exits, writes the process's own resource usage
// (peak RSS among it) to the file named by BENCH_RUSAGE_FILE: portable, unlike /usr/bin/time.
// Started with --expose-gc, it also reports the heap still in use after a full collection at
// exit: what the run retained, as opposed to garbage the collector had not got round to.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RUSAGE_FILE;
  if (!file) return;
  const { maxRSS } = process.resourceUsage();
  globalThis.gc?.();
  writeFileSync(file, JSON.stringify({ maxRSS, retainedHeap: process.memoryUsage().heapUsed }));
});
await import('../bin/cogsignout.js');
