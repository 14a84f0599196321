// The AWS CLI's pipeline from argv to exit code, stage by stage in its order (which decides the
// error a user sees when several things are wrong): first-pass options, auto-prompt flags, the
// main parser with every global option, top-level argument checks, the configuration files,
// the command name, then the command itself. Every failure ends in reportError.
import { ArgparseError, parseKnownArgs, VersionRequested, type ParsedValue, type ParserSpec } from './argparse.js';
import {
  BULK_OPTIONS, COMMANDS, ERROR_FORMATS, GLOBAL_OPTIONS, OPERATION, SERVICE_WORD, SIGN_OUT_OPTIONS, parserSpec, withoutServiceWord,
  type ErrorFormat,
} from './vocabulary.js';
import { aliasArgs, checkAliasGlobals, isExternal, loadAliases, runExternalAlias } from './alias.js';
import { toGlobalArgs, type GlobalArgs } from './globals.js';
import type { Io } from './io.js';
import { factoryOf } from './factory.js';
import { ConfigParseError, loadConfigFiles } from '../config/files.js';
import { checkSessionSettings, Settings } from '../config/settings.js';
import { GeneralError, ParamValidationError, PROG } from '../errors/errors.js';
import { reportError } from '../errors/report.js';
import { checkEndpointFlag, isValidEndpointUrl } from '../transport/endpoint.js';
import { pyInt } from '../python/int.js';
import { decoderLabel } from '../util/codecs.js';
import type { CompiledQuery } from '../output/query.js';
import { createDebugLog, NO_DEBUG, type DebugLog } from '../diagnostics/debug-log.js';
import { argvForLog } from '../diagnostics/redact.js';
import { versionLine } from './version.js';
import { usageError, type CommandRunner } from './context.js';
import {
  isSilencedInPartialMode, PROMPT_CANCELLED_EXIT, resolvePromptMode, shouldPromptAfterPartial, type PromptMode,
} from '../prompt/mode.js';

const FIRST_PASS: ParserSpec = {
  options: [
    { flag: '--profile', dest: 'profile', kind: 'value' },
    { flag: '--debug', dest: 'debug', kind: 'flag' },
  ],
  positionals: [],
};


const COMMAND_RUNNERS: Readonly<Record<(typeof COMMANDS)[number], () => Promise<CommandRunner>>> = {
  'admin-user-global-sign-out': async () => (await import('../commands/sign-out.js')).runSignOut,
  'bulk-sign-out': async () => (await import('../commands/bulk-sign-out.js')).runBulkSignOut,
};

/**
 * The error handler's format: the flag, else the configured value. When the configured value
 * cannot be looked up (an unknown profile, an unreadable config file), the AWS CLI's structured
 * display fails and it falls back to the plain message, which is the legacy format.
 */
function configuredErrorFormat(settings: Settings, flag: string | undefined): ErrorFormat {
  let value = flag;
  if (value === undefined) {
    try {
      value = settings.envOrProfile('AWS_CLI_ERROR_FORMAT', 'cli_error_format')?.toLowerCase();
    } catch {
      return 'legacy';
    }
  }
  return (ERROR_FORMATS as readonly string[]).includes(value ?? '') ? value as ErrorFormat : 'enhanced';
}

/**
 * The AWS CLI's main parser has a `command` positional that `cognito-idp` fills; cogsignout's
 * argv lacks that word, so it is put back for the main parser, whose positional then swallows a
 * `--` right after it exactly as the AWS CLI's does.
 */
/** Python's recursion limit ends alias loops; this ends them sooner, with its message. */
const MAX_ALIAS_DEPTH = 100;
const RECURSION = 'maximum recursion depth exceeded while calling a Python object';
const isCommand = (word: string): word is (typeof COMMANDS)[number] => (COMMANDS as readonly string[]).includes(word);
const MAIN_POSITIONALS: ParserSpec['positionals'] = [{ dest: 'command', nargs: 'one', choices: [SERVICE_WORD] }];

export interface RunOptions {
  /** Overrides the auto-prompt mode: 'off' when running a line the prompt produced. */
  readonly promptMode?: PromptMode;
  /** The first run of on-partial: parameter-validation errors end in 252 without a message. */
  readonly silenceParamValidation?: boolean;
}

export async function run(io: Io, options: RunOptions = {}): Promise<number> {
  const argv = [...io.argv];
  let errorFormat: ErrorFormat = 'enhanced';
  let debug = false;
  let colorFlag: string | undefined;
  let log: DebugLog = NO_DEBUG;
  const report = async (e: unknown): Promise<number> => options.silenceParamValidation && isSilencedInPartialMode(e) ? 252 : reportError(e, {
    prog: PROG,
    format: errorFormat,
    debug,
    color: colorFlag === 'on' || (colorFlag !== 'off' && io.stdout.isTTY),
    terminalWidth: io.stdout.isTTY ? io.stdout.columns ?? 80 : 80,
    redact: (text) => log.redact(text),
    writeErr: (s) => io.stderr.write(s),
    writeOut: (s) => io.stdout.write(s),
    errEncoding: io.env.AWS_CLI_OUTPUT_ENCODING,
    writeErrBytes: io.stderr.writeAllBytes && ((data) => { io.stderr.writeAllBytes?.(data).catch(() => {}); }),
  });

  try {
    // Shell completion's fast path: answered before any parsing, reading only the config files.
    if (argv[0] === '__complete') {
      const { runCompletion } = await import('../completion/index.js');
      return await runCompletion(io, argv);
    }

    // 1. The first pass only knows --profile and --debug; its errors have their own usage line.
    let first;
    try {
      first = parseKnownArgs(FIRST_PASS, argv);
    } catch (e) {
      if (e instanceof ArgparseError) throw new ParamValidationError(`${e.message}\n\nusage: ${PROG} [--profile PROFILE] [--debug]\n`);
      throw e;
    }
    debug = first.values.get('debug') === true;
    log = createDebugLog(debug, (text) => io.stderr.write(text), factoryOf(io).now);
    const logStart = (): void => {
      log.log('awscli.clidriver', `CLI version: ${versionLine(io.version, io.env)}`);
      log.log('awscli.clidriver', `Arguments entered to CLI: ${argvForLog(argv)}`);
    };
    // The AWS CLI logs these twice: once for the first pass, once when the driver starts.
    logStart();

    // The AWS CLI reads both files (the plugins section of the merged config) as it creates the
    // session: a file that does not parse fails before anything else, --version included.
    try {
      loadConfigFiles(io.env);
    } catch (e) {
      if (e instanceof ConfigParseError) throw new GeneralError(e.message);
      throw e;
    }

    // -h/--help: a deliberate difference, the AWS CLI rejects them (see README).
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

    // 3. The main parser: every global option wherever it is; the rest goes to the command.
    const mainParser = parserSpec(GLOBAL_OPTIONS, MAIN_POSITIONALS);
    let main;
    try {
      main = parseKnownArgs(mainParser, [SERVICE_WORD, ...argv]);
    } catch (e) {
      if (e instanceof VersionRequested) {
        io.stdout.write(`${versionLine(io.version, io.env)}\n`);
        return 0;
      }
      if (e instanceof ArgparseError) throw usageError(e);
      throw e;
    }
    let values = main.values;
    let globals = toGlobalArgs(values);
    debug = globals.debug;
    colorFlag = globals.color;
    logStart();
    errorFormat = configuredErrorFormat(settings, globals.errorFormat);

    // 4. Top-level argument checks, in the AWS CLI's order; the profile is set after them.
    // `--opt=--` leaves argparse's empty list, which each check trips over in Python's words.
    const topLevelChecks = async (vals: ReadonlyMap<string, ParsedValue>): Promise<CompiledQuery | undefined> => {
      const g = toGlobalArgs(vals);
      const isList = (dest: string): boolean => Array.isArray(vals.get(dest));
      if (isList('query')) throw new ParamValidationError("Bad value for --query []: unhashable type: 'list'");
      const compiled = g.query === undefined ? undefined : (await import('../output/query.js')).compileQuery(g.query);
      if (isList('endpoint-url')) checkEndpointFlag('[]');
      if (g.endpointUrl !== undefined) checkEndpointFlag(g.endpointUrl);
      for (const dest of ['cli-read-timeout', 'cli-connect-timeout']) {
        if (isList(dest)) throw new GeneralError("int() argument must be a string, a bytes-like object or a real number, not 'list'");
        const v = vals.get(dest);
        if (typeof v === 'string') pyInt(v);
      }
      return compiled;
    };
    let query = await topLevelChecks(values);
    if (globals.profile) settings = new Settings(io.env, globals.profile);
    errorFormat = configuredErrorFormat(settings, globals.errorFormat);
    checkOutputEncoding(io.env);
    // Session start: the configuration files are read (a syntax error in either is fatal).
    try {
      settings.configFiles();
    } catch (e) {
      if (e instanceof ConfigParseError) throw new GeneralError(e.message);
      throw e;
    }
    checkSessionSettings(settings, isValidEndpointUrl);
    if (Array.isArray(values.get('cli-binary-format')) || Array.isArray(values.get('region'))) {
      // Python's set lookup of the binary format, the region's regex check: both refuse a list.
      throw new GeneralError(Array.isArray(values.get('cli-binary-format')) ? "unhashable type: 'list'" : "expected string or bytes-like object, got 'list'");
    }
    const binaryFormat = settings.quietProfileValue('cli_binary_format');
    if (globals.binaryFormat === undefined && binaryFormat !== undefined && !['base64', 'raw-in-base64-out'].includes(binaryFormat)) {
      throw new GeneralError(`'${binaryFormat}'`);
    }

    /**
     * An internal alias: its words parsed by the main parser (after `prefix`), its global options
     * checked as on the command line and put over the command line's; the rest is returned.
     */
    const expandAlias = async (name: string, value: string, prefix: string[]): Promise<string[] | number> => {
      const words = aliasArgs(name, value);
      let parsed;
      try {
        parsed = parseKnownArgs(parserSpec(GLOBAL_OPTIONS, [{ dest: 'command', nargs: 'one', choices: mainChoices }]), [...prefix, ...words]);
      } catch (e) {
        if (e instanceof VersionRequested) {
          io.stdout.write(`${versionLine(io.version, io.env)}\n`);
          return 0;
        }
        if (e instanceof ArgparseError) throw usageError(e);
        throw e;
      }
      const given = new Set([...parsed.seen].filter((d) => d !== 'command'));
      checkAliasGlobals(name, given);
      const aliasQuery = await topLevelChecks(parsed.values);
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
    const toplevel = aliases.section('toplevel');
    const mainChoices = [SERVICE_WORD, ...[...toplevel.keys()].filter((k) => k !== SERVICE_WORD)];
    let aliasTarget = SERVICE_WORD;

    // A `[toplevel]` alias named `cognito-idp` stands in for the service itself. A second
    // `cognito-idp` where the command goes (an AWS CLI line with the program name swapped, after
    // the one put back for the main parser) is skipped.
    let words = withoutServiceWord(main.extras);
    for (let command = SERVICE_WORD, depth = 0; ; depth++) {
      if (depth > MAX_ALIAS_DEPTH) throw new GeneralError(RECURSION);
      const value = toplevel.get(command);
      if (value === undefined) {
        if (command !== SERVICE_WORD) throw new GeneralError(`cogsignout has no command "${command}" (an alias may only lead to ${SERVICE_WORD})`);
        break;
      }
      if (isExternal(value)) return await runExternalAlias(io, value, words);
      const expanded = await expandAlias(command, value, []);
      if (typeof expanded === 'number') return expanded;
      words = [...expanded, ...words];
      // An alias of `cognito-idp` that names `cognito-idp` means the real service.
      if (aliasTarget === command) break;
      command = aliasTarget;
    }

    // 5. The command name (the AWS CLI's operation position), where `help` and `completion` may
    // stand too: the first word that is not an option, as argparse would take it.
    const position = words.find((a) => !a.startsWith('-'));
    if (position === 'help') {
      const { showHelpCommand } = await import('../help/show.js');
      return await showHelpCommand(io, words.slice(words.indexOf('help') + 1));
    }
    if (position === 'completion') {
      const { runCompletion } = await import('../completion/index.js');
      return await runCompletion(io, words.slice(words.indexOf('completion')));
    }
    const serviceAliases = aliases.section(`command ${SERVICE_WORD}`);
    const operations: string[] = [...COMMANDS, ...[...serviceAliases.keys()].filter((k) => !isCommand(k))];
    let name: (typeof COMMANDS)[number] | undefined;
    let args: string[] = [];
    for (let depth = 0; name === undefined; depth++) {
      if (depth > MAX_ALIAS_DEPTH) throw new GeneralError(RECURSION);
      let service;
      try {
        service = parseKnownArgs({ options: [], positionals: [{ dest: 'operation', nargs: 'one', choices: operations }] }, words);
      } catch (e) {
        if (e instanceof ArgparseError) throw usageError(e);
        throw e;
      }
      const chosen = service.values.get('operation') as string;
      const value = serviceAliases.get(chosen);
      if (value === undefined) {
        name = chosen as (typeof COMMANDS)[number];
        args = service.extras;
        break;
      }
      if (isExternal(value)) return await runExternalAlias(io, value, service.extras);
      const expanded = await expandAlias(chosen, value, [SERVICE_WORD]);
      if (typeof expanded === 'number') return expanded;
      words = [...expanded, ...service.extras];
      // An alias named like an operation runs that operation, without the alias value's first word.
      if (isCommand(chosen)) {
        name = chosen;
        args = words.slice(1);
      }
    }

    // Aliases of the operation itself, found by a parser that knows its options and the alias names.
    const opAliases = aliases.section(`command ${SERVICE_WORD} ${name}`);
    for (let depth = 0; opAliases.size > 0 && !(args.length === 1 && args[0] === 'help'); depth++) {
      if (depth > MAX_ALIAS_DEPTH) throw new GeneralError(RECURSION);
      const spec = parserSpec(name === OPERATION ? SIGN_OUT_OPTIONS : BULK_OPTIONS,
        [{ dest: 'subcommand', nargs: 'optional', choices: [...opAliases.keys()] }]);
      for (const o of spec.options) o.required = false;
      let parsed;
      try {
        parsed = parseKnownArgs(spec, args);
      } catch (e) {
        if (e instanceof ArgparseError) throw usageError(e);
        throw e;
      }
      const sub = parsed.values.get('subcommand');
      if (typeof sub !== 'string') break;
      const rest = [...args];
      rest.splice(rest.indexOf(sub), 1);
      const value = opAliases.get(sub) as string;
      if (isExternal(value)) return await runExternalAlias(io, value, rest);
      const expanded = await expandAlias(sub, value, [SERVICE_WORD]);
      if (typeof expanded === 'number') return expanded;
      args = [...expanded, ...rest];
    }

    const runner = await COMMAND_RUNNERS[name]();
    return await runner(args, { io, globals, settings, errorFormat, query, log });
  } catch (e) {
    return report(e);
  }
}

/** AWS_CLI_OUTPUT_ENCODING must name a codec the AWS CLI (Python) knows. */
function checkOutputEncoding(env: Io['env']): void {
  const enc = env.AWS_CLI_OUTPUT_ENCODING;
  if (enc === undefined) return;
  if (decoderLabel(enc) === undefined) throw new GeneralError(`Unknown codec \`${enc}\` specified for AWS_CLI_OUTPUT_ENCODING.`);
}
