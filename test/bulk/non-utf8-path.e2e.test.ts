// A --usernames-file path with a byte that is not UTF-8: the arguments arrive as Python's
// sys.argv holds them (main.ts: byte 0xff is U+DCFF), and the file opened is the one named on
// the command line, as file:// paths are opened (util/codecs.ts fsEncode), not one named with U+FFFD.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startLocalCognito } from '../../local-cognito/server.js';
import { runBulk, workDir } from './support.js';

// In this process only: a spawned child's arguments are strings Node encodes (U+DCFF as U+FFFD);
// test/e2e/argv-sweep-recorded.test.ts runs such bytes through a shell.
it.skipIf(process.env.COGSO_TEST_SPAWN === '1')('--usernames-file n<0xff>.txt reads that file', async ({ onTestFinished }) => {
  const server = await startLocalCognito();
  const { dir, remove } = workDir();
  onTestFinished(async () => { await server.close(); remove(); });
  const pool = server.createUserPool('non-utf8-path');
  server.seedUsers(pool, [{ username: 'carol' }]);
  writeFileSync(Buffer.concat([Buffer.from(join(dir, 'n')), Buffer.from([0xff]), Buffer.from('.txt')]), 'carol\n');
  const r = await runBulk(dir, ['--endpoint-url', server.url, '--user-pool-id', pool, '--usernames-file', join(dir, 'n\udcff.txt'), '--dry-run']);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: 'bulk-sign-out (dry run): finished: 1 user: 1 would be signed out, 0 skipped; nobody was signed out.\n' });
});
