// Python's int() of a string, with its error message: the AWS CLI converts timeouts and
// max_attempts this way and shows the ValueError's text as is. Like Python, any Unicode decimal
// digit counts (`٣` is 3, `１０` is 10) and any Unicode whitespace around the number is skipped.
import { GeneralError } from '../errors/errors.js';
import { strRepr } from './builtins.js';
import { isPyWhitespace } from './unicode.js';
import { onFirstUse } from '../util/first-use.js';

// Made on first use: a Unicode property class makes V8 read ICU's tables (~0.4 ms), which every
// start would pay, as the module is set up by every run and the text is nearly always ASCII.
const decimal = onFirstUse(() => /^\p{Nd}$/u);

/** A decimal digit's value: Unicode puts each set of ten in a row from its zero (some sets abut). */
function digitValue(cp: number): number {
  let start = cp;
  while (decimal().test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/** int(text) exactly, for its repr: past 2^53 a number would print another value than Python. */
export function pyBigInt(text: string): bigint {
  let ascii = '';
  // CPython's order: ASCII stays as it is (so \x1c-\x1f are not spaces here, unlike str.strip),
  // other whitespace becomes a space, other digits ASCII digits, and then ASCII spaces are skipped.
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    ascii += cp < 0x80 ? ch : isPyWhitespace(ch) ? ' ' : decimal().test(ch) ? String(digitValue(cp)) : '?';
  }
  if (!/^[ \t\n\v\f\r]*[+-]?[0-9]+(_[0-9]+)*[ \t\n\v\f\r]*$/.test(ascii)) throw new GeneralError(`invalid literal for int() with base 10: ${strRepr(text)}`);
  return BigInt(ascii.replace(/[_ \t\n\v\f\r]/g, ''));
}

export function pyInt(text: string): number {
  return Number(pyBigInt(text));
}
