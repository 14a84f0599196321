// Standalone entry point (bundled to dist/local-cognito.mjs): runs the local Cognito endpoint
// until interrupted, announcing where it listens as one JSON line on stdout so that scripts
// can read the port without parsing prose.
import { parseArgs } from 'node:util';
import { TEST_CREDENTIALS, startLocalCognito } from './server.js';

const USAGE = `usage: node dist/local-cognito.mjs [--port N] [--host ADDR] [--rate-limit OPERATION=RPS ...]

Runs a local Amazon Cognito user pools endpoint that accepts requests signed with
access key ${TEST_CREDENTIALS.accessKeyId} / secret ${TEST_CREDENTIALS.secretAccessKey}.
--rate-limit may be repeated; OPERATION '*' limits all operations together.
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

  const server = await startLocalCognito({ port, host: values.host ?? '127.0.0.1' });
  for (const [operation, rps] of limits) server.setRateLimit(operation, rps);

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
    })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`local-cognito: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
