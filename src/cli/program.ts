// commander's view of the vocabulary table: the Option objects that help, completion and the
// prompt describe. Parsing follows argparse's rules instead (argparse.ts over the same table),
// because the AWS CLI's prefix matching, error order and layered parsers are not commander's.
import { Option } from 'commander';
import { BULK_OPTIONS, GLOBAL_OPTIONS, SIGN_OUT_OPTIONS, type OptionDecl } from './vocabulary.js';

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
