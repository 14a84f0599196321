// jmespath.py's Pratt parser, reproduced for its error messages and for its tree: the same
// binding powers, the same nud/led decisions and the same quirks (`f(a b)` is `f(a, b)`,
// arity is only checked when the function runs).
import { PythonError, pyStr } from '../../python/builtins.js';
import type { PyValue } from '../../python/value.js';
import { incompleteError, parseError } from './errors.js';
import { tokenize, type Token, type TokenType } from './lexer.js';

export type Comparator = 'eq' | 'ne' | 'lt' | 'gt' | 'lte' | 'gte';

export type Node =
  | { readonly type: 'literal'; readonly value: PyValue }
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'subexpression'; readonly children: Node[] }
  | { readonly type: 'index_expression'; readonly children: Node[] }
  | { readonly type: 'index'; readonly index: bigint }
  | { readonly type: 'slice'; readonly start: bigint | null; readonly stop: bigint | null; readonly step: bigint | null }
  | { readonly type: 'identity' }
  | { readonly type: 'current' }
  | { readonly type: 'projection'; readonly left: Node; readonly right: Node }
  | { readonly type: 'value_projection'; readonly left: Node; readonly right: Node }
  | { readonly type: 'filter_projection'; readonly left: Node; readonly right: Node; readonly condition: Node }
  | { readonly type: 'flatten'; readonly child: Node }
  | { readonly type: 'multi_select_list'; readonly children: Node[] }
  | { readonly type: 'multi_select_dict'; readonly pairs: Array<{ readonly key: string; readonly node: Node }> }
  | { readonly type: 'comparator'; readonly op: Comparator; readonly left: Node; readonly right: Node }
  | { readonly type: 'or'; readonly left: Node; readonly right: Node }
  | { readonly type: 'and'; readonly left: Node; readonly right: Node }
  | { readonly type: 'not'; readonly child: Node }
  | { readonly type: 'pipe'; readonly left: Node; readonly right: Node }
  | { readonly type: 'function'; readonly name: string; readonly args: Node[] }
  | { readonly type: 'expref'; readonly child: Node };

const BINDING_POWER: Readonly<Record<TokenType, number>> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  gte: 5,
  lte: 5,
  ne: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};

/** Tokens with a binding power below this end a projection. */
const PROJECTION_STOP = 10;

const IDENTITY: Node = { type: 'identity' };

/** A Python list of strings as repr() prints it, for "Expecting: [...]" messages. */
const pyList = (items: readonly string[]): string => `[${items.map((s) => `'${s}'`).join(', ')}]`;

/**
 * Python's recursion limit, as jmespath.py's parser meets it under the AWS CLI: the frames on the
 * stack when _parse() runs (the CLI's, jmespath.compile, Parser.parse, _do_parse, _parse), and
 * the limit past which a call raises RecursionError. Calibrated on the AWS CLI's own thresholds
 * (test/fixtures/query-sweep-recordings.json).
 */
const PARSE_BASE_FRAMES = 19;
const RECURSION_LIMIT = 1000;

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  /** The Python frames jmespath.py's parser would have on the stack here. */
  depth = PARSE_BASE_FRAMES;

  constructor(private readonly expression: string) {
    this.tokens = tokenize(expression);
  }

  parse(): Node {
    const node = this.expr(0);
    if (this.currentType() !== 'eof') {
      const t = this.lookaheadToken(0);
      throw parseError(this.expression, t.start, t.value, t.type, `Unexpected token: ${pyStr(t.value)}`);
    }
    return node;
  }

  private currentType(): TokenType {
    return this.lookaheadToken(0).type;
  }

  private lookahead(n: number): TokenType {
    return this.lookaheadToken(n).type;
  }

  private lookaheadToken(n: number): Token {
    // Python indexes from the end for negative offsets; the parser only looks back past
    // tokens it has consumed, so the index is never negative here.
    return this.tokens[this.index + n] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private advance(): void {
    this.index++;
  }

  private errorFor(token: Token, reason: string): never {
    throw parseError(this.expression, token.start, token.value, token.type, reason);
  }

  private errorMaybeEof(expected: string, token: Token): never {
    if (token.type === 'eof') throw incompleteError(this.expression);
    this.errorFor(token, `Expecting: ${expected}, got: ${token.type}`);
  }

  private match(type: TokenType): void {
    if (this.currentType() === type) this.advance();
    else this.errorMaybeEof(type, this.lookaheadToken(0));
  }

  private matchOneOf(types: readonly TokenType[]): void {
    if (!types.includes(this.currentType())) this.errorMaybeEof(pyList(types), this.lookaheadToken(0));
    this.advance();
  }

  private expr(bindingPower: number): Node {
    const leftToken = this.lookaheadToken(0);
    this.advance();
    let left = this.nud(leftToken);
    let current = this.currentType();
    while (bindingPower < BINDING_POWER[current]) {
      const token = this.lookaheadToken(0);
      if (!LED_TOKENS.has(current)) this.errorFor(token, 'invalid token');
      this.advance();
      left = this.led(current, left);
      current = this.currentType();
    }
    return left;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal':
        return { type: 'literal', value: token.value };
      case 'unquoted_identifier':
        return { type: 'field', name: token.value as string };
      case 'quoted_identifier': {
        if (this.currentType() === 'lparen') {
          const t = this.lookaheadToken(0);
          throw parseError(this.expression, 0, t.value, t.type, 'Quoted identifier not allowed for function names.');
        }
        return { type: 'field', name: token.value as string };
      }
      case 'star': {
        const right = this.currentType() === 'rbracket' ? IDENTITY : this.projectionRhs(BINDING_POWER.star);
        return { type: 'value_projection', left: IDENTITY, right };
      }
      case 'filter':
        return this.ledFilter(IDENTITY);
      case 'lbrace':
        return this.multiSelectDict();
      case 'lparen': {
        const inner = this.expr(0);
        this.match('rparen');
        return inner;
      }
      case 'flatten':
        return {
          type: 'projection',
          left: { type: 'flatten', child: IDENTITY },
          right: this.projectionRhs(BINDING_POWER.flatten),
        };
      case 'not':
        return { type: 'not', child: this.expr(BINDING_POWER.not) };
      case 'lbracket': {
        const t = this.currentType();
        if (t === 'number' || t === 'colon') return this.projectIfSlice(IDENTITY, this.indexExpression());
        if (t === 'star' && this.lookahead(1) === 'rbracket') {
          this.advance();
          this.advance();
          return { type: 'projection', left: IDENTITY, right: this.projectionRhs(BINDING_POWER.star) };
        }
        return this.multiSelectList();
      }
      case 'current':
        return { type: 'current' };
      case 'expref':
        return { type: 'expref', child: this.expr(BINDING_POWER.expref) };
      case 'eof':
        throw incompleteError(this.expression);
      default:
        this.errorFor(token, 'invalid token');
    }
  }

  private led(type: TokenType, left: Node): Node {
    switch (type) {
      case 'dot': {
        if (this.currentType() !== 'star') {
          const right = this.dotRhs(BINDING_POWER.dot);
          if (left.type === 'subexpression') {
            left.children.push(right);
            return left;
          }
          return { type: 'subexpression', children: [left, right] };
        }
        this.advance();
        return { type: 'value_projection', left, right: this.projectionRhs(BINDING_POWER.dot) };
      }
      case 'pipe':
        return { type: 'pipe', left, right: this.expr(BINDING_POWER.pipe) };
      case 'or':
        return { type: 'or', left, right: this.expr(BINDING_POWER.or) };
      case 'and':
        return { type: 'and', left, right: this.expr(BINDING_POWER.and) };
      case 'lparen': {
        if (left.type !== 'field') {
          const prev = this.tokens[this.index - 2] as Token;
          throw parseError(this.expression, prev.start, prev.value, prev.type, `Invalid function name '${pyStr(prev.value)}'`);
        }
        const args: Node[] = [];
        while (this.currentType() !== 'rparen') {
          const arg = this.expr(0);
          if (this.currentType() === 'comma') this.match('comma');
          args.push(arg);
        }
        this.match('rparen');
        return { type: 'function', name: left.name, args };
      }
      case 'filter': {
        // Python's _token_led_filter is this led itself, one frame, not two.
        this.depth--;
        const node = this.ledFilter(left);
        this.depth++;
        return node;
      }
      case 'eq':
      case 'ne':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        // _token_led_<op> calls _parse_comparator, which parses the right side: one frame more.
        enterFrame(this, 1);
        const node: Node = { type: 'comparator', op: type, left, right: this.expr(BINDING_POWER[type]) };
        this.depth--;
        return node;
      }
      case 'flatten':
        return {
          type: 'projection',
          left: { type: 'flatten', child: left },
          right: this.projectionRhs(BINDING_POWER.flatten),
        };
      case 'lbracket': {
        const t = this.currentType();
        if (t === 'number' || t === 'colon') {
          const right = this.indexExpression();
          if (left.type === 'index_expression') {
            left.children.push(right);
            return left;
          }
          return this.projectIfSlice(left, right);
        }
        this.match('star');
        this.match('rbracket');
        return { type: 'projection', left, right: this.projectionRhs(BINDING_POWER.star) };
      }
      default:
        throw new Error(`no led for ${type}`);
    }
  }

  private ledFilter(left: Node): Node {
    const condition = this.expr(0);
    this.match('rbracket');
    const right = this.currentType() === 'flatten' ? IDENTITY : this.projectionRhs(BINDING_POWER.filter);
    return { type: 'filter_projection', left, right, condition };
  }

  private indexExpression(): Node {
    if (this.lookahead(0) === 'colon' || this.lookahead(1) === 'colon') return this.sliceExpression();
    const node: Node = { type: 'index', index: this.lookaheadToken(0).value as bigint };
    this.advance();
    this.match('rbracket');
    return node;
  }

  private sliceExpression(): Node {
    const parts: Array<bigint | null> = [null, null, null];
    let i = 0;
    let current = this.currentType();
    while (current !== 'rbracket' && i < 3) {
      if (current === 'colon') {
        i++;
        if (i === 3) this.errorFor(this.lookaheadToken(0), 'syntax error');
        this.advance();
      } else if (current === 'number') {
        parts[i] = this.lookaheadToken(0).value as bigint;
        this.advance();
      } else {
        this.errorFor(this.lookaheadToken(0), 'syntax error');
      }
      current = this.currentType();
    }
    this.match('rbracket');
    return { type: 'slice', start: parts[0] ?? null, stop: parts[1] ?? null, step: parts[2] ?? null };
  }

  private projectIfSlice(left: Node, right: Node): Node {
    const indexExpr: Node = { type: 'index_expression', children: [left, right] };
    if (right.type === 'slice') return { type: 'projection', left: indexExpr, right: this.projectionRhs(BINDING_POWER.star) };
    return indexExpr;
  }

  private multiSelectList(): Node {
    const children: Node[] = [];
    for (;;) {
      children.push(this.expr(0));
      if (this.currentType() === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return { type: 'multi_select_list', children };
  }

  private multiSelectDict(): Node {
    const pairs: Array<{ key: string; node: Node }> = [];
    for (;;) {
      const keyToken = this.lookaheadToken(0);
      this.matchOneOf(['quoted_identifier', 'unquoted_identifier']);
      this.match('colon');
      pairs.push({ key: keyToken.value as string, node: this.expr(0) });
      if (this.currentType() === 'comma') this.match('comma');
      else if (this.currentType() === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
    return { type: 'multi_select_dict', pairs };
  }

  private projectionRhs(bindingPower: number): Node {
    const t = this.currentType();
    if (BINDING_POWER[t] < PROJECTION_STOP) return IDENTITY;
    if (t === 'lbracket' || t === 'filter') return this.expr(bindingPower);
    if (t === 'dot') {
      this.match('dot');
      return this.dotRhs(bindingPower);
    }
    this.errorFor(this.lookaheadToken(0), 'syntax error');
  }

  private dotRhs(bindingPower: number): Node {
    const t = this.currentType();
    if (t === 'quoted_identifier' || t === 'unquoted_identifier' || t === 'star') return this.expr(bindingPower);
    if (t === 'lbracket') {
      this.match('lbracket');
      return this.multiSelectList();
    }
    if (t === 'lbrace') {
      this.match('lbrace');
      return this.multiSelectDict();
    }
    const token = this.lookaheadToken(0);
    const allowed = pyList(['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']);
    this.errorFor(token, `Expecting: ${allowed}, got: ${token.type}`);
  }
}

/** A call into one more Python frame, which calls helpers `reach` frames deeper still. */
function enterFrame(parser: Parser, reach: number): void {
  if (++parser.depth + reach > RECURSION_LIMIT) throw new PythonError('RecursionError', 'maximum recursion depth exceeded');
}

// Each method stands for one jmespath.py parser method, so each call is one Python frame; the
// second number is how much deeper the helpers it calls go (_lookahead_token, _advance and the
// ast constructors one frame, _match two). The nud and led dispatchers are jmespath.py's
// _token_nud_<type> and _token_led_<type> methods.
const FRAMES: ReadonlyArray<readonly [string, number | ((...args: never[]) => number)]> = [
  ['expr', 1],
  ['nud', (token: Token) => (token.type === 'lparen' ? 2 : token.type === 'lbrace' ? 0 : 1)],
  ['led', (type: TokenType) => (type === 'lparen' || type === 'lbracket' || type === 'filter' ? 2 : 1)],
  ['ledFilter', 2],
  ['indexExpression', 2],
  ['sliceExpression', 2],
  ['projectIfSlice', 1],
  ['multiSelectList', 2],
  ['multiSelectDict', 2],
  ['projectionRhs', 1],
  ['dotRhs', 1],
];
for (const [name, reach] of FRAMES) {
  // A method's frame, wrapped around it: the methods stay as jmespath.py writes them.
  const methods = Parser.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const method = methods[name] as (...args: unknown[]) => unknown;
  methods[name] = function framed(this: Parser, ...args: unknown[]): unknown {
    enterFrame(this, typeof reach === 'number' ? reach : (reach as (...a: unknown[]) => number)(...args));
    const result = method.apply(this, args);
    this.depth--;
    return result;
  };
}

const LED_TOKENS: ReadonlySet<TokenType> = new Set<TokenType>([
  'dot', 'pipe', 'or', 'and', 'lparen', 'filter', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'flatten', 'lbracket',
]);

/** Parses a JMESPath expression; throws JmesPathSyntaxError with jmespath.py's message. */
export function parseExpression(expression: string): Node {
  return new Parser(expression).parse();
}
