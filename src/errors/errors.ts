// The kinds of failure the AWS CLI distinguishes, each with its exit code. Everything that can go
// wrong is thrown as one of these and turned into output in exactly one place (report.ts).

/** The program name, where the AWS CLI prints `aws`. */
export const PROG = 'cogsignout';

export const USAGE_BLOCK = (prog: string): string =>
  `usage: ${prog} [options] <command> <subcommand> [<subcommand> ...] [parameters]\n` +
  'To see help text, you can run:\n\n' +
  `  ${prog} help\n  ${prog} <command> help\n  ${prog} <command> <subcommand> help\n`;

type Tagged = { readonly tag?: string };

/**
 * The root of our errors, caught and reported in one place (report.ts). There is one copy of
 * this class at run time, whichever bundle throws (the build links the bundles to one instance
 * of each module, see scripts/build.mjs), so a plain `instanceof` knows every error.
 */
export abstract class CliError extends Error {
  static readonly tag: string = 'CliError';
  abstract readonly exitCode: number;

  constructor(message?: string) {
    super(message);
    // The class's tag, which survives bundling (class names may not), names the error in traces.
    this.name = Object.hasOwn(new.target, 'tag') ? (new.target as Tagged).tag as string : new.target.name;
  }
}

/** An error with a code that --cli-error-format can render as a document (ParamValidation, NoRegion, …). */
export abstract class StructuredError extends CliError {
  static override readonly tag: string = 'StructuredError';
  abstract readonly code: string;
}

/** 252: argparse errors, bad parameter values, client-side validation. */
export class ParamValidationError extends StructuredError {
  static override readonly tag: string = 'ParamValidationError';
  readonly exitCode = 252;
  readonly code = 'ParamValidation';
}

/** 252, printed after the usage block and never structured. */
export class UnknownArgumentError extends CliError {
  static override readonly tag: string = 'UnknownArgumentError';
  readonly exitCode = 252;
}

/**
 * The AWS CLI's own command that sets up the files cogsignout reads: hints name it as the AWS CLI
 * does, not with cogsignout's name, because cogsignout has no `configure` or `login` command.
 */
const AWS_CLI = 'aws';

export class NoRegionError extends StructuredError {
  static override readonly tag: string = 'NoRegionError';
  readonly exitCode = 253;
  readonly code = 'NoRegion';
  constructor() {
    super(`You must specify a region. You can also configure your region by running "${AWS_CLI} configure".`);
  }
}

export class NoCredentialsError extends StructuredError {
  static override readonly tag: string = 'NoCredentialsError';
  readonly exitCode = 253;
  readonly code = 'NoCredentials';
  constructor() {
    super(`Unable to locate credentials. You can configure credentials by running "${AWS_CLI} login".`);
  }
}

export class PagerError extends StructuredError {
  static override readonly tag: string = 'PagerError';
  readonly exitCode = 253;
  readonly code = 'Pager';
}

/** 253: a configuration value the AWS CLI refuses by itself (its ConfigurationError). */
export class ConfigurationError extends StructuredError {
  static override readonly tag: string = 'ConfigurationError';
  readonly exitCode = 253;
  readonly code = 'Configuration';
}

/** 254: the service answered with an error (after retries). */
export class ServiceError extends CliError {
  static override readonly tag: string = 'ServiceError';
  readonly exitCode = 254;
  constructor(
    readonly code: string,
    readonly serviceMessage: string,
    readonly operation: string,
    /** Modeled members of the error shape present in the response (`message` included), in model order. */
    readonly fields: ReadonlyArray<readonly [string, unknown]>,
    /** Retries made when the attempt limit stopped a retryable error (botocore's suffix), else undefined. */
    readonly maxRetriesReached: number | undefined,
    /** The message as the service sent it, when it is not a string (json and yaml print it as is). */
    readonly messageValue: unknown = serviceMessage,
  ) {
    const suffix = maxRetriesReached === undefined ? '' : ` (reached max retries: ${maxRetriesReached})`;
    super(`An error occurred (${code}) when calling the ${operation} operation${suffix}: ${serviceMessage}`);
  }
}

/**
 * 254: botocore's ClientError for a 300 answer, which its parser read as a success (only 301 and
 * up are error answers there) and its client then raises (300 and up): the response holds no
 * `Error`, so code and message are "Unknown" and every error format prints this one line.
 */
export class ErrorlessServiceError extends CliError {
  static override readonly tag: string = 'ErrorlessServiceError';
  readonly exitCode = 254;
  constructor(operation: string, maxRetriesReached: number | undefined) {
    const suffix = maxRetriesReached === undefined ? '' : ` (reached max retries: ${maxRetriesReached})`;
    super(`An error occurred (Unknown) when calling the ${operation} operation${suffix}: Unknown`);
  }
}

/** botocore's exception class for a failed HTTP attempt (client-side monitoring names it). */
export type BotocoreError = 'HTTPClientError' | 'SSLError' | 'ProxyConnectionError' | 'EndpointConnectionError'
  | 'ConnectTimeoutError' | 'ReadTimeoutError' | 'ConnectionClosedError';

/** 255: everything else (connection failures, bad configuration values, …). */
export class GeneralError extends CliError {
  static override readonly tag: string = 'GeneralError';
  readonly exitCode = 255;
  /** A failed HTTP attempt's: the exception botocore raises for it, whose words the message carries. */
  declare readonly botocoreError?: BotocoreError;

  constructor(message?: string, botocoreError?: BotocoreError) {
    super(message);
    // Not enumerable: the error prints, and compares, as its message alone.
    if (botocoreError !== undefined) Object.defineProperty(this, 'botocoreError', { value: botocoreError });
  }
}

/** 130: Ctrl-C. */
export class InterruptedError extends CliError {
  static override readonly tag: string = 'InterruptedError';
  readonly exitCode = 130;
}

/**
 * 1: what the AWS CLI's Python dies of before its handlers can speak (a codec whose every write
 * fails): `message` is Python's own stderr, written as it is.
 */
export class PythonDiedError extends CliError {
  static override readonly tag: string = 'PythonDiedError';
  readonly exitCode = 1;
}
