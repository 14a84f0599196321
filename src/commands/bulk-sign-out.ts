// `bulk-sign-out`: cogsignout's own command for incidents. Everything that can be wrong with the
// command line, the configuration or the files is found before the first user is touched; then
// the engine runs with the pieces wired together here, and the summary goes out like any
// command's result (--output, --query).
import { resolve } from 'node:path';
import type { CommandContext } from '../cli/driver.js';
import { GeneralError, ParamValidationError } from '../errors/errors.js';
import { resolveOutputFormat, writeResult } from '../output/result.js';
import { resolveCredentials, type Credentials } from '../credentials/chain.js';
import { resolveClientSettings } from '../transport/client-settings.js';
import { loadNetwork } from '../net/load.js';
import { parseBulkOptions } from '../bulk/options.js';
import type { CognitoClient } from '../transport/client.js';
import { systemClock } from '../bulk/clock.js';
import { AimdRateLimiter } from '../bulk/rate-limiter.js';
import { openJournal, readJournal, type JournalWriter } from '../bulk/journal.js';
import { countUsernames, fileUsernames, openForReading, osErrorText } from '../bulk/user-sources.js';
import { listUsernames } from '../bulk/list-users.js';
import { runEngine } from '../bulk/engine.js';
import { summaryDocument, Tally } from '../bulk/summary.js';
import { ProgressLine } from '../bulk/progress.js';
import { stdinOf, takeInterrupt } from '../bulk/process-hooks.js';
import { scrubbingLog } from '../bulk/debug-scrub.js';

/** How long Ctrl-C waits for requests already sent before abandoning them. */
const GRACE_MS = 5000;
/** Temporary credentials are fetched again this long before they expire (a run can outlast them). */
const REFRESH_BEFORE_MS = 5 * 60_000;
const LOGGER = 'cogsignout.bulk';

export async function runBulkSignOut(args: string[], ctx: CommandContext): Promise<number> {
  const options = parseBulkOptions(args);
  if (options === 'help') {
    const { showBulkHelp } = await import('../help/show.js');
    return showBulkHelp(ctx.io);
  }
  const { io, globals } = ctx;
  const log = scrubbingLog(ctx.log);
  const clientSettings = await resolveClientSettings(ctx);
  // The AWS CLI checks the output format after the call; after a whole run is too late.
  resolveOutputFormat(ctx);

  const source = options.source;
  const filePath = source.kind === 'file' && source.path !== '-' ? resolve(io.cwd, source.path) : undefined;
  const fileStream = filePath === undefined ? undefined : await openForReading(filePath, '--usernames-file');
  const needsService = !(options.dryRun && source.kind === 'file');
  const credentials = needsService && !globals.noSignRequest ? await refreshingCredentials(ctx) : undefined;
  const journalPath = options.journal === undefined ? undefined : resolve(io.cwd, options.journal);
  const index = journalPath === undefined ? undefined : await loadJournal(journalPath, options.userPoolId);
  if (index) log.log(LOGGER, `Journal: ${index.records} records, ${index.signedOut.size} users of this pool signed out, ${index.unreadable} unreadable lines`);
  // A dry run writes nothing, the journal included.
  const journal = journalPath === undefined || options.dryRun ? undefined : openJournalOrFail(journalPath);

  // The SDK is loaded only when the run will call the service.
  const createCognitoClient = needsService ? (await loadNetwork()).createCognitoClient : undefined;
  // No client at all for a dry run from a file: it has nothing to ask the service.
  const client = createCognitoClient?.({
    ...clientSettings,
    // One attempt per call: the engine takes every retry decision, so a throttled request goes
    // back through the rate limiter instead of being resent behind its back.
    maxAttempts: 1,
    maxSockets: options.concurrency,
    credentials,
    log,
    env: io.env,
    warn: (text) => io.stderr.write(text),
  });
  const calls: Calls = client ?? NO_CALLS;
  const interrupt = takeInterrupt(io);
  const tally = new Tally();
  // Under --debug the log is the progress report; redraws would garble it.
  const progress = io.stderr.isTTY && !log.enabled ? new ProgressLine(io.stderr, tally, systemClock, options.dryRun) : undefined;
  let result;
  try {
    const usernames = source.kind === 'file'
      ? fileUsernames(fileStream ?? stdinOf(io), '--usernames-file')
      : listUsernames({
        listUsers: (p) => calls.listUsers(p),
        userPoolId: options.userPoolId,
        filter: source.filter,
        maxAttempts: clientSettings.maxAttempts,
        clock: systemClock,
        signal: interrupt.signal,
        onRetry: (kind, ms) => log.log(LOGGER, `Retrying ListUsers after ${kind === 'throttled' ? 'throttling' : 'a transient error'} in ${(ms / 1000).toFixed(3)} s`),
      });
    if (progress && filePath !== undefined) void countUsernames(filePath).then((n) => progress.setTotal(n));
    progress?.start();
    result = await runEngine({
      usernames,
      signedOut: index?.signedOut,
      signOut: (username) => calls.signOut({ UserPoolId: options.userPoolId, Username: username }),
      limiter: new AimdRateLimiter({
        maxRps: options.maxRps,
        clock: systemClock,
        onRateChange: (rps) => log.log(LOGGER, `Throttled: sign-out rate lowered to ${rps.toFixed(2)} per second`),
      }),
      journal,
      userPoolId: options.userPoolId,
      concurrency: options.concurrency,
      maxAttempts: clientSettings.maxAttempts,
      dryRun: options.dryRun,
      interrupt: interrupt.signal,
      graceMs: GRACE_MS,
      clock: systemClock,
      tally,
      log: (m) => log.log(LOGGER, m),
    });
  } finally {
    progress?.stop();
    interrupt.release();
    fileStream?.destroy();
    journal?.close();
    client?.destroy();
  }

  const { fatal } = result;
  // Counts are worth having even when the run stopped on an error (the error itself follows on stderr).
  if (fatal === undefined || tally.processed > 0) await writeResult(summaryDocument(tally, options.dryRun), ctx, 'BulkSignOut');
  if (fatal !== undefined) throw fatal;
  if (tally.interrupted) return 130;
  return tally.failed > 0 ? 254 : 0;
}

type Calls = Pick<CognitoClient, 'signOut' | 'listUsers'>;

const NO_CALLS: Calls = {
  signOut: () => Promise.reject(new GeneralError('internal error: a dry run from a file called the service')),
  listUsers: () => Promise.reject(new GeneralError('internal error: a dry run from a file called the service')),
};

async function loadJournal(path: string, userPoolId: string): ReturnType<typeof readJournal> {
  try {
    return await readJournal(path, userPoolId);
  } catch (e) {
    throw new ParamValidationError(`Unable to read --journal: ${osErrorText(e, path)}`);
  }
}

function openJournalOrFail(path: string): JournalWriter {
  try {
    return openJournal(path);
  } catch (e) {
    throw new ParamValidationError(`Unable to write --journal: ${osErrorText(e, path)}`);
  }
}

/** Credentials resolved once, and again when temporary ones come near their expiry. */
async function refreshingCredentials(ctx: CommandContext): Promise<() => Promise<Credentials>> {
  let current = (await resolveCredentials(ctx.settings, ctx.log)).credentials;
  return async () => {
    const expires = current.expiration?.getTime();
    if (expires !== undefined && expires - Date.now() < REFRESH_BEFORE_MS) {
      current = (await resolveCredentials(ctx.settings, ctx.log)).credentials;
    }
    return current;
  };
}
