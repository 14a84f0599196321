// The commander command tree, built from the vocabulary table: what help, completion and the
// prompt describe. Parsing follows argparse's rules instead (argparse.ts over the same table),
// because the AWS CLI's prefix matching, error order and layered parsers are not commander's.
import { Command, Option } from 'commander';
import type { ParserSpec } from './argparse.js';
import {
  BULK, BULK_OPTIONS, GLOBAL_OPTIONS, OPERATION, SIGN_OUT_OPTIONS, parserSpec, type OptionDecl,
} from './vocabulary.js';

export * from './vocabulary.js';

function toOption(d: OptionDecl): Option {
  const o = new Option(d.flags, d.description);
  if (d.choices) o.choices(d.choices);
  if (d.preset !== undefined) o.preset(d.preset);
  if (d.mandatory) o.makeOptionMandatory();
  return o;
}

/** Global options in the AWS CLI's definition order. */
export function globalOptions(): Option[] {
  return GLOBAL_OPTIONS.map(toOption);
}

/** The options of `admin-user-global-sign-out`. */
export function signOutOptions(): Option[] {
  return SIGN_OUT_OPTIONS.map(toOption);
}

/** The options of `bulk-sign-out`. */
export function bulkSignOutOptions(): Option[] {
  return BULK_OPTIONS.map(toOption);
}

export function buildProgram(): Command {
  const program = new Command('cogsignout');
  for (const o of globalOptions()) program.addOption(o);
  const op = new Command(OPERATION).description('Signs a user out of every device by revoking their tokens.');
  for (const o of signOutOptions()) op.addOption(o);
  program.addCommand(op);
  const bulk = new Command(BULK).description('Signs many users out, safely and resumably (for incidents).');
  for (const o of bulkSignOutOptions()) bulk.addOption(o);
  program.addCommand(bulk);
  return program;
}

/** The argparse view of commander options (for code that holds commander objects). */
export function toParserSpec(options: readonly Option[], positionals: ParserSpec['positionals'] = []): ParserSpec {
  return parserSpec(options.map((o) => ({
    flags: o.flags,
    description: o.description,
    ...(o.argChoices ? { choices: o.argChoices } : {}),
    ...(typeof o.presetArg === 'string' ? { preset: o.presetArg } : {}),
    mandatory: o.mandatory,
  })), positionals);
}
