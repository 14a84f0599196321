// The AWS CLI's pipeline from argv to exit code, stage by stage in its order (which decides the
// error a user sees when several things are wrong): first-pass options, auto-prompt flags, the
// main parser with every global option, top-level argument checks, the configuration files,
// the command name, then the command itself. A small pre-pass does what comes before the main
// parser (the AWS CLI does it on raw tokens too); from the main parser on, one commander tree
// (program.ts) parses the line and dispatches, with the session stage (session-stage.ts) as its
// hook and the service layer (service-layer.ts) as its router. What the stages learn is one
// RunState (run-state.ts). Every parse failure goes through parseFailure, every failure ends in
// reportFailure.
import { ArgparseError, parseKnownArgs, VersionRequested, type ParserSpec, type ParseResult } from './argparse.js';
import type { ArgparseCommand } from './argparse-command.js';
import { mainParserSpec } from './main-parser.js';
import { SERVICE_WORD } from './vocabulary.js';
import { coloramaAtExit, newColorama, type Colorama } from '../output/colorama.js';
import { newStdoutBuffer, stdoutAtExit, writeAsPython, type StdoutBuffer } from '../output/stdout-buffer.js';
import { loadAliases, runExternalAlias } from './alias.js';
import { configuredErrorFormat } from './error-format.js';
import { toGlobalArgs } from './globals.js';
import type { Io } from './io.js';
import { factoryOf } from './factory.js';
import type { RunState } from './run-state.js';
import { sessionStage } from './session-stage.js';
import { loadConfigFiles, parsedOrFail } from '../config/files.js';
import { Settings } from '../config/settings.js';
import { ParamValidationError, PROG } from '../errors/errors.js';
import { needsMoreCodecs, outputLabel, useCharmaps } from '../util/codecs.js';
import { stdioCodec, stdoutStartBytes } from '../output/stream.js';
import { createDebugLog, NO_DEBUG } from '../diagnostics/debug-log.js';
import { urlPasswordsIn } from '../diagnostics/redact.js';
import { release, type } from 'node:os';
import { usageError, type CommandContext, type CommandRunner } from './context.js';
import {
  isSilencedInPartialMode, PROMPT_CANCELLED_EXIT, resolvePromptMode, shouldPromptAfterPartial, type PromptMode,
} from '../prompt/mode.js';

/**
 * The AWS CLI's first pass, part of the pre-pass: only --profile and --debug (in its order), with
 * a usage line of its own. A plain table for the engine, not a node of the tree: it runs on
 * every start and nothing is dispatched from it.
 */
const FIRST_PASS: ParserSpec = {
  options: [
    { flag: '--profile', dest: 'profile', kind: 'value' },
    { flag: '--debug', dest: 'debug', kind: 'flag' },
  ],
  positionals: [],
};
const FIRST_PASS_LAYER = { usageLine: '[--profile PROFILE] [--debug]' };

function firstPass(argv: readonly string[]): ParseResult {
  try {
    return parseKnownArgs(FIRST_PASS, argv);
  } catch (e) {
    if (e instanceof ArgparseError) e.command = FIRST_PASS_LAYER;
    throw e;
  }
}

/** Each command's handler, loaded when the line names it (every name of command-decls.ts's COMMAND_DECLS has one: test/unit/command-tree.test.ts). */
export const COMMAND_RUNNERS: Readonly<Record<string, () => Promise<CommandRunner>>> = {
  'admin-user-global-sign-out': async () => (await import('../commands/sign-out.js')).runSignOut,
  'bulk-sign-out': async () => (await import('../commands/bulk-sign-out.js')).runBulkSignOut,
};

export interface RunOptions {
  /** Overrides the auto-prompt mode: 'off' when running a line the prompt produced. */
  readonly promptMode?: PromptMode;
  /** The first run of on-partial: parameter-validation errors end in 252 without a message. */
  readonly silenceParamValidation?: boolean;
}

export async function run(io: Io, options: RunOptions = {}): Promise<number> {
  // The codecs beyond the core's (a code page, UTF-32, PYTHONIOENCODING's handlers) are read
  // before anything is written; a PYTHONIOENCODING Python cannot make streams of ends it there.
  if (needsMoreCodecs(io.env)) {
    const more = await import('../util/charmaps.js');
    useCharmaps(more);
    const encoding = io.env.PYTHONIOENCODING?.split(':')[0] ?? '';
    await more.loadCjkTables([io.env.AWS_CLI_OUTPUT_ENCODING, encoding].map((name) => (name ? outputLabel(name) : undefined)));
    const fatal = encoding === '' ? undefined : more.fatalStdio(encoding);
    if (fatal !== undefined) {
      io.stderr.write(fatal);
      return 1;
    }
  }
  const colorama = newColorama();
  const stdoutBuffer = newStdoutBuffer(io.env);
  const code = await runStages(io, options, colorama, stdoutBuffer);
  coloramaAtExit(colorama, io.stdout);
  return stdoutAtExit(stdoutBuffer, io.stderr) ?? code;
}

/**
 * One run, stage by stage; `colorama` records what a colored table did to the streams,
 * `stdoutBuffer` what Python's stdout would hold of bytes the OS refused.
 */
async function runStages(io: Io, options: RunOptions, colorama: Colorama, stdoutBuffer: StdoutBuffer): Promise<number> {
  const argv = [...io.argv];
  const state: RunState = {
    errorFormat: { format: 'enhanced' },
    debug: false,
    loggingSet: false,
    log: NO_DEBUG,
    settings: new Settings(io.env, undefined),
    values: new Map(),
    globals: toGlobalArgs(new Map()),
    query: undefined,
    compile: undefined,
    endpoint: undefined,
  };
  const report = (e: unknown): Promise<number> => reportFailure(e, io, state, options, colorama, stdoutBuffer);

  try {
    // Shell completion's fast path: answered before any parsing, reading only the config files.
    if (argv[0] === '__complete') {
      const { runCompletion } = await import('../completion/index.js');
      return await runCompletion(io, argv);
    }

    // 1. The first pass only knows --profile and --debug; its errors have their own usage line.
    const first = firstPass(argv);
    // The AWS CLI reads both files (the plugins section of the merged config) as it creates the
    // session: a file that does not parse fails before anything else, --version included, and
    // before --debug sets up its log (no line, no traceback).
    parsedOrFail(() => loadConfigFiles(io.env));
    state.debug = first.values.get('debug') === true;
    const log = createDebugLog(state.debug, (text) => io.stderr.write(text), factoryOf(io).now);
    state.log = log;
    if (log.enabled) {
      // The passwords of URLs on the line and in the environment (endpoints, proxies): hidden
      // wherever they are logged, however the line quotes them.
      for (const value of [...argv, ...Object.values(io.env)]) {
        if (value !== undefined && value.includes('@')) for (const password of urlPasswordsIn(value)) log.secret(password);
      }
    }
    // Loaded only for a log that records the line: its sensitive options come from the service
    // model, which a `--version` never sets up.
    const argvForLog = log.enabled ? (await import('../diagnostics/argv-log.js')).argvForLog : undefined;
    // Made only for a log that records it (it asks the OS; --version prints its own).
    const cliVersion = argvForLog === undefined ? undefined : await versionLineOf(io);
    const logStart = (): void => {
      if (argvForLog === undefined) return;
      log.log('awscli.clidriver', `CLI version: ${cliVersion}`);
      log.log('awscli.clidriver', `Arguments entered to CLI: ${argvForLog(argv)}`);
    };
    // The AWS CLI logs these twice: once for the first pass, once when the driver starts.
    logStart();

    // -h/--help: a deliberate difference, the AWS CLI rejects them (see README). Exact tokens,
    // before any parser: asking for help must work on a line that does not parse.
    const beforeDashDash = argv.indexOf('--') < 0 ? argv : argv.slice(0, argv.indexOf('--'));
    if (beforeDashDash.includes('-h') || beforeDashDash.includes('--help')) {
      const { showHelpFlag } = await import('../help/show.js');
      return showHelpFlag(io, beforeDashDash);
    }

    // 2. Auto-prompt flags.
    if (argv.includes('--cli-auto-prompt') && argv.includes('--no-cli-auto-prompt')) {
      throw new ParamValidationError('Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.');
    }

    // Until the top-level arguments are handled, the AWS CLI's session knows only the
    // environment's profile: errors of the main parser and the auto-prompt mode use it.
    state.errorFormat = configuredErrorFormat(state.settings, undefined);

    // The auto-prompt opens only with a terminal on stdin and stdout; otherwise the line runs as given.
    const promptMode = options.promptMode ?? resolvePromptMode(argv, io.env, state.settings);
    if (promptMode !== 'off') {
      const prompt = await import('../prompt/index.js');
      const promptIo = prompt.promptIoFrom(io);
      if (prompt.canPrompt(promptIo)) {
        if (promptMode === 'on-partial') {
          const first = await run(io, { promptMode: 'off', silenceParamValidation: true });
          if (!shouldPromptAfterPartial(first)) return first;
        }
        const edited = await prompt.promptForCommand(promptIo, argv, prompt.buildPromptContext(state.settings, promptMode));
        if (edited === 'cancelled') return PROMPT_CANCELLED_EXIT;
        return await run({ ...io, argv: edited }, { promptMode: 'off' });
      }
    }

    // The alias file is read before the main parser runs: a broken one fails every command.
    const aliases = loadAliases(io.env);

    // A line that may ask for --version (a token that is a prefix of it, as argparse matches
    // them) is read by the main parser's own spec before commander is loaded and the tree is
    // built: where the tree's main parser would end the run with the version, this ends it
    // here, with nothing run in between; any other outcome is left to the tree, which parses
    // the line again exactly so.
    if (argv.some((token) => token.startsWith('--v'))) {
      try {
        parseKnownArgs(mainParserSpec(), [SERVICE_WORD, ...argv]);
      } catch (e) {
        if (e instanceof VersionRequested) throw e;
      }
    }

    // From here the tree parses: 3. the main parser (the program's node, on the line with the
    // service word put back), then 4. the session stage (its preSubcommand hook), then 5. the
    // service layer (aliases and the command position), then the command's own parser and its
    // action. (In the core bundle, set up here rather than at load: commander is ~0.4 ms of a
    // start, the commands' service model more.)
    const [{ buildProgram }, { serviceLayer }] = await Promise.all([import('./program.js'), import('./service-layer.js')]);
    const context = (): CommandContext => ({
      io, globals: state.globals, settings: state.settings, errorFormat: state.errorFormat.format, query: state.query, log, colorama, stdoutBuffer,
    });
    const program: ArgparseCommand = buildProgram({
      session: (root) => sessionStage(io, state, root, aliases, logStart),
      route: serviceLayer(state, aliases, () => program),
      command: async (name, parsed) => (await (COMMAND_RUNNERS[name] as () => Promise<CommandRunner>)())(parsed, context()),
      help: async (words) => (await import('../help/show.js')).showHelpCommand(io, words),
      completion: async (words) => (await import('../completion/index.js')).runCompletion(io, words),
      external: (value, words) => runExternalAlias(io, value, words),
    });
    await program.parseAsync([SERVICE_WORD, ...argv], { from: 'user' });
    return program.result ?? 0;
  } catch (e) {
    if (e instanceof VersionRequested) return printVersion(io, stdoutBuffer).catch(report);
    return report(parseFailure(e));
  }
}

/**
 * The one place a run's failure becomes its message and exit status (src/errors/report.ts),
 * worded as the AWS CLI words it at the stage the run had reached (`state`). The error report is
 * loaded where first needed: its set-up is part of what every `--version` would pay.
 */
async function reportFailure(e: unknown, io: Io, state: RunState, options: RunOptions, colorama: Colorama, stdoutBuffer: StdoutBuffer): Promise<number> {
  if (options.silenceParamValidation && isSilencedInPartialMode(e)) return 252;
  // The error handler is given get_stdout_text_writer() and get_stderr_text_writer(), which
  // reconfigure the streams.
  stdoutBuffer.reconfigured = true;
  const { log } = state;
  const colorFlag = state.globals.color;
  return (await import('../errors/report.js')).reportError(e, {
    prog: PROG,
    format: state.errorFormat.format,
    formatNote: () => {
      const note = state.errorFormat.note;
      if (note === undefined) return;
      // Until the driver sets its logging up (after the top-level arguments), the `awscli`
      // logger has no handler: Python's last resort prints a warning's bare message to stderr.
      if (!state.debug && !state.loggingSet && note.level === 'WARNING') io.stderr.write(`${note.message}\n`);
      else log.log('awscli.errorhandler', note.message, note.level);
    },
    colorama,
    debug: state.debug,
    color: colorFlag === 'on' || (colorFlag !== 'off' && io.stdout.isTTY),
    terminalWidth: io.stdout.isTTY ? io.stdout.columns ?? 80 : 80,
    redact: (text) => log.redact(text),
    debugLog: (logger, message) => log.log(logger, message),
    reconfigure: () => { io.stdout.reconfigure?.(); io.stderr.reconfigure?.(); },
    writeErr: (s) => io.stderr.write(s),
    writeOut: (s) => io.stdout.write(s),
    errCodec: stdioCodec(io.env, 'stderr', true),
    writeErrBytes: io.stderr.writeAllBytes && ((data) => { io.stderr.writeAllBytes?.(data).catch(() => {}); }),
    errAtFileStart: () => io.stderr.atFileStart === true,
  });
}

/**
 * The version line. Its module is the version bundle's (read by bin/ before the core, for a
 * `--version` it answers alone), so it is imported where it is needed; node:os, where /proc has
 * no answer, is the core's.
 */
async function versionLineOf(io: Io): Promise<string> {
  const { versionLine } = await import('./version.js');
  return versionLine(io.version, io.env, () => ({ type: type(), release: release() }));
}

/**
 * argparse's version action prints to sys.stdout as Python set it up (AWS_CLI_OUTPUT_ENCODING
 * reconfigures it only for a formatter or the error handler), and exits 0 without a flush: bytes
 * the OS refuses are met by the flush at exit.
 */
async function printVersion(io: Io, stdoutBuffer: StdoutBuffer): Promise<number> {
  const { takeWrittenAlone } = await import('./version.js');
  // What bin/ wrote of this very line before its write stopped short (an ASCII line: one byte a
  // character) is on stdout already, as Python's buffer would have written it before failing.
  const line = `${await versionLineOf(io)}\n`.slice(takeWrittenAlone());
  // Only an unbuffered stdout raises in the write itself: the error handler's, as any OSError.
  await writeAsPython(stdoutBuffer, io.stdout, stdoutStartBytes(io.env, line, io.stdout.atFileStart === true), line, { flush: 'none' });
  return 0;
}

/**
 * Where every parse failure of every layer ends (after `--version`, which prints the version):
 * an argparse error becomes its usage error (the first pass has a usage line of its own);
 * anything else is left as it is for reportError.
 */
function parseFailure(e: unknown): unknown {
  if (e instanceof ArgparseError) {
    const own = e.command?.usageLine;
    return own === undefined ? usageError(e) : new ParamValidationError(`${e.message}\n\nusage: ${PROG} ${own}\n`);
  }
  return e;
}
