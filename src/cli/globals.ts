// The global options as the main parser leaves them, under names the rest of the program uses.
import type { ParsedValue } from './argparse.js';

export interface GlobalArgs {
  readonly debug: boolean;
  readonly endpointUrl: string | undefined;
  readonly noVerifySsl: boolean;
  readonly noPaginate: boolean;
  readonly output: string | undefined;
  readonly query: string | undefined;
  readonly profile: string | undefined;
  readonly region: string | undefined;
  readonly color: string | undefined;
  readonly noSignRequest: boolean;
  readonly caBundle: string | undefined;
  readonly readTimeout: string | undefined;
  readonly connectTimeout: string | undefined;
  readonly binaryFormat: string | undefined;
  readonly noCliPager: boolean;
  readonly autoPrompt: boolean;
  readonly noAutoPrompt: boolean;
  readonly errorFormat: string | undefined;
  /** Options given as `--opt=--`: argparse stored an empty list, which Python code later trips over. */
  readonly emptyLists: ReadonlySet<string>;
}

export function toGlobalArgs(values: ReadonlyMap<string, ParsedValue>): GlobalArgs {
  const str = (k: string): string | undefined => {
    const v = values.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const flag = (k: string): boolean => values.get(k) === true;
  return {
    debug: flag('debug'),
    endpointUrl: str('endpoint-url'),
    noVerifySsl: flag('no-verify-ssl'),
    noPaginate: flag('no-paginate'),
    output: str('output'),
    query: str('query'),
    profile: str('profile'),
    region: str('region'),
    color: str('color'),
    noSignRequest: flag('no-sign-request'),
    caBundle: str('ca-bundle'),
    readTimeout: str('cli-read-timeout'),
    connectTimeout: str('cli-connect-timeout'),
    binaryFormat: str('cli-binary-format'),
    noCliPager: flag('no-cli-pager'),
    autoPrompt: flag('cli-auto-prompt'),
    noAutoPrompt: flag('no-cli-auto-prompt'),
    errorFormat: str('cli-error-format'),
    emptyLists: new Set([...values].filter(([, v]) => Array.isArray(v)).map(([k]) => k)),
  };
}
