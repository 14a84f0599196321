// The AWS CLI's pipeline from argv to exit code, stage by stage in its order (which decides the
// error a user sees when several things are wrong): first-pass options, auto-prompt flags, the
// main parser with every global option, top-level argument checks, the configuration files,
// the command name, then the command itself. A small pre-pass does what comes before the main
// parser (the AWS CLI does it on raw tokens too); from the main parser on, one commander tree
// (program.ts) parses the line and dispatches, with this module's stages as its hooks and its
// service layer. Every parse failure goes through parseFailure, every failure ends in reportError.
import type { ParseOptionsResult } from 'commander';
import { ArgparseError, parseKnownArgs, VersionRequested, type ParsedValue, type ParseResult, type ParserSpec } from './argparse.js';
import type { ArgparseCommand } from './program.js';
import { mainParserSpec } from './main-parser.js';
import { ERROR_FORMATS, SERVICE_WORD, type ErrorFormat } from './vocabulary.js';
import { coloramaAtExit, newColorama, type Colorama } from '../output/colorama.js';
import { newStdoutBuffer, stdoutAtExit, writeAsPython, type StdoutBuffer } from '../output/stdout-buffer.js';
import { aliasArgs, checkAliasGlobals, isExternal, loadAliases, runExternalAlias } from './alias.js';
import { toGlobalArgs, type GlobalArgs } from './globals.js';
import type { Io } from './io.js';
import { factoryOf } from './factory.js';
import { ConfigParseError, loadConfigFiles } from '../config/files.js';
import { checkSessionSettings, checkTimestampFormat, Settings } from '../config/settings.js';
import { GeneralError, ParamValidationError, PROG, PythonDiedError } from '../errors/errors.js';
import { pyInt } from '../python/int.js';
import { codecKind, moreCodecs, needsMoreCodecs, outputLabel, useCharmaps } from '../util/codecs.js';
import { stdioCodec, stdoutStartBytes } from '../output/stream.js';
import type { CompiledQuery } from '../output/query.js';
import { createDebugLog, NO_DEBUG, type DebugLog, type LogLevel } from '../diagnostics/debug-log.js';
import { urlPasswordsIn } from '../diagnostics/redact.js';
import { imdsEndpointForLog } from '../credentials/ec2.js';
import { versionLine } from './version.js';
import { keyLogFile, openKeyLog } from '../transport/tls-keylog.js';
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

/** The error handler's format, and what the AWS CLI's handler logs as it resolves it. */
interface ResolvedErrorFormat {
  readonly format: ErrorFormat;
  /** Logged (--debug) as an error the AWS CLI can structure is reported: a value that names no format, a lookup that failed. */
  readonly note?: { readonly level: LogLevel; readonly message: string };
}

/**
 * The error handler's format: the flag, else the configured value. When the configured value
 * cannot be looked up (an unknown profile, an unreadable config file), the AWS CLI's structured
 * display fails and it falls back to the plain message, which is the legacy format.
 */
function configuredErrorFormat(settings: Settings, flag: string | undefined): ResolvedErrorFormat {
  let value = flag;
  if (value === undefined) {
    try {
      value = settings.envOrProfile('AWS_CLI_ERROR_FORMAT', 'cli_error_format')?.toLowerCase();
    } catch (e) {
      return { format: 'legacy', note: { level: 'DEBUG', message: `Failed to display structured error: ${e instanceof Error ? e.message : String(e)}` } };
    }
  }
  // An empty value is no value (Python's `if error_format:`), so no warning either.
  if (value === undefined || value === '') return { format: 'enhanced' };
  if ((ERROR_FORMATS as readonly string[]).includes(value)) return { format: value as ErrorFormat };
  return { format: 'enhanced', note: { level: 'WARNING', message: `Invalid cli_error_format: '${value}'. Using 'enhanced' format.` } };
}

/** Python's recursion limit ends alias loops; this ends them sooner, with its message. */
const MAX_ALIAS_DEPTH = 100;
const RECURSION = 'maximum recursion depth exceeded while calling a Python object';
/** The words that stand where an operation does without being one. */
const OWN_WORDS = ['help', 'completion'];

export interface RunOptions {
  /** Overrides the auto-prompt mode: 'off' when running a line the prompt produced. */
  readonly promptMode?: PromptMode;
  /** The first run of on-partial: parameter-validation errors end in 252 without a message. */
  readonly silenceParamValidation?: boolean;
}

/**
 * What the session-initialized handlers log: the assume-role plugin asks for the credential
 * resolver, whose creation notes a --profile (botocore.credentials) or fails on a profile that
 * does not exist (awscli.customizations.assumerole, which carries on).
 */
/**
 * The credential chain's instance metadata fetcher choosing its endpoint as it is made
 * (utils.py), after the container provider's HTTP session and before the endpoint is checked.
 */
function logImdsEndpoint(log: DebugLog, settings: Settings): void {
  const imds = imdsEndpointForLog(settings);
  if (imds.warning) log.log('botocore.utils', 'Custom endpoint and IMDS_USE_IPV6 are both set. Using custom endpoint.', 'WARNING');
  log.log('botocore.utils', `IMDS ENDPOINT: ${imds.endpoint}`);
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
  let errorFormat: ResolvedErrorFormat = { format: 'enhanced' };
  let debug = false;
  // The AWS CLI's _set_logging has run: its `awscli` handler (ERROR and up) takes the warnings.
  let loggingSet = false;
  let colorFlag: string | undefined;
  let log: DebugLog = NO_DEBUG;
  // The error report and the endpoint checks are loaded where first needed (a failure; the
  // session stage), not at start: their set-up is part of what every `--version` would pay.
  const report = async (e: unknown): Promise<number> => {
    if (options.silenceParamValidation && isSilencedInPartialMode(e)) return 252;
    // The error handler is given get_stdout_text_writer() and get_stderr_text_writer(), which
    // reconfigure the streams.
    stdoutBuffer.reconfigured = true;
    return (await import('../errors/report.js')).reportError(e, {
      prog: PROG,
      format: errorFormat.format,
      formatNote: () => {
        const note = errorFormat.note;
        if (note === undefined) return;
        // Until the driver sets its logging up (after the top-level arguments), the `awscli`
        // logger has no handler: Python's last resort prints a warning's bare message to stderr.
        if (!debug && !loggingSet && note.level === 'WARNING') io.stderr.write(`${note.message}\n`);
        else log.log('awscli.errorhandler', note.message, note.level);
      },
      colorama,
      debug,
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
  };

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
    try {
      loadConfigFiles(io.env);
    } catch (e) {
      if (e instanceof ConfigParseError) throw new GeneralError(e.message);
      throw e;
    }
    debug = first.values.get('debug') === true;
    log = createDebugLog(debug, (text) => io.stderr.write(text), factoryOf(io).now);
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
    const logStart = (): void => {
      // Made only for a log that records them (the version line asks the OS; --version prints its own).
      if (argvForLog === undefined) return;
      log.log('awscli.clidriver', `CLI version: ${versionLine(io.version, io.env)}`);
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
    let settings = new Settings(io.env, undefined);
    errorFormat = configuredErrorFormat(settings, undefined);

    // The auto-prompt opens only with a terminal on stdin and stdout; otherwise the line runs as given.
    const promptMode = options.promptMode ?? resolvePromptMode(argv, io.env, settings);
    if (promptMode !== 'off') {
      const prompt = await import('../prompt/index.js');
      const promptIo = prompt.promptIoFrom(io);
      if (prompt.canPrompt(promptIo)) {
        if (promptMode === 'on-partial') {
          const first = await run(io, { promptMode: 'off', silenceParamValidation: true });
          if (!shouldPromptAfterPartial(first)) return first;
        }
        const edited = await prompt.promptForCommand(promptIo, argv, prompt.buildPromptContext(settings, promptMode));
        if (edited === 'cancelled') return PROMPT_CANCELLED_EXIT;
        return await run({ ...io, argv: edited }, { promptMode: 'off' });
      }
    }

    // The alias file is read before the main parser runs: a broken one fails every command.
    const aliases = loadAliases(io.env);

    // From here the tree parses: 3. the main parser (the program's node, on the line with the
    // service word put back), then the session stage (its preSubcommand hook), then the service
    // layer (aliases and the command position), then the command's own parser and its action.
    let values: ReadonlyMap<string, ParsedValue> = new Map();
    let globals: GlobalArgs = toGlobalArgs(values);
    let query: CompiledQuery | undefined;
    let compile: ((expression: string) => CompiledQuery) | undefined;
    // Set by the session stage, before the first top-level check runs (see report above).
    let endpoint: typeof import('../transport/endpoint.js') | undefined;

    // 4. Top-level argument checks, in the AWS CLI's order; the profile is set after them.
    // `--opt=--` leaves argparse's empty list, which each check trips over in Python's words.
    const topLevelChecks = (vals: ReadonlyMap<string, ParsedValue>): CompiledQuery | undefined => {
      const g = toGlobalArgs(vals);
      const isList = (dest: string): boolean => Array.isArray(vals.get(dest));
      if (isList('query')) throw new ParamValidationError("Bad value for --query []: unhashable type: 'list'");
      // The compiler is loaded by the session stage whenever a query can turn up.
      const compiled = g.query === undefined ? undefined : (compile as (expression: string) => CompiledQuery)(g.query);
      const { checkEndpointFlag } = endpoint as typeof import('../transport/endpoint.js');
      if (isList('endpoint-url')) checkEndpointFlag('[]');
      if (g.endpointUrl !== undefined) checkEndpointFlag(g.endpointUrl);
      for (const dest of ['cli-read-timeout', 'cli-connect-timeout']) {
        if (isList(dest)) throw new GeneralError("int() argument must be a string, a bytes-like object or a real number, not 'list'");
        const v = vals.get(dest);
        if (typeof v === 'string') pyInt(v);
      }
      return compiled;
    };

    const session = async (program: ArgparseCommand): Promise<void> => {
      values = program.values();
      globals = toGlobalArgs(values);
      debug = globals.debug;
      colorFlag = globals.color;
      errorFormat = configuredErrorFormat(settings, globals.errorFormat);
      // An alias can bring a --query of its own, checked as synchronously as the rest of the line.
      if (globals.query !== undefined || !aliases.empty) compile = (await import('../output/query.js')).compileQuery;
      endpoint = await import('../transport/endpoint.js');
      query = topLevelChecks(values);
      // The AWS CLI sets its logging up again once the top-level-args-parsed handlers (the
      // --query, --endpoint-url and timeout checks above) have run, and logs these lines again.
      logStart();
      if (globals.profile) settings = new Settings(io.env, globals.profile);
      loggingSet = true;
      errorFormat = configuredErrorFormat(settings, globals.errorFormat);
      checkOutputEncoding(io.env);
      // Session start: the configuration files are read (a syntax error in either is fatal).
      try {
        settings.configFiles();
      } catch (e) {
        if (e instanceof ConfigParseError) throw new GeneralError(e.message);
        throw e;
      }
      // The session-initialized handlers, in the AWS CLI's order: the timestamp format (the
      // first), the binary format, the assume-role cache (which builds the credential chain: the
      // instance-metadata settings, the key log of its HTTP sessions), then the history.
      checkTimestampFormat(settings);
      // Python's set lookup of the binary format refuses a list.
      if (Array.isArray(values.get('cli-binary-format'))) throw new GeneralError("unhashable type: 'list'");
      const binaryFormat = settings.quietProfileValue('cli_binary_format');
      if (globals.binaryFormat === undefined && binaryFormat !== undefined && !['base64', 'raw-in-base64-out'].includes(binaryFormat)) {
        throw new GeneralError(`'${binaryFormat}'`);
      }
      const chainBuilt = await checkSessionSettings(settings, endpoint.isValidEndpointUrl, {
        profileMissing: () => log.log('awscli.customizations.assumerole', 'ProfileNotFound caught when trying to inject assume-role cred provider cache.  Not configuring JSONFileCache for assume-role.'),
        httpSessions: async () => {
          const keyLog = keyLogFile(io.env);
          if (keyLog !== undefined) await openKeyLog(keyLog);
          if (log.enabled) logImdsEndpoint(log, settings);
        },
      });
      if (chainBuilt && settings.profileFromFlag) log.log('botocore.credentials', 'Skipping environment variable credential check because profile name was explicitly set.');
      if (settings.quietProfileValue('cli_history') === 'enabled') (await import('./cli-history.js')).setUpCliHistory(io.env, log, io.stderr);
      // The region's regex check, when the client is made, refuses a list.
      if (Array.isArray(values.get('region'))) throw new GeneralError("expected string or bytes-like object, got 'list'");
    };

    const toplevel = aliases.section('toplevel');
    const mainChoices = [SERVICE_WORD, ...[...toplevel.keys()].filter((k) => k !== SERVICE_WORD)];
    let aliasTarget = SERVICE_WORD;
    let program: ArgparseCommand;

    /**
     * An internal alias: its words parsed by the main parser (after `prefix`), its global options
     * checked as on the command line and put over the command line's; the rest is returned.
     */
    const expandAlias = (name: string, value: string, prefix: string[]): string[] => {
      const words = aliasArgs(name, value);
      const parsed = program.argparse([...prefix, ...words], { positionals: [{ dest: 'command', nargs: 'one', choices: mainChoices }] });
      const given = new Set([...parsed.seen].filter((d) => d !== 'command'));
      checkAliasGlobals(name, given);
      const aliasQuery = topLevelChecks(parsed.values);
      const merged = new Map(values);
      for (const dest of given) merged.set(dest, parsed.values.get(dest));
      values = merged;
      globals = toGlobalArgs(values);
      if (given.has('query')) query = aliasQuery;
      colorFlag = globals.color;
      errorFormat = configuredErrorFormat(settings, globals.errorFormat);
      aliasTarget = parsed.values.get('command') as string;
      return parsed.extras;
    };
    const external = (value: string, words: readonly string[]): ParseOptionsResult => ({ operands: [EXTERNAL_ALIAS, value, ...words], unknown: [] });

    /** The service layer: which command the words after the main parser name, aliases expanded. */
    const route = (service: ArgparseCommand, given: string[]): ParseOptionsResult => {
      // A `[toplevel]` alias named `cognito-idp` stands in for the service itself. A second
      // `cognito-idp` where the command goes (an AWS CLI line with the program name swapped, after
      // the one put back for the main parser) is skipped by the main parser's rule.
      let words = given;
      for (let command = SERVICE_WORD, depth = 0; ; depth++) {
        if (depth > MAX_ALIAS_DEPTH) throw new GeneralError(RECURSION);
        const value = toplevel.get(command);
        if (value === undefined) {
          if (command !== SERVICE_WORD) throw new GeneralError(`cogsignout has no command "${command}" (an alias may only lead to ${SERVICE_WORD})`);
          break;
        }
        if (isExternal(value)) return external(value, words);
        words = [...expandAlias(command, value, []), ...words];
        // An alias of `cognito-idp` that names `cognito-idp` means the real service; any other
        // alias naming itself is itself again (the AWS CLI shadows only real commands), a loop.
        if (aliasTarget === SERVICE_WORD && command === SERVICE_WORD) break;
        command = aliasTarget;
      }

      // 5. The command name: the service parser's `operation` positional, where `help` (as in
      // the AWS CLI's command table) and `completion` may stand too, on the line as given.
      const serviceAliases = aliases.section(`command ${SERVICE_WORD}`);
      const operations: string[] = [...COMMANDS, ...[...serviceAliases.keys()].filter((k) => !isCommand(k))];
      let name: string | undefined;
      let args: string[] = [];
      for (let depth = 0; name === undefined; depth++) {
        if (depth > MAX_ALIAS_DEPTH) throw new GeneralError(RECURSION);
        // The service's `help` is added after its aliases, so no alias replaces it and an alias
        // may lead to it; cogsignout's own `completion` gives way to an alias of that name.
        const own = depth === 0 ? OWN_WORDS : ['help'];
        const choices = [...operations, ...own.filter((w) => !operations.includes(w))];
        const parsed = service.argparse(words, { positionals: [{ dest: 'operation', nargs: 'one', choices }] });
        const chosen = parsed.values.get('operation') as string;
        if (chosen === 'help') return { operands: ['help', ...words.slice(words.indexOf('help') + 1)], unknown: [] };
        if (depth === 0 && chosen === 'completion' && !serviceAliases.has(chosen)) {
          // Only as the user typed it: where a `[toplevel]` alias's value names `completion`, the
          // AWS CLI sees an operation name, an invalid choice (which the parser says once it is not one).
          if (words.indexOf('completion') < words.length - given.length) {
            service.argparse(words, { positionals: [{ dest: 'operation', nargs: 'one', choices: choices.filter((w) => w !== 'completion') }] });
          }
          return { operands: ['completion', ...words.slice(words.indexOf('completion'))], unknown: [] };
        }
        const value = serviceAliases.get(chosen);
        if (value === undefined) {
          name = chosen;
          args = parsed.extras;
          break;
        }
        if (isExternal(value)) return external(value, parsed.extras);
        words = [...expandAlias(chosen, value, [SERVICE_WORD]), ...parsed.extras];
        // An alias named like an operation runs that operation, without the alias value's first word.
        if (isCommand(chosen)) {
          name = chosen;
          args = words.slice(1);
        }
      }

      // Aliases of the operation itself, found by its own parser (nothing required) with the alias names.
      const opAliases = aliases.section(`command ${SERVICE_WORD} ${name}`);
      const node = commandNode(program, name);
      for (let depth = 0; opAliases.size > 0 && !(args.length === 1 && args[0] === 'help'); depth++) {
        if (depth > MAX_ALIAS_DEPTH) throw new GeneralError(RECURSION);
        const parsed = node.argparse(args, { relaxed: true, positionals: [{ dest: 'subcommand', nargs: 'optional', choices: [...opAliases.keys()] }] });
        const sub = parsed.values.get('subcommand');
        if (typeof sub !== 'string') break;
        const rest = [...args];
        rest.splice(rest.indexOf(sub), 1);
        const value = opAliases.get(sub) as string;
        if (isExternal(value)) return external(value, rest);
        args = [...expandAlias(sub, value, [SERVICE_WORD]), ...rest];
      }
      return { operands: [name], unknown: args };
    };

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
    // (In the core bundle, set up here rather than at load: commander is ~0.4 ms of a start, the
    // commands' service model more.)
    const { buildProgram, commandNode, COMMANDS, EXTERNAL_ALIAS } = await import('./program.js');
    const isCommand = (word: string): boolean => COMMANDS.includes(word);
    const context = (): CommandContext => ({ io, globals, settings, errorFormat: errorFormat.format, query, log, colorama, stdoutBuffer });
    program = buildProgram({
      session,
      route,
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
 * argparse's version action prints to sys.stdout as Python set it up (AWS_CLI_OUTPUT_ENCODING
 * reconfigures it only for a formatter or the error handler), and exits 0 without a flush: bytes
 * the OS refuses are met by the flush at exit.
 */
async function printVersion(io: Io, stdoutBuffer: StdoutBuffer): Promise<number> {
  const line = `${versionLine(io.version, io.env)}\n`;
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

/** AWS_CLI_OUTPUT_ENCODING must name a codec the AWS CLI (Python) knows. */
function checkOutputEncoding(env: Io['env']): void {
  const enc = env.AWS_CLI_OUTPUT_ENCODING;
  if (enc === undefined) return;
  const kind = codecKind(enc);
  // ''.encode('undefined') raises UnicodeError, which the handler cannot write either.
  if (kind === 'undefined') throw new PythonDiedError(moreCodecs()?.undefinedCodecDeath() ?? 'undefined encoding\n');
  if (kind !== 'text') throw new GeneralError(`Unknown codec \`${enc}\` specified for AWS_CLI_OUTPUT_ENCODING.`);
}
