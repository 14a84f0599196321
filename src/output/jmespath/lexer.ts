// The tokenizer of jmespath.py (the JMESPath library the AWS CLI uses), reproduced so that
// --query fails with the same messages at the same positions. Literals are parsed with
// Python's json.loads semantics into the output value model.
import { JsonDecodeError, parseJson } from '../../python/json-parse.js';
import { PythonError } from '../../python/builtins.js';
import { pyLstrip } from '../../python/unicode.js';
import type { PyValue } from '../../python/value.js';
import { emptyExpressionError, lexerError } from './errors.js';

export type TokenType =
  | 'dot' | 'star' | 'rbracket' | 'comma' | 'colon' | 'current' | 'lparen' | 'rparen' | 'lbrace' | 'rbrace'
  | 'unquoted_identifier' | 'quoted_identifier' | 'number' | 'literal' | 'flatten' | 'filter' | 'lbracket'
  | 'or' | 'pipe' | 'and' | 'expref' | 'lte' | 'lt' | 'gte' | 'gt' | 'ne' | 'not' | 'eq' | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Identifier name, raw token text, the literal's value or the number (an int). */
  readonly value: PyValue;
  /** Code point offset in the expression. */
  readonly start: number;
}

const SIMPLE: Readonly<Record<string, TokenType>> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};

const isIdentStart = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z_]$/.test(c);
const isIdentChar = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_]$/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * How deep a `literal` may nest under the AWS CLI: json.loads runs with the frames of the CLI,
 * jmespath.compile and the lexer on the stack, and Python's recursion limit (1000) leaves the
 * scanner this many containers (recorded: test/fixtures/query-sweep-recordings.json).
 */
export const LITERAL_MAX_DEPTH = 975;

/**
 * json.loads, where only ValueError (a JSON error, an oversized int) means "not JSON"; a
 * RecursionError goes on up, and the AWS CLI reports it as a bad --query.
 */
function loadsOrUndefined(text: string): { value: PyValue } | { error: PythonError } {
  try {
    return { value: parseJson(text, LITERAL_MAX_DEPTH) };
  } catch (e) {
    if (e instanceof PythonError && e.pyType !== 'RecursionError') return { error: e };
    throw e;
  }
}

export function tokenize(expression: string): Token[] {
  if (expression === '') throw emptyExpressionError();
  const chars = Array.from(expression);
  const length = chars.length;
  const tokens: Token[] = [];
  let pos = 0;
  const cur = (): string | undefined => chars[pos];
  // jmespath.py's _next(): at the last character it does not advance, it only reports the end.
  let atEnd = false;
  const next = (): string | undefined => {
    if (pos === length - 1) {
      atEnd = true;
      return undefined;
    }
    pos++;
    return chars[pos];
  };
  const current = (): string | undefined => (atEnd ? undefined : cur());

  const consumeUntil = (delimiter: string): string => {
    const start = pos;
    let buff = '';
    next();
    while (current() !== delimiter) {
      if (current() === '\\') {
        buff += '\\';
        next();
      }
      const c = current();
      if (c === undefined) throw lexerError(expression, start, `Unclosed ${delimiter} delimiter`);
      buff += c;
      next();
    }
    next();
    return buff;
  };

  const consumeNumber = (): string => {
    let buff = current() as string;
    while (isDigit(next())) buff += current() as string;
    return buff;
  };

  const matchOrElse = (expected: string, matchType: TokenType, elseType: TokenType): Token => {
    const start = pos;
    const c = current() as string;
    const n = next();
    if (n === expected) {
      next();
      return { type: matchType, value: c + n, start };
    }
    return { type: elseType, value: c, start };
  };

  while (current() !== undefined) {
    const c = current() as string;
    const simple = SIMPLE[c];
    if (simple !== undefined) {
      tokens.push({ type: simple, value: c, start: pos });
      next();
    } else if (isIdentStart(c)) {
      const start = pos;
      let buff = c;
      while (isIdentChar(next())) buff += current() as string;
      tokens.push({ type: 'unquoted_identifier', value: buff, start });
    } else if (isWs(c)) {
      next();
    } else if (c === '[') {
      const start = pos;
      const n = next();
      if (n === ']') {
        next();
        tokens.push({ type: 'flatten', value: '[]', start });
      } else if (n === '?') {
        next();
        tokens.push({ type: 'filter', value: '[?', start });
      } else {
        tokens.push({ type: 'lbracket', value: '[', start });
      }
    } else if (c === "'") {
      const start = pos;
      const lexeme = consumeUntil("'").replaceAll("\\'", "'");
      tokens.push({ type: 'literal', value: lexeme, start });
    } else if (c === '|') {
      tokens.push(matchOrElse('|', 'or', 'pipe'));
    } else if (c === '&') {
      tokens.push(matchOrElse('&', 'and', 'expref'));
    } else if (c === '`') {
      const start = pos;
      const lexeme = consumeUntil('`').replaceAll('\\`', '`');
      let parsed = loadsOrUndefined(lexeme);
      // Not JSON: jmespath.py still accepts it as a string (the deprecated JEP-12 form).
      if ('error' in parsed) parsed = loadsOrUndefined(`"${pyLstrip(lexeme)}"`);
      if ('error' in parsed) throw lexerError(expression, start, `Bad token ${lexeme}`);
      tokens.push({ type: 'literal', value: parsed.value, start });
    } else if (isDigit(c)) {
      const start = pos;
      tokens.push({ type: 'number', value: BigInt(consumeNumber()), start });
    } else if (c === '-') {
      const start = pos;
      const buff = consumeNumber();
      if (buff.length > 1) tokens.push({ type: 'number', value: BigInt(buff), start });
      else throw lexerError(expression, start, `Unknown token '${buff}'`);
    } else if (c === '"') {
      const start = pos;
      const lexeme = `"${consumeUntil('"')}"`;
      let value: PyValue;
      try {
        value = parseJson(lexeme);
      } catch (e) {
        if (e instanceof JsonDecodeError) throw lexerError(expression, start, e.message.split(':')[0] as string);
        throw e;
      }
      tokens.push({ type: 'quoted_identifier', value, start });
    } else if (c === '<') {
      tokens.push(matchOrElse('=', 'lte', 'lt'));
    } else if (c === '>') {
      tokens.push(matchOrElse('=', 'gte', 'gt'));
    } else if (c === '!') {
      tokens.push(matchOrElse('=', 'ne', 'not'));
    } else if (c === '=') {
      if (next() === '=') {
        tokens.push({ type: 'eq', value: '==', start: pos - 1 });
        next();
      } else {
        // At the end jmespath.py never advanced, so it does not step back either.
        const position = current() === undefined ? pos : pos - 1;
        throw lexerError(expression, position, "Unknown token '='");
      }
    } else {
      throw lexerError(expression, pos, `Unknown token ${c}`);
    }
  }
  tokens.push({ type: 'eof', value: '', start: length });
  return tokens;
}
