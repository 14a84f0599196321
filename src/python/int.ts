// Python's int() of a string, with its error message: the AWS CLI converts timeouts and
// max_attempts this way and shows the ValueError's text as is.
import { GeneralError } from '../errors/errors.js';
import { strRepr } from './builtins.js';

export function pyInt(text: string): number {
  const t = text.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(t)) throw new GeneralError(`invalid literal for int() with base 10: ${strRepr(text)}`);
  return Number(t.replace(/_/g, ''));
}
