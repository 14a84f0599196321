// Python's shlex.split, which the AWS CLI uses to split pager commands (and we use for the
// prompt's command line): POSIX mode, no comments, and only shlex's own whitespace (space, tab,
// CR, LF) between words: a no-break space or a form feed is part of a word, as in Python.
import { PythonError } from '../python/builtins.js';

/** Python's shlex.split (POSIX mode, no comments); undefined for an unclosed quote. */
export function shellSplit(command: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined; else word += c;
    } else if (quote === '"') {
      if (c === '"') {
        quote = undefined;
      } else if (c === '\\' && i + 1 < command.length && ['"', '\\'].includes(command[i + 1] as string)) {
        word += command[++i];
      } else {
        word += c;
      }
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      // A trailing backslash is an error to shlex ("No escaped character").
      if (i + 1 >= command.length) return undefined;
      word += command[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== undefined) return undefined;
  if (inWord) words.push(word);
  return words;
}

/** The ValueError shlex.split raises for a command shellSplit refuses, else undefined. */
export function shellSplitError(command: string): string | undefined {
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === '\\') {
      // Outside quotes and inside double quotes a backslash takes the next character, whatever it is.
      if (i + 1 >= command.length) return 'No escaped character';
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
    }
  }
  return quote === undefined ? undefined : 'No closing quotation';
}

/** shlex.split as the AWS CLI meets it: a command it cannot split is its ValueError. */
export function shlexSplit(command: string): string[] {
  const words = shellSplit(command);
  if (words === undefined) throw new PythonError('ValueError', shellSplitError(command) ?? 'No closing quotation');
  return words;
}
