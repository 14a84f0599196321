// Standalone entry point (bundled to dist/local-cognito.mjs): runs the local Cognito endpoint
// until interrupted, announcing where it listens as one JSON line on stdout so that scripts
// can read the port without parsing prose. For people trying cogsignout out (README, "Try it
// locally") it can create a user pool with users, and tells on stderr how to reach it.
import { parseArgs } from 'node:util';
import { TEST_CREDENTIALS, startLocalCognito } from './server.js';

/** The region its pools are made in, and what the printed shell line sets. */
const REGION = 'us-east-1';

const USAGE = `usage: node dist/local-cognito.mjs [--port N] [--host ADDR] [--pool NAME [--users NAME,NAME...]]
                                  [--rate-limit OPERATION=RPS ...] [--quiet]

Runs a local Amazon Cognito user pools endpoint (region ${REGION}) that accepts requests signed
with access key ${TEST_CREDENTIALS.accessKeyId} / secret ${TEST_CREDENTIALS.secretAccessKey}.
--port 0 (the default) picks a free port. --pool creates a user pool, --users adds users to it.
--rate-limit may be repeated; OPERATION '*' limits all operations together. Ctrl-C stops it.
It prints one JSON line on stdout (where it listens, the keys, the pool) and, unless --quiet,
on stderr the shell line that points cogsignout at it.
`;

function fail(message: string): never {
  process.stderr.write(`local-cognito: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseRateLimit(spec: string): [string, number] {
  const eq = spec.lastIndexOf('=');
  const operation = spec.slice(0, eq);
  const rps = Number(spec.slice(eq + 1));
  if (eq <= 0 || !(rps >= 0) || spec.slice(eq + 1).trim() === '') {
    fail(`--rate-limit expects OPERATION=RPS with RPS >= 0, got '${spec}'`);
  }
  return [operation, rps];
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'rate-limit': { type: 'string', multiple: true },
        pool: { type: 'string' },
        users: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
}

async function main(): Promise<void> {
  const values = parseCommandLine();
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port expects 0-65535, got '${values.port}'`);
  const limits = (values['rate-limit'] ?? []).map(parseRateLimit);
  const users = (values.users ?? []).flatMap((list) => list.split(',')).map((u) => u.trim()).filter((u) => u !== '');
  if (users.length > 0 && values.pool === undefined) fail('--users needs --pool NAME (the pool to add them to)');
  if (values.pool !== undefined && values.pool.trim() === '') fail('--pool expects a name');

  const server = await startLocalCognito({ port, host: values.host ?? '127.0.0.1' });
  for (const [operation, rps] of limits) server.setRateLimit(operation, rps);
  const pool = values.pool === undefined ? undefined : server.createUserPool(values.pool);
  if (pool !== undefined) server.seedUsers(pool, users.map((username) => ({ username })));

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`local-cognito: error while closing: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(
    `${JSON.stringify({
      listening: server.port,
      url: server.url,
      accessKeyId: TEST_CREDENTIALS.accessKeyId,
      secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
      ...(pool === undefined ? {} : { userPoolId: pool, users }),
    })}\n`,
  );
  if (!values.quiet) process.stderr.write(greeting(server.url, pool, values.pool, users));
}

/** What a person needs to point cogsignout at this endpoint, as lines to paste into a shell. */
function greeting(url: string, pool: string | undefined, poolName: string | undefined, users: readonly string[]): string {
  const exports = [
    `AWS_ACCESS_KEY_ID=${TEST_CREDENTIALS.accessKeyId}`,
    `AWS_SECRET_ACCESS_KEY=${TEST_CREDENTIALS.secretAccessKey}`,
    `AWS_REGION=${REGION}`,
    `AWS_ENDPOINT_URL=${url}`,
    ...(pool === undefined ? [] : [`POOL=${pool}`]),
  ];
  const lines = [`local Cognito endpoint listening on ${url} (Ctrl-C stops it)`];
  if (pool !== undefined) {
    lines.push(`user pool ${poolName ?? ''} is ${pool}${users.length > 0 ? `, with users ${users.join(', ')}` : ', with no users'}`);
  }
  lines.push('in another terminal, run:', `  export ${exports.join(' ')}`);
  if (pool !== undefined && users.length > 0) {
    lines.push(`  cogsignout admin-user-global-sign-out --user-pool-id "$POOL" --username ${users[0]}`);
  }
  return `${lines.join('\n')}\n`;
}

main().catch((err: unknown) => {
  process.stderr.write(`local-cognito: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
