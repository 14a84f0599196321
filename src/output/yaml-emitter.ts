// A YAML dumper that writes what ruamel.yaml's `YAML(typ='safe')` dump writes for the AWS
// CLI's values: block style, mapping keys sorted, sequences inside mappings not indented,
// empty containers as `{}`/`[]`, scalars plain when the YAML 1.2 resolver would read them back
// as the same string (else single-quoted, or double-quoted when they contain `'` or a newline or
// need escapes), lines folded past 80 columns, and `&idNNN`/`*idNNN` for a list or dict object
// that occurs twice. js-yaml differs in most of these (quoting, folding, anchors, key order of
// equal-looking keys), hence a small emitter of our own that follows ruamel's state machine.
import { floatRepr, PythonError, pyStr } from './python.js';
import { compareCodePoints } from './unicode.js';
import { PyDict, PyFloat, PyObject, type PyValue } from './value.js';

type Tag = 'str' | 'int' | 'float' | 'bool' | 'null';

type YNode =
  | { readonly kind: 'scalar'; readonly tag: Tag; readonly value: string }
  | { readonly kind: 'seq'; readonly items: YNode[] }
  | { readonly kind: 'map'; readonly entries: Array<[YNode, YNode]> };

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
const MAX_SIMPLE_KEY_LENGTH = 128;
const BREAKS = '\n\x85\u2028\u2029';
const BLANK_OR_BREAK = '\0 \t\r\n\x85\u2028\u2029';

// ---- representer: values to nodes (one node per list/dict object, so shared objects alias) ----

function represent(value: PyValue, memo: Map<object, YNode>): YNode {
  if (value === null) return { kind: 'scalar', tag: 'null', value: 'null' };
  if (typeof value === 'boolean') return { kind: 'scalar', tag: 'bool', value: value ? 'true' : 'false' };
  if (typeof value === 'bigint') return { kind: 'scalar', tag: 'int', value: value.toString() };
  if (typeof value === 'string') return { kind: 'scalar', tag: 'str', value };
  if (value instanceof PyFloat) {
    const x = value.value;
    const text = Number.isNaN(x) ? '.nan' : x === Infinity ? '.inf' : x === -Infinity ? '-.inf' : floatRepr(x).toLowerCase();
    return { kind: 'scalar', tag: 'float', value: text };
  }
  if (value instanceof PyObject) throw new PythonError('RepresenterError', `cannot represent an object: ${pyStr(value)}`);
  const known = memo.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const node: YNode = { kind: 'seq', items: [] };
    memo.set(value, node);
    for (const item of value) node.items.push(represent(item, memo));
    return node;
  }
  const node: YNode = { kind: 'map', entries: [] };
  memo.set(value, node);
  const keys = [...(value as PyDict).keys()].sort(compareCodePoints);
  for (const k of keys) node.entries.push([represent(k, memo), represent((value as PyDict).get(k) as PyValue, memo)]);
  return node;
}

/** Serializer.anchor_node: a node reached a second time gets the next `idNNN`. */
function assignAnchors(root: YNode): Map<YNode, string | null> {
  const anchors = new Map<YNode, string | null>();
  let last = 0;
  const visit = (node: YNode): void => {
    if (anchors.has(node)) {
      if (anchors.get(node) === null) anchors.set(node, `id${String(++last).padStart(3, '0')}`);
      return;
    }
    anchors.set(node, null);
    if (node.kind === 'seq') node.items.forEach(visit);
    else if (node.kind === 'map') {
      for (const [k, v] of node.entries) {
        visit(k);
        visit(v);
      }
    }
  };
  visit(root);
  return anchors;
}

// ---- resolver: what a plain scalar would be read back as (YAML 1.2 rules of ruamel) ----

const RESOLVERS: ReadonlyArray<readonly [Tag | 'other', RegExp, string]> = [
  ['bool', /^(?:true|True|TRUE|false|False|FALSE)$/, 'tTfF'],
  [
    'float',
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    '-+0123456789.',
  ],
  ['int', /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/, '-+0123456789'],
  ['other', /^(?:<<)$/, '<'],
  ['null', /^(?:~|null|Null|NULL|)$/, '~nN'],
  [
    'other',
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
    '0123456789',
  ],
  ['other', /^(?:=)$/, '='],
  ['other', /^(?:!|&|\*)$/, '!&*'],
];

function resolve(value: string): Tag | 'other' {
  const first = value === '' ? '' : (Array.from(value)[0] as string);
  for (const [tag, re, firsts] of RESOLVERS) {
    const applies = first === '' ? tag === 'null' : firsts.includes(first);
    if (applies && re.test(value)) return tag;
  }
  return 'str';
}

// ---- scalar analysis (ruamel's Emitter.analyze_scalar) ----

interface Analysis {
  readonly empty: boolean;
  readonly multiline: boolean;
  readonly allowFlowPlain: boolean;
  readonly allowBlockPlain: boolean;
  readonly allowSingleQuoted: boolean;
}

function isUnicodePrintable(cp: number): boolean {
  return cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function analyze(chars: readonly string[]): Analysis {
  const n = chars.length;
  if (n === 0) return { empty: true, multiline: false, allowFlowPlain: false, allowBlockPlain: true, allowSingleQuoted: true };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  const text = chars.join('');
  if (text.startsWith('---') || text.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  let followedByWhitespace = n === 1 || BLANK_OR_BREAK.includes(chars[1] as string);
  let previousSpace = false;
  let previousBreak = false;
  for (let index = 0; index < n; ) {
    const ch = chars[index] as string;
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (ch === '?' || ch === ':') {
        if (n === 1) flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    const cp = ch.codePointAt(0) as number;
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === '\n' || (cp >= 0x20 && cp <= 0x7e))) {
      // allow_unicode is on: printable non-ASCII is fine, anything else needs escapes.
      if (!(isUnicodePrintable(cp) && cp !== 0xfeff)) special = true;
    }
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    index++;
    precededByWhitespace = BLANK_OR_BREAK.includes(ch);
    followedByWhitespace = index + 1 >= n || BLANK_OR_BREAK.includes(chars[index + 1] as string);
  }
  let allowFlowPlain = true;
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowFlowPlain = allowBlockPlain = false;
  if (breakSpace) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (special || spaceBreak) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks) allowFlowPlain = allowBlockPlain = false;
  if (flowIndicators) allowFlowPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowFlowPlain, allowBlockPlain, allowSingleQuoted };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '0',
  '\x07': 'a',
  '\x08': 'b',
  '\x09': 't',
  '\x0a': 'n',
  '\x0b': 'v',
  '\x0c': 'f',
  '\x0d': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xa0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

const hexUpper = (cp: number, width: number): string => cp.toString(16).toUpperCase().padStart(width, '0');

// ---- the emitter ----

interface Context {
  readonly root?: boolean;
  readonly sequence?: boolean;
  readonly mapping?: boolean;
  readonly simpleKey?: boolean;
}

class Emitter {
  private readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent: number | null = null;
  private readonly indents: Array<number | null> = [];
  private openEnded = false;
  private rootContext = false;
  private sequenceContext = false;
  private mappingContext = false;
  private simpleKeyContext = false;
  private readonly serialized = new Set<YNode>();

  constructor(private readonly anchors: Map<YNode, string | null>) {}

  document(root: YNode): string {
    this.node(root, { root: true });
    this.writeIndent();
    if (this.openEnded) {
      this.writeIndicator('...', true);
      this.writeIndent();
    }
    return this.out.join('');
  }

  private write(data: string): void {
    this.out.push(data);
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    const data = this.whitespace || !needWhitespace ? indicator : ` ${indicator}`;
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
    this.column += Array.from(data).length;
    this.openEnded = false;
    this.write(data);
  }

  private writeIndent(): void {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.writeLineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(' '.repeat(indent - this.column));
      this.column = indent;
    }
  }

  private writeLineBreak(data = '\n'): void {
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
    this.write(data);
  }

  private increaseIndent(flow: boolean, indentless = false): void {
    this.indents.push(this.indent);
    if (this.indent === null) this.indent = flow ? null : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? null;
  }

  private node(node: YNode, ctx: Context): void {
    this.rootContext = ctx.root ?? false;
    this.sequenceContext = ctx.sequence ?? false;
    this.mappingContext = ctx.mapping ?? false;
    this.simpleKeyContext = ctx.simpleKey ?? false;
    const anchor = this.anchors.get(node) ?? null;
    if (anchor !== null && this.serialized.has(node)) {
      this.writeIndicator(`*${anchor}`, true);
      return;
    }
    this.serialized.add(node);
    if (anchor !== null) this.writeIndicator(`&${anchor}`, true);
    if (node.kind === 'scalar') {
      this.increaseIndent(true);
      this.scalar(node);
      this.popIndent();
    } else if (node.kind === 'seq') {
      if (node.items.length === 0) this.emptyFlow('[', ']');
      else this.blockSequence(node.items);
    } else if (node.entries.length === 0) this.emptyFlow('{', '}');
    else this.blockMapping(node.entries);
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true);
    this.increaseIndent(true);
    this.popIndent();
    this.writeIndicator(close, false);
    this.writeLineBreak();
  }

  private blockSequence(items: YNode[]): void {
    const indentless = this.mappingContext && !this.indention;
    this.increaseIndent(false, indentless);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { sequence: true });
    }
    this.popIndent();
  }

  private blockMapping(entries: Array<[YNode, YNode]>): void {
    this.increaseIndent(false);
    for (const [key, value] of entries) {
      this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false);
        this.node(value, { mapping: true });
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, { mapping: true });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
        this.node(value, { mapping: true });
      }
    }
    this.popIndent();
  }

  private isSimpleKey(key: YNode): boolean {
    if (key.kind !== 'scalar') return key.kind === 'seq' ? key.items.length === 0 : key.entries.length === 0;
    const chars = Array.from(key.value);
    return chars.length < MAX_SIMPLE_KEY_LENGTH && !analyze(chars).multiline;
  }

  private scalar(node: Extract<YNode, { kind: 'scalar' }>): void {
    const chars = Array.from(node.value);
    const analysis = analyze(chars);
    const implicit = resolve(node.value) === node.tag;
    let style: '' | "'" | '"';
    if (
      implicit &&
      !(this.simpleKeyContext && (analysis.empty || analysis.multiline)) &&
      analysis.allowBlockPlain
    ) {
      style = '';
    } else if (node.value.includes("'") || node.value.includes('\n')) {
      style = '"';
    } else if (analysis.allowSingleQuoted && !(this.simpleKeyContext && analysis.multiline)) {
      style = "'";
    } else {
      style = '"';
    }
    const split = !this.simpleKeyContext;
    if (this.sequenceContext) this.writeIndent();
    if (style === '"') this.writeDoubleQuoted(chars, split);
    else if (style === "'") this.writeSingleQuoted(chars, split);
    else this.writePlain(chars, split);
  }

  private writeText(chars: readonly string[], start: number, end: number): void {
    if (start >= end) return;
    this.column += end - start;
    this.write(chars.slice(start, end).join(''));
  }

  private writeBreaks(chars: readonly string[], start: number, end: number): void {
    if (chars[start] === '\n') this.writeLineBreak();
    for (let i = start; i < end; i++) this.writeLineBreak(chars[i]);
  }

  private writePlain(chars: readonly string[], split: boolean): void {
    if (this.rootContext) this.openEnded = true;
    if (chars.length === 0) return;
    if (!this.whitespace) {
      this.column += 1;
      this.write(' ');
    }
    this.whitespace = false;
    this.indention = false;
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else this.writeText(chars, start, end);
          start = end;
        }
      } else if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          this.writeBreaks(chars, start, end);
          this.writeIndent();
          this.whitespace = false;
          this.indention = false;
          start = end;
        }
      } else if (ch === undefined || ' \n\x85\u2028\u2029'.includes(ch)) {
        this.writeText(chars, start, end);
        start = end;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = BREAKS.includes(ch);
      }
    }
  }

  private writeSingleQuoted(chars: readonly string[], split: boolean): void {
    this.writeIndicator("'", true);
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      if (spaces) {
        if (ch === undefined || ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split && start !== 0 && end !== chars.length) this.writeIndent();
          else this.writeText(chars, start, end);
          start = end;
        }
      } else if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          this.writeBreaks(chars, start, end);
          this.writeIndent();
          start = end;
        }
      } else if (ch === undefined || ' \n\x85\u2028\u2029'.includes(ch) || ch === "'") {
        if (start < end) {
          this.writeText(chars, start, end);
          start = end;
        }
      }
      if (ch === "'") {
        this.column += 2;
        this.write("''");
        start = end + 1;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = BREAKS.includes(ch);
      }
    }
    this.writeIndicator("'", false);
  }

  private writeDoubleQuoted(chars: readonly string[], split: boolean): void {
    this.writeIndicator('"', true);
    let start = 0;
    const n = chars.length;
    for (let end = 0; end <= n; end++) {
      const ch = chars[end];
      const cp = ch === undefined ? -1 : (ch.codePointAt(0) as number);
      const plainChar = cp >= 0x20 && cp <= 0x7e || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd);
      if (ch === undefined || '"\\\x85\u2028\u2029\ufeff'.includes(ch) || !plainChar) {
        this.writeText(chars, start, end);
        if (start < end) start = end;
        if (ch !== undefined) {
          const short = ESCAPES[ch];
          const data =
            short !== undefined ? `\\${short}` : cp <= 0xff ? `\\x${hexUpper(cp, 2)}` : cp <= 0xffff ? `\\u${hexUpper(cp, 4)}` : `\\U${hexUpper(cp, 8)}`;
          this.column += data.length;
          this.write(data);
          start = end + 1;
        }
      }
      if (0 < end && end < n - 1 && (ch === ' ' || start >= end) && this.column + (end - start) > BEST_WIDTH && split) {
        const piece = start < end ? chars.slice(start, end).join('') : '';
        if (start < end) start = end;
        this.column += Array.from(piece).length + 1;
        this.write(`${piece}\\`);
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (chars[start] === ' ') {
          this.column += 1;
          this.write('\\');
        }
      }
    }
    this.writeIndicator('"', false);
  }
}

/** ruamel.yaml safe dump of a value (the caller decides what top-level scalars look like). */
export function dumpYaml(value: PyValue): string {
  const root = represent(value, new Map());
  return new Emitter(assignAnchors(root)).document(root);
}
