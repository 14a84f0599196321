// The part every family's replay of AWS CLI 2.36.7 recordings shares: one local endpoint for the
// file (its pool, the users a family needs, a refused port where cases name one), and the run of
// one recorded case against it, in process: the case's argv, environment and files made for this
// endpoint (prepareReplay), a fresh request log, runCli, and what came back turned into the
// recording's terms (asRecorded). What a family adds (faults chosen by its users, which request
// fields it compares) stays in its own file, in `setUp` and in its assertions.
import { dirname } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startLocalCognito, type LocalCognito, type LocalCognitoOptions } from '../../local-cognito/server.js';
import { BIN, runCli, type RunOptions, type RunResult } from './cli.js';
import { refusedPort } from './network.js';
import { asRecorded, prepareReplay, type ReplayTarget, type SweepCase } from './recordings.js';

/** The key pair the recordings were signed with (the conformance suite's defaults). */
export const RECORDED_KEYS = [{ accessKeyId: 'AKIDEXAMPLETEST', secretAccessKey: 'test-secret-access-key' }];

export interface ReplayEndpointOptions {
  readonly keys?: LocalCognitoOptions['keys'];
  /** Users made in the pool (the answers the recording stub gave them come from the endpoint itself). */
  readonly users?: readonly string[];
  /** Cases name `{{CLOSED_PORT}}`: a port nothing listens on. */
  readonly closedPort?: boolean;
}

export interface ReplayedRun {
  readonly code: number | null;
  /** stdout and stderr in the recording's terms (its port, pool and temporary directory). */
  readonly stdout: string;
  readonly stderr: string;
  /** The AdminUserGlobalSignOut requests the endpoint received, their bodies in the recording's terms. */
  readonly sent: ReadonlyArray<{ readonly body: unknown; readonly accessKeyId: string | null; readonly region: string | null }>;
  readonly raw: RunResult;
  /** Text in the recording's terms. */
  readonly norm: (s: string) => string;
}

export interface ReplayEndpoint {
  readonly server: () => LocalCognito;
  /** Where the cases run: the endpoint's URL and port, its pool, the refused port. */
  readonly target: () => ReplayTarget;
  /** Runs one case; `setUp` injects the faults the case needs, after the last case's are cleared. */
  run(c: SweepCase, defaultsEnv: Readonly<Record<string, string | null>>, setUp?: (server: LocalCognito) => void, how?: ReplayHow): Promise<ReplayedRun>;
}

/** How a case runs, when not simply in process. */
export interface ReplayHow {
  /**
   * The built CLI is run by `sh -c shellScript node cogsignout.js args…` instead (a case that
   * needs the process set up first: its capabilities, a FIFO's writer).
   */
  readonly shellScript?: string;
  /** In process, once `sh` has run this in HOME (files of raw bytes, links, modes). */
  readonly homeSetUp?: string;
  /** In process, over the runner's providers (a fast timer). */
  readonly factory?: RunOptions['factory'];
}

/** The recording stub's answer to every sign-out (200 {}), as the endpoint's answer fault. */
export function answerEverySignOut(server: LocalCognito): void {
  server.injectFault({ operation: 'AdminUserGlobalSignOut', kind: 'answer', answer: { status: 200, body: '{}' } });
}

/** One endpoint for the test file (started before its tests, closed after them). */
export function replayEndpoint(options: ReplayEndpointOptions = {}): ReplayEndpoint {
  let server: LocalCognito | undefined;
  let target: ReplayTarget | undefined;
  beforeAll(async () => {
    const s = await startLocalCognito({ keys: options.keys ?? RECORDED_KEYS });
    const poolId = s.createUserPool('Example');
    if (options.users !== undefined && options.users.length > 0) s.seedUsers(poolId, options.users.map((username) => ({ username })));
    server = s;
    target = { url: s.url, port: s.port, poolId, ...(options.closedPort === true ? { closedPort: await refusedPort() } : {}) };
  });
  afterAll(async () => {
    await server?.close();
  });
  const started = (): { server: LocalCognito; target: ReplayTarget } => {
    if (server === undefined || target === undefined) throw new Error('replayEndpoint: the endpoint is not started (call it at the top of the test file)');
    return { server, target };
  };
  return {
    server: () => started().server,
    target: () => started().target,
    async run(c, defaultsEnv, setUp, how = {}) {
      const { shellScript, homeSetUp, factory } = how;
      const { server: s, target: t } = started();
      const { args, env, files } = prepareReplay(c, t, defaultsEnv);
      s.clearFaults();
      setUp?.(s);
      s.resetStats();
      const raw = shellScript === undefined
        ? await runCli(args, { env, files, ...(factory ? { factory } : {}), ...(homeSetUp === undefined ? {} : { homeSetUp }) })
        : await runCli(['-c', shellScript, process.execPath, BIN, ...args], { env, files, shell: true });
      const norm = (text: string): string => asRecorded(text, t, dirname(raw.home));
      const sent = s.requests.filter((q) => q.operation === 'AdminUserGlobalSignOut').map((q) => ({
        body: JSON.parse(norm(JSON.stringify(q.body))) as unknown,
        accessKeyId: q.accessKeyId ?? null,
        region: q.signed ? q.region ?? null : null,
      }));
      return { code: raw.code, stdout: norm(raw.stdout), stderr: norm(raw.stderr), sent, raw, norm };
    },
  };
}
