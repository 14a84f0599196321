// `bulk-sign-out`: cogsignout's own command for incidents. Everything that can be wrong with the
// command line, the configuration, the input and the journal is found before the first user is
// touched (a dry run also checks the pool and the credentials with read-only calls); then the
// engine runs with the pieces wired together here. However the run ends (finished, interrupted
// by a signal, stopped by an error every user would meet), the summary goes out like any
// command's result (--output, --query), one line on stderr says which ending it was and how to
// resume, and the exit status tells a script (ending.ts).
import { closeSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParsedCommand } from '../cli/argparse-command.js';
import type { CommandContext } from '../cli/context.js';
import { CliError, GeneralError, ParamValidationError, ServiceError } from '../errors/errors.js';
import { resolveOutputFormat, writeResult } from '../output/result.js';
import { resolveCredentials, type Credentials, type LookupOptions } from '../credentials/chain.js';
import { resolveClientSettings } from '../transport/client-settings.js';
import { factoryOf } from '../cli/factory.js';
import { checkPoolId, parseBulkOptions, type BulkOptions } from '../bulk/options.js';
import { parameterValidation } from '../input/validate.js';
import { checkSignatureVersion } from '../transport/signature-version.js';
import type { CognitoClient } from '../transport/client.js';
import type { Clock } from '../bulk/clock.js';
import { AimdRateLimiter } from '../bulk/rate-limiter.js';
import { JournalError, openJournal, readJournal, type JournalIndex, type JournalWriter } from '../bulk/journal.js';
import { lockJournal, type JournalLock } from '../bulk/journal-lock.js';
import { openForReading, osErrorText, readUsernameList, type UsernameList } from '../bulk/user-sources.js';
import { listUsernames } from '../bulk/list-users.js';
import { usernameLine } from '../bulk/line-reader.js';
import { runEngine, type EngineResult } from '../bulk/engine.js';
import { MAX_LISTED_FAILURES, summaryDocument, Tally } from '../bulk/summary.js';
import { ProgressLine } from '../bulk/progress.js';
import { stdinOf, takeInterrupt, whileReporting } from '../bulk/process-hooks.js';
import { scrubbingLog } from '../bulk/debug-scrub.js';
import { backoffMs, classifyFailure, withAttempts } from '../bulk/failures.js';
import { endingLine, EXIT, exitStatus, stopReason, type Ending } from '../bulk/ending.js';

/** How long an interrupted run waits for requests already sent before abandoning them. */
const GRACE_MS = 5000;
/** Temporary credentials are fetched again this long before they expire (a run can outlast them). */
const REFRESH_BEFORE_MS = 5 * 60_000;
const LOGGER = 'cogsignout.bulk';
const PROG = 'cogsignout';

export async function runBulkSignOut(parsed: ParsedCommand, ctx: CommandContext): Promise<number> {
  const options = parseBulkOptions(parsed);
  if (options === 'help') {
    const { showBulkHelp } = await import('../help/show.js');
    return showBulkHelp(ctx.io);
  }
  const { io, globals } = ctx;
  const log = scrubbingLog(ctx.log);
  const { clock } = factoryOf(io);
  const clientSettings = await resolveClientSettings({ globals, settings: ctx.settings, env: io.env, version: io.version });
  // The profile's rules for every call, as admin-user-global-sign-out applies them (and in its
  // order: after the client's settings), before anything is read or anyone touched.
  const profile = ctx.settings.profile();
  checkPoolId(options.userPoolId, parameterValidation(profile.get('parameter_validation')));
  if (!globals.noSignRequest) checkSignatureVersion(profile.get('cognito-idp'));
  // The AWS CLI checks the output format after the call; after a whole run is too late.
  resolveOutputFormat(ctx);

  const source = options.source;
  const list = source.kind === 'file' ? await readList(source.path, ctx) : undefined;
  const journalPath = options.journal === undefined ? undefined : resolve(io.cwd, options.journal);
  const listPath = options.listFile === undefined ? undefined : resolve(io.cwd, options.listFile);
  if (listPath !== undefined) checkNewFile(listPath);
  const { lock, index, journal } = journalPath === undefined ? {} : await prepareJournal(journalPath, options);
  let result: EngineResult | undefined;
  const tally = new Tally();
  if (list !== undefined) {
    tally.duplicates = list.duplicates;
    tally.duplicated.push(...list.duplicated);
  }
  const startedAt = Date.now();
  const wouldSignOut: string[] = [];
  let client: CognitoClient | undefined;
  let progress: ProgressLine | undefined;
  let interrupt: ReturnType<typeof takeInterrupt> | undefined;
  let endingWritten = false;
  const context = (stopped: string | undefined) => ({
    userPoolId: options.userPoolId, region: clientSettings.region, endpoint: clientSettings.endpoint,
    journal: journalPath, startedAt, endedAt: Date.now(), stopped,
  });
  const lineContext = { argv: io.argv, prog: PROG, userPoolId: options.userPoolId, journal: journalPath, dryRun: options.dryRun, listFile: options.listFile !== undefined,
    fromStdin: source.kind === 'file' && source.path === '-' };
  try {
    if (index) log.log(LOGGER, `Journal: ${index.records} records, ${index.signedOut.size} users of this pool signed out, ${index.unreadable} unreadable lines`);
    const credentials = globals.noSignRequest ? undefined : await refreshingCredentials(ctx, {
      connectTimeoutMs: clientSettings.connectTimeoutMs, readTimeoutMs: clientSettings.readTimeoutMs, timer: factoryOf(io).timer,
    });
    // The SDK is loaded only now that everything local has been checked.
    const { createCognitoClient } = await factoryOf(io).network();
    client = createCognitoClient({
      ...clientSettings,
      // One attempt per call: the engine takes every retry decision, so a throttled request goes
      // back through the rate limiter instead of being resent behind its back.
      maxAttempts: 1,
      maxSockets: options.concurrency,
      credentials,
      timer: factoryOf(io).timer,
      log,
      env: io.env,
      warn: (text) => io.stderr.write(text),
    });
    const calls = client;
    interrupt = takeInterrupt(io, (signal) => {
      // The second signal: the process exits now. What must not be lost is written first.
      progress?.stop();
      try { journal?.flush(); } catch { /* the line below still tells what happened */ }
      lock?.release();
      endingWritten = true;
      io.stderr.write(endingLine({ kind: 'interrupted', signal: `${signal}, twice` }, tally, lineContext));
    });
    // Under --debug the log is the progress report; redraws would garble it.
    progress = io.stderr.isTTY && !log.enabled ? new ProgressLine(io.stderr, tally, clock, options.dryRun, list?.usernames.length) : undefined;
    if (options.dryRun && source.kind === 'file') {
      // The read-only check that needs the least permission and reads no user's data.
      log.log(LOGGER, 'Dry run: checking the pool and the credentials with DescribeUserPool');
      const fatal = await untilInterrupted(withRetries(() => calls.describeUserPool(options.userPoolId), clientSettings.maxAttempts, factoryOf(io).random, clock, interrupt.signal), interrupt.signal);
      if (fatal !== undefined) {
        result = { tally, fatal };
        tally.users = list?.usernames.length ?? 0;
      }
    }
    if (result === undefined) {
      const usernames = list !== undefined
        ? iterate(list.usernames)
        : listUsernames({
          listUsers: (p) => calls.listUsers(p),
          userPoolId: options.userPoolId,
          filter: source.kind === 'all-users' ? source.filter : undefined,
          maxAttempts: clientSettings.maxAttempts,
          clock,
          random: factoryOf(io).random,
          signal: interrupt.signal,
          onRetry: (kind, ms) => log.log(LOGGER, `Retrying ListUsers after ${kind === 'throttled' ? 'throttling' : 'a transient error'} in ${(ms / 1000).toFixed(3)} s`),
        });
      progress?.start();
      result = await runEngine({
        usernames,
        dedupe: list === undefined,
        knownUsers: list?.usernames.length,
        signedOut: index?.signedOut,
        signOut: (username, gate) => calls.signOutChecked({ UserPoolId: options.userPoolId, Username: username }, gate),
        gated: true,
        limiter: new AimdRateLimiter({
          maxRps: options.maxRps,
          clock,
          onRateChange: (rps) => log.log(LOGGER, `Sign-out rate set to ${rps.toFixed(2)} per second`),
          onBackoff: (on) => { tally.backingOff = on; },
        }),
        journal,
        userPoolId: options.userPoolId,
        concurrency: options.concurrency,
        maxAttempts: clientSettings.maxAttempts,
        dryRun: options.dryRun,
        interrupt: interrupt.signal,
        graceMs: GRACE_MS,
        clock,
        // The retries' jitter is the factory's (src/cli/factory.ts); pacing and grace are the clock's.
        random: factoryOf(io).random,
        tally,
        onWouldSignOut: listPath === undefined ? undefined : (u) => wouldSignOut.push(u),
        probe: () => serviceAnswers(() => calls.describeUserPool(options.userPoolId), clientSettings.maxAttempts, factoryOf(io).random, clock),
        log: (m) => log.log(LOGGER, m),
      });
    }
  } catch (e) {
    // Set-up failures (credentials, the network module) before the engine ran: the usual error.
    cleanUp();
    throw e;
  }
  let fatal = result.fatal;
  try {
    journal?.close();
  } catch (e) {
    fatal ??= e;
  }
  cleanUp();
  if (fatal instanceof JournalError) fatal = new GeneralError(`Unable to write --journal: ${fatal.message}`);
  // Only a whole list: an interrupted dry run's (the ListUsers pages read so far) would look
  // complete to whoever reviews it and passes it back as --usernames-file.
  if (fatal === undefined && listPath !== undefined && !tally.interrupted) {
    try {
      writeList(listPath, wouldSignOut, options);
    } catch (e) {
      fatal = new ParamValidationError(`Unable to write --list-file: ${osErrorText(e, listPath)}`);
    }
  }

  const ending: Ending = fatal !== undefined
    ? { kind: 'stopped', reason: stopReason(fatal) }
    : tally.interrupted ? { kind: 'interrupted', signal: tally.signal ?? 'SIGINT' } : { kind: 'finished' };
  const summary = summaryDocument(tally, options.dryRun, context(ending.kind === 'stopped' ? ending.reason : undefined));
  return reportRun(ctx, { ending, fatal, tally, summary, lineContext, dryRun: options.dryRun, endingWritten });

  function cleanUp(): void {
    progress?.stop();
    interrupt?.release();
    try { journal?.close(); } catch { /* reported by the caller when it matters */ }
    lock?.release();
    client?.destroy();
  }
}

/** How a run ended, what it did, and what the operator is told of it (summary, ending line, exit status). */
interface RunReport {
  readonly ending: Ending;
  readonly fatal: unknown;
  readonly tally: Tally;
  readonly summary: ReturnType<typeof summaryDocument>;
  readonly lineContext: Parameters<typeof endingLine>[2];
  readonly dryRun: boolean;
  /** The ending line is on stderr already (the second Ctrl-C's handler wrote it). */
  readonly endingWritten: boolean;
}

/**
 * The summary on stdout and the ending line on stderr, whatever happens to either: a signal
 * while they are written, a pager that cannot be used, a summary that cannot be written. Then
 * the run's exit status, or its error with that status.
 */
async function reportRun(ctx: CommandContext, { ending, fatal, tally, summary, lineContext, dryRun, endingWritten: alreadyWritten }: RunReport): Promise<number> {
  const { io } = ctx;
  let endingWritten = alreadyWritten;
  let unwritten: unknown;
  // From here to the ending line the run's own signal handling is gone: a signal (an impatient
  // second Ctrl-C, a `kill`, a closed terminal) while the summary is written ended the process
  // with neither the summary nor the line saying how the run ended.
  const releaseReporting = whileReporting(io, (signal) => {
    if (endingWritten) return;
    endingWritten = true;
    io.stderr.write(endingLine(ending, tally, lineContext));
    io.stderr.write(`bulk-sign-out: ${signal} while the summary was being written: standard output may hold only part of it (the line above is how the run ended).\n`);
  });
  try {
    await writeResult(summary, ctx, 'BulkSignOut', {
      // The summary is the record of a run that has happened: a pager that cannot show it (a
      // setting that does not split, a command that is not there or fails) must not lose it.
      withoutPager: (reason) => io.stderr.write(`bulk-sign-out: the output pager cannot be used (${reason}); the summary is written without it.\n`),
      refusalIsError: true,
    });
  } catch (e) {
    // A summary that cannot be written (a full disk, a reader gone in text output) must not
    // take the ending line with it: that line is what says how the run went and how to resume.
    unwritten = e;
  }
  if (!endingWritten) io.stderr.write(endingLine(ending, tally, lineContext));
  endingWritten = true;
  releaseReporting();
  const status = exitStatus(ending, tally, dryRun);
  // The error as the AWS CLI would print it, with the exit status of the run (the error's own,
  // 254 for a service error, would read as "some users failed"); a finished run whose summary
  // was lost is no clean one for a script reading it: 255.
  const lost = unwritten === undefined || unwritten instanceof CliError ? unwritten : new GeneralError(unwritten instanceof Error ? unwritten.message : String(unwritten));
  const shown = lost ?? fatal;
  if (shown !== undefined) {
    if (shown instanceof CliError) Object.defineProperty(shown, 'exitCode', { value: status === 0 ? EXIT.stopped : status });
    throw shown;
  }
  return status;
}

/**
 * The failure of `check`, or undefined: when it succeeds, and when Ctrl-C comes first (an
 * endpoint that does not answer holds a call for its timeouts, and its retries after; the engine
 * then tells the run interrupted).
 */
async function untilInterrupted(check: Promise<unknown>, stopped: AbortSignal): Promise<unknown> {
  const interrupted = new Promise<void>((resolve) => {
    if (stopped.aborted) resolve(); else stopped.addEventListener('abort', () => resolve(), { once: true });
  });
  check.catch(() => { /* after an interrupt nobody waits for it */ });
  try {
    await Promise.race([check, interrupted]);
    return undefined;
  } catch (e) {
    // (A failure that is undefined itself is none a check makes: withRetries rejects with errors.)
    return e;
  }
}

async function* iterate(items: readonly string[]): AsyncGenerator<string> {
  yield* items;
}

/** The username file (or standard input) read and checked whole. */
async function readList(path: string, ctx: CommandContext): Promise<UsernameList> {
  const { io } = ctx;
  if (path === '-') {
    if (io.stdin?.isTTY === true) io.stderr.write('bulk-sign-out: reading usernames from standard input, one per line; end with Ctrl-D.\n');
    return readUsernameList(stdinOf(io), '--usernames-file', MAX_LISTED_FAILURES);
  }
  const stream = await openForReading(resolve(io.cwd, path), '--usernames-file');
  try {
    return await readUsernameList(stream, '--usernames-file', MAX_LISTED_FAILURES);
  } finally {
    stream.destroy();
  }
}

/**
 * The journal, locked (one writer at a time), read (a foreign file is refused) and, for a real
 * run, opened for appending with its durability checked. A dry run only reads it.
 */
async function prepareJournal(path: string, options: BulkOptions): Promise<{ lock?: JournalLock; index: JournalIndex; journal?: JournalWriter }> {
  const refuse = (e: unknown): never => {
    if (e instanceof JournalError) throw new ParamValidationError(`Unable to use --journal: ${e.message}`);
    throw new ParamValidationError(`Unable to use --journal: ${osErrorText(e, path)}`);
  };
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (st !== undefined && !st.isFile()) throw new JournalError(`${path} is not a regular file, so nothing written to it can be made durable; give the path of a file`);
  } catch (e) {
    refuse(e);
  }
  if (options.dryRun) {
    try {
      return { index: await readJournal(path, options.userPoolId) };
    } catch (e) {
      return refuse(e);
    }
  }
  let lock: JournalLock | undefined;
  try {
    lock = lockJournal(path);
    const index = await readJournal(path, options.userPoolId);
    return { lock, index, journal: openJournal(path) };
  } catch (e) {
    lock?.release();
    return refuse(e);
  }
}

function checkNewFile(path: string): void {
  if (statSync(path, { throwIfNoEntry: false }) !== undefined) {
    throw new ParamValidationError(`Unable to write --list-file: ${path} exists; give a new path (the list is never written over a file).`);
  }
}

/** The users a dry run would sign out, as a username file (comments say where it came from). */
function writeList(path: string, usernames: readonly string[], options: BulkOptions): void {
  const from = options.source.kind === 'file'
    ? `--usernames-file ${options.source.path}`
    : `--all-users${options.source.filter === undefined ? '' : ` --filter ${JSON.stringify(options.source.filter)}`}`;
  const head = [
    `# bulk-sign-out --dry-run: ${usernames.length} users of ${options.userPoolId} would be signed out (${from}), listed ${new Date().toISOString()}`,
    '# Review, then pass this file as --usernames-file.',
  ];
  // Written beside it and linked into place whole: a list cut short (a full disk, a file size
  // limit, a kill) under its header ("212 users would be signed out") would sign out only the
  // users before the cut when passed back, and the ending line says none was written. The link
  // still never replaces a file that appeared meanwhile.
  const partial = `${path}.partial-${process.pid}`;
  const fd = openSync(partial, 'wx', 0o600);
  try {
    try {
      writeFileSync(fd, `${[...head, ...usernames.map(usernameLine)].join('\n')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(partial, path);
    } catch (e) {
      // A file system without hard links (FAT, some network ones): renamed, after the same check.
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
      checkNewFile(path);
      renameSync(partial, path);
    }
  } finally {
    try { unlinkSync(partial); } catch { /* not made, or gone already */ }
  }
}

/** A read-only check, retried on throttling and transient errors like any AWS CLI call. */
async function withRetries(call: () => Promise<void>, maxAttempts: number, random: () => number, clock: Clock, signal?: AbortSignal): Promise<void> {
  const stopped = (): boolean => signal?.aborted === true;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const kind = classifyFailure(e);
      if ((kind !== 'throttled' && kind !== 'transient') || attempt >= maxAttempts || stopped()) throw withAttempts(e, attempt);
      await clock.sleep(backoffMs(attempt, random), signal);
      // Ctrl-C ends the backoff: no call after it that nobody waits for.
      if (stopped()) throw withAttempts(e, attempt);
    }
  }
}

/**
 * Whether the service answers (DescribeUserPool: read-only, no user's data; any answer counts,
 * an error such as AccessDenied too), with a connection failure retried as any call's.
 */
async function serviceAnswers(call: () => Promise<void>, maxAttempts: number, random: () => number, clock: Clock): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await call();
      return true;
    } catch (e) {
      if (e instanceof ServiceError) return true;
      if (classifyFailure(e) !== 'transient' || attempt >= maxAttempts) return false;
      await clock.sleep(backoffMs(attempt, random));
    }
  }
}

/** Credentials resolved once, and again when temporary ones come near their expiry. */
async function refreshingCredentials(ctx: CommandContext, options: LookupOptions): Promise<() => Promise<Credentials>> {
  // The credential calls get the command's --cli-*-timeout, as the AWS CLI's clients do.
  let current = (await resolveCredentials(ctx.settings, ctx.log, options)).credentials;
  return async () => {
    const expires = current.expiration?.getTime();
    if (expires !== undefined && expires - Date.now() < REFRESH_BEFORE_MS) {
      current = (await resolveCredentials(ctx.settings, ctx.log, options)).credentials;
    }
    return current;
  };
}
