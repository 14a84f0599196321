// The AWS CLI's pipeline from argv to exit code, stage by stage in its order (which decides the
// error a user sees when several things are wrong): first-pass options, auto-prompt flags, the
// main parser with every global option, top-level argument checks, the configuration files,
// the command name, then the command itself. Every failure ends in reportError.
import { ArgparseError, parseKnownArgs, VersionRequested, type ParserSpec } from './argparse.js';
import { COMMANDS, ERROR_FORMATS, GLOBAL_OPTIONS, parserSpec, type ErrorFormat } from './vocabulary.js';
import { toGlobalArgs, type GlobalArgs } from './globals.js';
import type { Io } from './io.js';
import { ConfigParseError } from '../config/files.js';
import { Settings } from '../config/settings.js';
import { GeneralError, ParamValidationError, PROG, USAGE_BLOCK } from '../errors/errors.js';
import { reportError } from '../errors/report.js';
import { checkEndpointFlag } from '../transport/endpoint.js';
import { pyInt } from '../util/pyint.js';
import { decoderLabel } from '../util/codecs.js';
import type { CompiledQuery } from '../output/query.js';
import { createDebugLog, NO_DEBUG, type DebugLog } from '../diagnostics/debug-log.js';
import { argvForLog } from '../diagnostics/redact.js';
import { versionLine } from './version.js';
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

/** An argparse failure of the main or a command parser: message, blank line, usage block. */
export function usageError(e: ArgparseError): ParamValidationError {
  return new ParamValidationError(`${e.message}\n\n${USAGE_BLOCK(PROG)}`);
}

export interface CommandContext {
  readonly io: Io;
  readonly globals: GlobalArgs;
  readonly settings: Settings;
  /** The error format once the main parser has run (commands may not change it). */
  readonly errorFormat: ErrorFormat;
  /** --query, compiled (and so checked) before anything else happens. */
  readonly query: CompiledQuery | undefined;
  /** --debug's log (a no-op without --debug); it redacts secrets. */
  readonly log: DebugLog;
}

export type CommandRunner = (args: string[], ctx: CommandContext) => Promise<number>;

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
const SERVICE_WORD = 'cognito-idp';
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
    log = createDebugLog(debug, (text) => io.stderr.write(text));
    const logStart = (): void => {
      log.log('awscli.clidriver', `CLI version: ${versionLine(io.version, io.env)}`);
      log.log('awscli.clidriver', `Arguments entered to CLI: ${argvForLog(argv)}`);
    };
    // The AWS CLI logs these twice: once for the first pass, once when the driver starts.
    logStart();

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

    // 3. The main parser: every global option wherever it is; the rest goes to the command.
    let main;
    try {
      main = parseKnownArgs(parserSpec(GLOBAL_OPTIONS, MAIN_POSITIONALS), [SERVICE_WORD, ...argv]);
    } catch (e) {
      if (e instanceof VersionRequested) {
        io.stdout.write(`${versionLine(io.version, io.env)}\n`);
        return 0;
      }
      if (e instanceof ArgparseError) throw usageError(e);
      throw e;
    }
    const globals = toGlobalArgs(main.values);
    debug = globals.debug;
    colorFlag = globals.color;
    logStart();
    errorFormat = configuredErrorFormat(settings, globals.errorFormat);

    // 4. Top-level argument checks, in the AWS CLI's order; the profile is set after them.
    const query = globals.query === undefined ? undefined : (await import('../output/query.js')).compileQuery(globals.query);
    if (globals.endpointUrl !== undefined) checkEndpointFlag(globals.endpointUrl);
    if (globals.readTimeout !== undefined) pyInt(globals.readTimeout);
    if (globals.connectTimeout !== undefined) pyInt(globals.connectTimeout);
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
    const binaryFormat = settings.quietProfileValue('cli_binary_format');
    if (globals.binaryFormat === undefined && binaryFormat !== undefined && !['base64', 'raw-in-base64-out'].includes(binaryFormat)) {
      throw new GeneralError(`'${binaryFormat}'`);
    }

    // 5. The command name (the AWS CLI's operation position), where `help` and `completion` may
    // stand too: the first word that is not an option, as argparse would take it.
    const position = main.extras.find((a) => !a.startsWith('-'));
    if (position === 'help') {
      const { showHelpCommand } = await import('../help/show.js');
      return await showHelpCommand(io, main.extras.slice(main.extras.indexOf('help') + 1));
    }
    if (position === 'completion') {
      const { runCompletion } = await import('../completion/index.js');
      return await runCompletion(io, main.extras.slice(main.extras.indexOf('completion')));
    }
    let service;
    try {
      service = parseKnownArgs({ options: [], positionals: [{ dest: 'operation', nargs: 'one', choices: COMMANDS }] }, main.extras);
    } catch (e) {
      if (e instanceof ArgparseError) throw usageError(e);
      throw e;
    }
    const name = service.values.get('operation') as (typeof COMMANDS)[number];
    const runner = await COMMAND_RUNNERS[name]();
    return await runner(service.extras, { io, globals, settings, errorFormat, query, log });
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
