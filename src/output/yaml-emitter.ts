// A YAML dumper that writes what the AWS CLI's `YAML(typ='safe')` dump writes: ruamel.yaml's
// representer (mapping keys sorted, `&idNNN`/`*idNNN` for a list or dict object met twice) and
// resolver (YAML 1.2: a string that would read back as something else is quoted), driving
// libyaml's emitter, which ruamel.yaml.clib bundles and the official installer ships. libyaml, not
// ruamel's pure-Python emitter, decides the look: block style, sequences inside mappings not
// indented, empty containers as `{}`/`[]`, plain when it can, else single-quoted (line breaks
// included, written as blank lines), else double-quoted with escapes for what it cannot print
// (controls, `\r`, NEL, BOM, anything past the BMP); lines folded at spaces past 80 columns; keys
// over 128 UTF-8 bytes or spanning lines written as `? key`. js-yaml differs in most of these.
import { floatRepr, PythonError, pyStr } from '../python/builtins.js';
import { utf8EncodeError } from './stream.js';
import { compareCodePoints } from '../python/unicode.js';
import { PyDict, PyFloat, PyObject, type PyValue } from '../python/value.js';

type Tag = 'str' | 'int' | 'float' | 'bool' | 'null';

type YNode =
  | { readonly kind: 'scalar'; readonly tag: Tag; readonly value: string }
  | { readonly kind: 'seq'; readonly items: YNode[] }
  | { readonly kind: 'map'; readonly entries: Array<[YNode, YNode]> };

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
const MAX_SIMPLE_KEY_LENGTH = 128;
const BREAKS = '\r\n\x85\u2028\u2029';
const BLANKZ = '\0 \t\r\n\x85\u2028\u2029';

// ---- representer: values to nodes (one node per list/dict object, so shared objects alias) ----

/**
 * Python's recursion limit as ruamel's SafeRepresenter meets it under the AWS CLI (the C emitter
 * then serializes without Python frames). Each call that counts is an event at a depth, counted
 * from the root's represent_data, in the order Python makes them; the first one deeper than the
 * limit raises RecursionError with the text of its kind:
 *   - `P`, a Python frame: represent_data, represent_list/_dict/_str/…, represent_sequence/
 *     _mapping/_scalar, represent_key, and the nodes' __init__ chain (ScalarNode and
 *     SequenceNode two deep, MappingNode three);
 *   - `C`, a class called to make a node (" while calling a Python object"), and the repr()
 *     builtin represent_float calls;
 *   - `R`, repr() itself (" while getting the repr of an object").
 * A node is made before its children are represented, and a mapping's key before its value.
 * Checked against ruamel 0.17.21 on Python 3.11 at every depth, and at the AWS CLI's limit by
 * recording (the `qs-depth-*` cases of test/fixtures/query-sweep-recordings.json).
 */
const RECURSION_LIMIT = 1000;
type Frame = 'P' | 'C' | 'R';
const RECURSION_TEXT: Readonly<Record<Frame, string>> = {
  P: 'maximum recursion depth exceeded',
  C: 'maximum recursion depth exceeded while calling a Python object',
  R: 'maximum recursion depth exceeded while getting the repr of an object',
};

class Representer {
  private readonly memo = new Map<object, YNode>();

  /** `limit`: the frames Python's limit leaves below the root's represent_data. */
  constructor(private readonly limit: number) {}

  /** Events at depth..depth+n-1, of the kinds given (one letter each). */
  private enter(depth: number, kinds: string): void {
    if (depth + kinds.length - 1 <= this.limit) return;
    const at = Math.max(0, this.limit + 1 - depth);
    throw new PythonError('RecursionError', RECURSION_TEXT[kinds[at] as Frame]);
  }

  /** represent_scalar: ScalarNode(...) and its two __init__ frames. */
  private scalar(depth: number, tag: Tag, value: string): YNode {
    this.enter(depth, 'PCPP');
    return { kind: 'scalar', tag, value };
  }

  represent(value: PyValue, depth: number): YNode {
    this.enter(depth, 'PP');
    if (value === null) return this.scalar(depth + 2, 'null', 'null');
    if (typeof value === 'boolean') return this.scalar(depth + 2, 'bool', value ? 'true' : 'false');
    if (typeof value === 'bigint') return this.scalar(depth + 2, 'int', value.toString());
    if (typeof value === 'string') return this.scalar(depth + 2, 'str', value);
    if (value instanceof PyFloat) {
      const x = value.value;
      if (Number.isNaN(x)) return this.scalar(depth + 2, 'float', '.nan');
      if (x === Infinity || x === -Infinity) return this.scalar(depth + 2, 'float', x > 0 ? '.inf' : '-.inf');
      this.enter(depth + 2, 'CR');
      return this.scalar(depth + 2, 'float', floatRepr(x).toLowerCase());
    }
    if (value instanceof PyObject) throw new PythonError('RepresenterError', `cannot represent an object: ${pyStr(value)}`);
    const known = this.memo.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) {
      this.enter(depth + 2, 'PCPP');
      const node: YNode = { kind: 'seq', items: [] };
      this.memo.set(value, node);
      for (const item of value) node.items.push(this.represent(item, depth + 3));
      return node;
    }
    this.enter(depth + 2, 'PCPPP');
    const node: YNode = { kind: 'map', entries: [] };
    this.memo.set(value, node);
    const keys = [...(value as PyDict).keys()].sort(compareCodePoints);
    for (const k of keys) {
      this.enter(depth + 3, 'P');
      node.entries.push([this.represent(k, depth + 4), this.represent((value as PyDict).get(k) as PyValue, depth + 3)]);
    }
    return node;
  }
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

// ---- resolver: what a plain scalar would be read back as (ruamel's Resolver, the one its C dumper uses: YAML 1.2 rules) ----

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

// ---- scalar analysis (libyaml's yaml_emitter_analyze_scalar) ----

/** libyaml's IS_PRINTABLE: what it writes unescaped (no C1 controls, no BOM, nothing past the BMP). */
function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

/** IS_BREAK: `\r` counts, as do NEL, LS and PS. */
const isBreak = (ch: string | undefined): boolean => ch !== undefined && BREAKS.includes(ch);
/** IS_BLANKZ: blank, break, NUL, or the end of the string (the NUL after it). */
const isBlankz = (ch: string | undefined): boolean => ch === undefined || BLANKZ.includes(ch);

interface Analysis {
  /** The UTF-8 length: the simple-key limit counts bytes. */
  readonly length: number;
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
}

const utf8Length = (chars: readonly string[]): number =>
  chars.reduce((n, ch) => {
    const cp = ch.codePointAt(0) as number;
    return n + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
  }, 0);

function analyze(chars: readonly string[]): Analysis {
  const n = chars.length;
  if (n === 0) return { length: 0, multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const head = chars.slice(0, 3).join('');
  if (head === '---' || head === '...') blockIndicators = true;
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankz(chars[1]);
  for (let i = 0; i < n; i++) {
    const ch = chars[i] as string;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(ch.codePointAt(0) as number)) special = true;
    if (isBreak(ch)) lineBreaks = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(ch);
    if (i + 1 < n) followedByWhitespace = isBlankz(chars[i + 2]);
  }
  // Flow-context flags are left out: this dumper writes no flow collection with content.
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (breakSpace || spaceBreak || special) blockPlainAllowed = singleQuotedAllowed = false;
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { length: utf8Length(chars), multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed };
}

const ESCAPES: Readonly<Record<number, string>> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

const hexUpper = (cp: number, width: number): string => cp.toString(16).toUpperCase().padStart(width, '0');

// ---- the emitter (libyaml's, block style; state names as in emitter.c) ----

// libyaml's output buffer: it hands its contents over when fewer than 5 bytes are left.
const OUTPUT_BUFFER_SIZE = 16384;

class Emitter {
  private buffer: string[] = [];
  private buffered = 0;
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private mappingContext = false;
  private simpleKeyContext = false;
  private readonly serialized = new Set<YNode>();

  constructor(
    private readonly anchors: Map<YNode, string | null>,
    private readonly out: string[],
  ) {}

  document(root: YNode): void {
    this.node(root, false, false);
    this.writeIndent();
    this.flush();
  }

  private flush(): void {
    if (this.buffered > 0) this.out.push(this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  /** Into libyaml's buffer, flushing it first whenever a character might not fit (FLUSH). */
  private emit(text: string): void {
    const n = Buffer.byteLength(text);
    if (this.buffered + n + 5 < OUTPUT_BUFFER_SIZE) {
      this.buffer.push(text);
      this.buffered += n;
      return;
    }
    for (const ch of text) {
      if (this.buffered + 5 >= OUTPUT_BUFFER_SIZE) this.flush();
      this.buffer.push(ch);
      this.buffered += Buffer.byteLength(ch);
    }
  }

  /** PUT / WRITE: `width` characters (code points) more on the line. */
  private put(text: string, width: number): void {
    this.emit(text);
    this.column += width;
  }

  private putBreak(): void {
    this.emit('\n');
    this.column = 0;
  }

  /** WRITE_BREAK: `\n` as the line break; LS/PS are copied as they are. */
  private writeBreak(ch: string): void {
    if (ch === '\n') this.putBreak();
    else {
      this.emit(ch);
      this.column = 0;
    }
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ', 1);
    this.put(indicator, indicator.length);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writeIndent(): void {
    const indent = this.indent >= 0 ? this.indent : 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(' '.repeat(indent - this.column), indent - this.column);
    this.whitespace = true;
    this.indention = true;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  private node(node: YNode, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    const anchor = this.anchors.get(node) ?? null;
    if (anchor !== null && this.serialized.has(node)) {
      this.writeIndicator('*', true, false, false);
      this.writeAnchor(anchor);
      if (this.simpleKeyContext) this.put(' ', 1);
      return;
    }
    this.serialized.add(node);
    if (node.kind === 'scalar') {
      this.scalar(node);
      return;
    }
    if (anchor !== null) {
      this.writeIndicator('&', true, false, false);
      this.writeAnchor(anchor);
    }
    if (node.kind === 'seq') {
      if (node.items.length === 0) this.emptyFlow('[', ']');
      else this.blockSequence(node.items);
    } else if (node.entries.length === 0) this.emptyFlow('{', '}');
    else this.blockMapping(node.entries);
  }

  private writeAnchor(name: string): void {
    this.put(name, name.length);
    this.whitespace = false;
    this.indention = false;
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: YNode[]): void {
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false, false);
    }
    this.popIndent();
  }

  private blockMapping(entries: Array<[YNode, YNode]>): void {
    this.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.writeIndent();
      if (this.checkSimpleKey(key)) {
        this.node(key, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, true, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, true, false);
    }
    this.popIndent();
  }

  private checkSimpleKey(key: YNode): boolean {
    const anchor = this.anchors.get(key) ?? null;
    const anchorLength = anchor === null ? 0 : anchor.length;
    let length: number;
    if (key.kind === 'scalar') {
      const analysis = analyze(Array.from(key.value));
      if (analysis.multiline) return false;
      length = anchorLength + analysis.length;
    } else {
      if ((key.kind === 'seq' ? key.items.length : key.entries.length) !== 0) return false;
      length = anchorLength;
    }
    return length <= MAX_SIMPLE_KEY_LENGTH;
  }

  /** yaml_emitter_select_scalar_style, then the writer it picks. */
  private scalar(node: Extract<YNode, { kind: 'scalar' }>): void {
    // The C serializer encodes each scalar to UTF-8 as it reaches it; what is still in the
    // buffer then is lost with the error.
    const encodeError = utf8EncodeError(node.value);
    if (encodeError) throw encodeError;
    const chars = Array.from(node.value);
    const analysis = analyze(chars);
    const plainImplicit = resolve(node.value) === node.tag;
    // What a quoted scalar reads back as: always a string.
    const quotedImplicit = node.tag === 'str';
    let style: '' | "'" | '"' = '';
    if (this.simpleKeyContext && analysis.multiline) style = '"';
    if (style === '') {
      if (!analysis.blockPlainAllowed) style = "'";
      if (analysis.length === 0 && this.simpleKeyContext) style = "'";
      if (!plainImplicit) style = "'";
    }
    if (style === "'" && !analysis.singleQuotedAllowed) style = '"';
    if (!quotedImplicit && style !== '') {
      // The non-specific tag `!` keeps a quoted number a number.
      if (!this.whitespace) this.put(' ', 1);
      this.put('!', 1);
      this.whitespace = false;
      this.indention = false;
    }
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === '"') this.writeDoubleQuoted(chars, allowBreaks);
    else if (style === "'") this.writeSingleQuoted(chars, allowBreaks);
    else this.writePlain(chars, allowBreaks);
    this.popIndent();
  }

  private writePlain(chars: readonly string[], allowBreaks: boolean): void {
    if (!this.whitespace && chars.length > 0) this.put(' ', 1);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch, 1);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch, 1);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(chars: readonly string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const n = chars.length;
    for (let i = 0; i < n; i++) {
      const ch = chars[i] as string;
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== n - 1 && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch, 1);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'", 1);
        this.put(ch, 1);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(chars: readonly string[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    const n = chars.length;
    for (let i = 0; i < n; i++) {
      const ch = chars[i] as string;
      const cp = ch.codePointAt(0) as number;
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        const short = ESCAPES[cp];
        const data = short !== undefined ? short : cp <= 0xff ? `x${hexUpper(cp, 2)}` : cp <= 0xffff ? `u${hexUpper(cp, 4)}` : `U${hexUpper(cp, 8)}`;
        this.put(`\\${data}`, data.length + 1);
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== n - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\', 1);
        } else this.put(ch, 1);
        spaces = true;
      } else {
        this.put(ch, 1);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
}

/**
 * The frames on the stack when `--output yaml` calls the root's represent_data (yaml-stream's
 * call of its one-item list is a frame shallower).
 */
export const YAML_BASE_FRAMES = 21;

/** ruamel.yaml's safe dump through its C emitter (libyaml), of a list or dict. */
export function dumpYaml(value: PyValue): string {
  const out: string[] = [];
  writeYamlDocument(value, out);
  return out.join('');
}

/**
 * The same dump as the pieces the stream receives: libyaml's buffer each time it fills up
 * (about 16 KB), then the rest at the end of the document. A scalar the serializer cannot
 * encode stops it: the pieces handed over before stay written.
 */
export function writeYamlDocument(value: PyValue, out: string[], baseFrames = YAML_BASE_FRAMES): void {
  const root = new Representer(RECURSION_LIMIT - baseFrames).represent(value, 0);
  new Emitter(assignAnchors(root), out).document(root);
}
