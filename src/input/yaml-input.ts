// --cli-input-yaml documents read as the AWS CLI reads them: ruamel.yaml's safe loader
// (YAML(typ='safe', pure=True)), so YAML 1.2 rules unless the document says `%YAML 1.1`
// (`yes` is a str, `1.0` a float, `017` the int 17, `1e3` a float), timestamps become
// datetime.date/datetime.datetime (an offset folded into a naive UTC time), !!binary bytes,
// !!set/!!omap/!!pairs Python's set/ordereddict/list of tuples, merge keys (`<<`) put their
// pairs first, and a tab outside quotes anywhere is a syntax error.
//
// js-yaml does the parsing (it is loaded only for this option) but not the typing: its own
// schema differs from ruamel's on every point above and turns every key into a JS object key.
// So every plain scalar goes through one catch-all implicit type that applies ruamel's resolver,
// scalars that are not strings come out boxed (so that a key keeps its type through js-yaml's
// stringified keys), and the result is converted to the value model afterwards. Aliases stay
// shared objects through that conversion: an alias bomb costs what its text costs, as in Python.
import { GeneralError } from '../errors/errors.js';
import { PyDict, PyFloat, PyObject, type PyValue } from '../python/value.js';
import { inputRepr, setKeyRepr } from '../python/bounded-repr.js';
import { keyRepr, keyTexts, NON_STR_KEY, ORDERED_DICT, YAML_MAX_COPIED, YamlExpansionError, YamlSyntaxError, type InputValue } from './yaml-values.js';

export { jsonKey, keyRepr, keyValue, NON_STR_KEY, orderedDictItems, YAML_MAX_COPIED, YamlExpansionError, YamlSyntaxError, type InputValue } from './yaml-values.js';


let copied = 0;
function copying(n: number): void {
  copied += n;
  if (copied > YAML_MAX_COPIED) throw new YamlExpansionError();
}


/** A str key that JS objects would order as an array index; stripped again on conversion. */
const INDEX_KEY = '\u0001yaml-index:';
const INDEX_LIKE = /^(?:0|[1-9][0-9]{0,9})$/;
/**
 * js-yaml stores an empty key (`? ` alone, `{: v}`) as String(null), 'null'; Python's key is
 * None. A str 'null' is boxed like an index-like one, so a bare 'null' key is the empty one.
 */
const BOXED_STR = (s: string): boolean => INDEX_LIKE.test(s) || s === 'null';
const strKey = (k: string): string => (k.startsWith(INDEX_KEY) ? k.slice(INDEX_KEY.length) : k === 'null' ? `${NON_STR_KEY}None` : k);


/**
 * How deep a list and a dict may sit (the document's mapping is depth 1) before ruamel, under
 * the AWS CLI, runs out of Python's recursion limit: "maximum recursion depth exceeded".
 */
export const YAML_MAX_DEPTH = { list: 486, dict: 484 } as const;

/** js-yaml's own nesting limit (it counts scalars too): past what the AWS CLI can load anyway. */
const JS_YAML_MAX_DEPTH = 2 * YAML_MAX_DEPTH.list;

/** A scalar that is not a str, or a tagged collection, as js-yaml holds it until conversion. */
class Boxed {
  constructor(readonly value: unknown, readonly key: string) {}
  // js-yaml turns a key into String(key) unless its class tag is plain Object.
  get [Symbol.toStringTag](): string {
    return 'Boxed';
  }
  toString(): string {
    noteKeyText(this);
    return this.key;
  }
}

const MERGE = Symbol('merge');
const VALUE = Symbol('value');
/** The class of a !!omap: a dict subclass, so a document may be one. */

class Tagged {
  constructor(readonly kind: 'set' | 'omap' | 'pairs', readonly data: unknown) {}
}

/** The Python type each tagged collection constructs. */
const TAGGED_TYPE: Readonly<Record<Tagged['kind'], string>> = { set: 'set', omap: 'ordereddict', pairs: 'list' };

/** A tuple key holding an item Python cannot hash: `${UNHASHABLE_TUPLE}<type>:<n>`. */
const UNHASHABLE_TUPLE = `${NON_STR_KEY}unhashable:`;
let unhashableCount = 0;

/** Python's TypeError for a tuple key with an unhashable item, raised where it is constructed. */
function checkTupleKey(key: string): void {
  if (key.startsWith(UNHASHABLE_TUPLE)) throw new GeneralError(`unhashable type: '${key.slice(UNHASHABLE_TUPLE.length, key.lastIndexOf(':'))}'`);
}

/**
 * ruamel's constructor gives every `.nan` (whatever its sign or case) one shared float object,
 * its nan_value: Python finds a key by identity before equality, so two `.nan` keys are one key
 * (a duplicate). A NaN from float() (`!!float nan`) is a new object each time.
 */
const NAN_VALUE = new PyFloat(NaN);

/** Python hash equality for keys: True == 1 == 1.0; a NaN equals only itself (NAN_VALUE). */
let nanCount = 0;
function keyOf(value: unknown): string {
  if (value === null) return `${NON_STR_KEY}None`;
  if (typeof value === 'boolean') return `${NON_STR_KEY}n${value ? 1 : 0}`;
  if (typeof value === 'bigint') return `${NON_STR_KEY}n${value}`;
  if (value instanceof PyFloat) {
    if (value === NAN_VALUE) return `${NON_STR_KEY}nan`;
    if (Number.isNaN(value.value)) return `${NON_STR_KEY}nan${nanCount++}`;
    return Number.isInteger(value.value) ? `${NON_STR_KEY}n${BigInt(value.value)}` : `${NON_STR_KEY}n${value.value}`;
  }
  if (value instanceof Uint8Array) return `${NON_STR_KEY}b${Buffer.from(value).toString('hex')}`;
  if (value instanceof PyObject) return `${NON_STR_KEY}d${value.text?.str ?? ''}`;
  return `${NON_STR_KEY}?`;
}

/** repr() of a scalar as js-yaml holds it (a key's element). */
function rawRepr(v: unknown): string {
  if (typeof v === 'string') return inputRepr(v);
  if (v instanceof Boxed && typeof v.value === 'string') return inputRepr(v.value);
  // A tuple prints its own items (`(1, True)`), whatever equal keys printed before.
  if (v instanceof Boxed && !(v.value instanceof Tagged) && v.value !== MERGE && v.value !== VALUE) return inputRepr(v.value);
  if (v instanceof Boxed) return keyRepr(v.key);
  return inputRepr(null);
}

/**
 * A sequence used as a key is a tuple in Python. js-yaml copies a key sequence with slice()
 * before it calls String() on it, and slice() builds the copy with the array's species: every
 * sequence gets this class as its own `constructor` (see loadYamlDocument), so a key sequence
 * keeps a str of its own.
 */
class TupleKey extends Array<unknown> {
  static override get [Symbol.species](): ArrayConstructor {
    return TupleKey as unknown as ArrayConstructor;
  }
  override toString(): string {
    copying(this.length);
    // Python hashes the tuple to look it up: an item it cannot hash is a TypeError (js-yaml has
    // already put its "[object Object]" for a mapping). ruamel composes the whole document
    // before it constructs anything, so a syntax error anywhere comes first, and constructs it
    // in order: the key is one of its own, which the converter raises where Python would.
    for (const item of this) {
      const unhashable = item === '[object Object]' ? 'dict' : item instanceof Boxed && item.value instanceof Tagged ? TAGGED_TYPE[item.value.kind] : undefined;
      if (unhashable !== undefined) return `${UNHASHABLE_TUPLE}${unhashable}:${unhashableCount++}`;
    }
    const tuple = (items: string[]): string => `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
    // Equal tuples are one key ((1,) and (1.0,)); the first one's items print.
    const key = `${NON_STR_KEY}t${tuple([...this].map((v) => (v instanceof Boxed ? v.key : rawRepr(v))))}`;
    if (!keyTexts.has(key)) keyTexts.set(key, tuple([...this].map(rawRepr)));
    return key;
  }
}


/** A boxed scalar used as a key (js-yaml stringifies each key it stores). */
function noteKeyText(b: Boxed): void {
  if (keyTexts.has(b.key) || !b.key.startsWith(NON_STR_KEY) || b.value instanceof Tagged || b.value === MERGE || b.value === VALUE) return;
  keyTexts.set(b.key, inputRepr(b.value));
}

function box(value: unknown): Boxed {
  return new Boxed(value, keyOf(value));
}

// ruamel.yaml's implicit resolvers (resolver.py), per YAML version, in its order.
const BOOL_12 = /^(?:true|True|TRUE|false|False|FALSE)$/;
const BOOL_11 = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT_12 = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOAT_11 = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT_12 = /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/;
const INT_11 = /^(?:[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP_IMPLICIT = /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const TIMESTAMP = /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

type Version = '1.1' | '1.2';

/** Python's int(s) for what the resolver let through (or an explicit !!int's text). */
function pythonInt(text: string, base: number): bigint {
  const t = text.trim();
  const digits = base === 2 ? /^[01]+$/ : base === 8 ? /^[0-7]+$/ : base === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/;
  const sign = /^[-+]/.test(t) ? t[0] : '';
  const body = sign ? t.slice(1) : t;
  if (!digits.test(body)) throw new GeneralError(`invalid literal for int() with base ${base}: ${reprText(text)}`);
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : base === 16 ? '0x' : '';
  const v = BigInt(prefix + body);
  return sign === '-' ? -v : v;
}

function reprText(s: string): string {
  return inputRepr(s);
}

/** SafeConstructor.construct_yaml_int. */
function constructInt(text: string, version: Version): bigint {
  let s = text.replaceAll('_', '');
  if (s === '') throw new GeneralError('string index out of range');
  const sign = s[0] === '-' ? -1n : 1n;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  if (s === '0') return 0n;
  if (s.startsWith('0b')) return sign * pythonInt(s.slice(2), 2);
  if (s.startsWith('0x')) return sign * pythonInt(s.slice(2), 16);
  if (s.startsWith('0o')) return sign * pythonInt(s.slice(2), 8);
  if (version === '1.1' && s[0] === '0') return sign * pythonInt(s, 8);
  if (version === '1.1' && s.includes(':')) {
    let value = 0n;
    for (const part of s.split(':')) value = value * 60n + pythonInt(part, 10);
    return sign * value;
  }
  return sign * pythonInt(s, 10);
}

/** Python's float(s). */
function pythonFloat(s: string): number {
  const t = s.trim().toLowerCase();
  if (/^[-+]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[-+]?nan$/.test(t)) return NaN;
  if (!/^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?$/.test(t)) throw new GeneralError(`could not convert string to float: ${reprText(s)}`);
  return Number(t);
}

/** SafeConstructor.construct_yaml_float. */
function constructFloat(text: string, version: Version): PyFloat {
  let s = text.replaceAll('_', '').toLowerCase();
  if (s === '') throw new GeneralError('string index out of range');
  const sign = s[0] === '-' ? -1 : 1;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  if (s === '.inf') return new PyFloat(sign * Infinity);
  if (s === '.nan') return NAN_VALUE;
  if (version !== '1.2' && s.includes(':')) {
    let value = 0;
    for (const part of s.split(':')) value = value * 60 + pythonFloat(part);
    return new PyFloat(sign * value);
  }
  return new PyFloat(sign * pythonFloat(s));
}

const BOOLS: Readonly<Record<string, boolean>> = { yes: true, no: false, true: true, false: false, on: true, off: false, y: true, n: false };

function constructBool(text: string): boolean {
  const v = BOOLS[text.toLowerCase()];
  if (v === undefined) throw new GeneralError(reprText(text)); // Python's KeyError
  return v;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
}

/** ruamel.yaml.util.create_timestamp: a datetime.date, or a naive datetime.datetime in UTC. */
function constructTimestamp(text: string): PyObject {
  const m = TIMESTAMP.exec(text);
  if (!m) throw new YamlSyntaxError(`failed to construct timestamp from "${text}"`);
  const [, ys, mos, ds, hs, mis, ss, fraction, , tzSign, tzh, tzm] = m;
  const year = Number(ys), month = Number(mos), day = Number(ds);
  if (year < 1) throw new GeneralError(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new GeneralError('month must be in 1..12');
  if (day < 1 || day > daysIn(year, month)) throw new GeneralError('day is out of range for month');
  if (hs === undefined) {
    const str = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    return new PyObject('datetime.date', null, { str, repr: `datetime.date(${year}, ${month}, ${day})` });
  }
  const hour = Number(hs), minute = Number(mis), second = Number(ss);
  if (hour > 23) throw new GeneralError('hour must be in 0..23');
  if (minute > 59) throw new GeneralError('minute must be in 0..59');
  if (second > 59) throw new GeneralError('second must be in 0..59');
  let frac = 0;
  let carry = 0;
  if (fraction) {
    frac = Number(fraction.slice(0, 6).padEnd(6, '0'));
    if (fraction.length > 6 && Number(fraction[6]) > 4) frac += 1;
    if (frac > 999999) { frac = 0; carry = 1; }
  }
  // data -= delta, where delta is the offset (plus the carried second, as ruamel adds it).
  let deltaSeconds = 0;
  if (tzSign) {
    deltaSeconds = Number(tzh) * 3600 + (tzm ? Number(tzm) : 0) * 60 + carry;
    if (tzSign === '-') deltaSeconds = -deltaSeconds;
  } else if (carry) {
    deltaSeconds = -1;
  }
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(hour, minute, second, 0);
  t.setTime(t.getTime() - deltaSeconds * 1000);
  const Y = t.getUTCFullYear();
  if (Y < 1 || Y > 9999) throw new GeneralError('date value out of range');
  const [M, D, h, mi, s] = [t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()];
  const str = `${pad(Y, 4)}-${pad(M)}-${pad(D)} ${pad(h)}:${pad(mi)}:${pad(s)}${frac ? `.${pad(frac, 6)}` : ''}`;
  const fields = [Y, M, D, h, mi];
  if (s || frac) fields.push(s);
  if (frac) fields.push(frac);
  return new PyObject('datetime.datetime', null, { str, repr: `datetime.datetime(${fields.join(', ')})` });
}

/** base64.decodebytes: characters outside the alphabet are skipped, the padding must be right. */
function constructBinary(text: string): Uint8Array {
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(text)) throw new YamlSyntaxError('failed to convert base64 data into ascii');
  const kept = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const firstPad = kept.indexOf('=');
  const data = firstPad < 0 ? kept : kept.slice(0, firstPad);
  const pads = firstPad < 0 ? 0 : kept.slice(firstPad).replace(/[^=].*$/, '').length;
  const rest = data.length % 4;
  if (rest === 1 || (rest === 2 && pads < 2) || (rest === 3 && pads < 1)) throw new YamlSyntaxError('failed to decode base64 data');
  return new Uint8Array(Buffer.from(data, 'base64'));
}

/** The resolver and constructor for one plain scalar. */
function plainScalar(text: string, version: Version): unknown {
  const v11 = version === '1.1';
  // ruamel picks resolvers by the first character before it tries their patterns.
  const numeric = text !== '' && '-+0123456789.'.includes(text[0] as string);
  if ((v11 ? BOOL_11 : BOOL_12).test(text)) return box(constructBool(text));
  if (numeric && (v11 ? FLOAT_11 : FLOAT_12).test(text)) return box(constructFloat(text, version));
  if (numeric && text[0] !== '.' && (v11 ? INT_11 : INT_12).test(text)) return box(constructInt(text, version));
  if (text === '<<') return new Boxed(MERGE, `${NON_STR_KEY}<<`);
  if (NULL.test(text)) return box(null);
  if (TIMESTAMP_IMPLICIT.test(text)) return box(constructTimestamp(text));
  // `=` is a str as a key (ruamel's flatten_mapping retags it) and has no constructor elsewhere.
  if (text === '=') return new Boxed(VALUE, '=');
  return text;
}

/**
 * A collection tag's node as js-yaml hands it over. An empty node (`a: !!map`) is an empty
 * scalar to ruamel, which its collection constructors refuse ("expected a mapping node, but
 * found scalar"); js-yaml makes an empty collection of it.
 */
function collection(d: unknown, kind: 'mapping' | 'sequence'): unknown {
  if (d === null || d === undefined) throw new YamlSyntaxError(`expected a ${kind} node, but found scalar`);
  return d;
}

type JsYaml = typeof import('js-yaml');

function schemaFor(yaml: JsYaml, version: Version): import('js-yaml').Schema {
  const { Type } = yaml;
  const scalar = (tag: string, construct: (s: string) => unknown): import('js-yaml').Type =>
    new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: () => true, construct: (s: string | null) => construct(s ?? '') });
  const types = [
    new Type('tag:yaml.org,2002:plain', { kind: 'scalar', resolve: () => true, construct: (s: string) => plainScalar(s, version) }),
    scalar('int', (s) => box(constructInt(s, version))),
    scalar('float', (s) => box(constructFloat(s, version))),
    scalar('bool', (s) => box(constructBool(s))),
    scalar('null', () => box(null)),
    scalar('timestamp', (s) => box(constructTimestamp(s))),
    scalar('binary', (s) => box(constructBinary(s))),
    new Type('tag:yaml.org,2002:map', { kind: 'mapping', construct: (d: unknown) => collection(d, 'mapping') }),
    new Type('tag:yaml.org,2002:seq', { kind: 'sequence', construct: (d: unknown) => collection(d, 'sequence') }),
    new Type('tag:yaml.org,2002:set', { kind: 'mapping', construct: (d: unknown) => new Boxed(new Tagged('set', collection(d, 'mapping')), `${NON_STR_KEY}set`) }),
    new Type('tag:yaml.org,2002:omap', { kind: 'sequence', construct: (d: unknown) => new Boxed(new Tagged('omap', collection(d, 'sequence')), `${NON_STR_KEY}omap`) }),
    new Type('tag:yaml.org,2002:pairs', { kind: 'sequence', construct: (d: unknown) => new Boxed(new Tagged('pairs', collection(d, 'sequence')), `${NON_STR_KEY}pairs`) }),
  ];
  // The implicit catch-all must be the only implicit type: FAILSAFE_SCHEMA has none.
  return yaml.FAILSAFE_SCHEMA.extend({ implicit: [types[0] as import('js-yaml').Type], explicit: types.slice(1) });
}

/** `%YAML` directives before the first document, as ruamel checks them. */
function versionOf(text: string): Version {
  let version: Version = '1.2';
  let seen = false;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.startsWith('---') || (!line.startsWith('%') && !line.startsWith('#') && line.trim() !== '')) break;
    const m = /^%YAML[ \t]+(\S+)/.exec(line);
    if (!m) continue;
    if (seen) throw new YamlSyntaxError('found duplicate YAML directive');
    seen = true;
    const vm = /^([0-9]+)\.([0-9]+)$/.exec(m[1] as string);
    if (!vm) throw new YamlSyntaxError('expected a digit');
    const [major, minor] = [Number(vm[1]), Number(vm[2])];
    if (major !== 1) throw new YamlSyntaxError('found incompatible YAML document (version 1.* is required)');
    // ruamel raises its version tuple for any other 1.x; the AWS CLI prints it as is.
    if (minor !== 1 && minor !== 2) throw new GeneralError(`(${major}, ${minor})`);
    version = minor === 1 ? '1.1' : '1.2';
  }
  return version;
}

/**
 * A stream whose first token is a document end (`...` before any content) is an implicit
 * document without a node to ruamel's parser ("expected the node content"); js-yaml reads an
 * empty document. After `---` it is an empty document to both.
 */
function checkLeadingDocumentEnd(text: string): void {
  for (const line of text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/)) {
    if (/^[ ]*(?:#.*)?$/.test(line)) continue;
    if (/^\.\.\.(?:[ \t]|$)/.test(line)) throw new YamlSyntaxError("expected the node content, but found '<document end>'");
    return;
  }
}

/**
 * `---` starts a document only when a blank or a line break follows it; js-yaml takes any
 * `---` that opens the stream's first content line (`---a: 1` is the key `---a` to ruamel).
 * Such a stream gets an explicit `--- ` line first, which js-yaml reads as ruamel reads the
 * implicit start; after directives it is ruamel's "expected '<document start>'".
 */
function guardFirstDashes(text: string): string {
  const body = text.replace(/^\ufeff/, '');
  let directives = false;
  for (const line of body.split(/\r\n|\n|\r/)) {
    if (/^[ ]*(?:#.*)?$/.test(line)) continue;
    if (line.startsWith('%')) { directives = true; continue; }
    if (!/^---[^ \t]/.test(line)) return text;
    if (directives) throw new YamlSyntaxError("expected '<document start>', but found '<scalar>'");
    return `--- \n${body}`;
  }
  return text;
}

/**
 * After `---` no simple key may start on that line, and no block collection: `--- a: 1`,
 * `--- - a` and `--- ? a` are ruamel's "mapping values/sequence entries/mapping keys are not
 * allowed here". js-yaml reads a mapping or a list there. Flow collections, quoted and block
 * scalars are fine; a `:` inside them or in a comment does not count.
 */
function checkDocumentStartLine(text: string): void {
  for (const line of text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/)) {
    if (/^[ ]*(?:#.*)?$/.test(line) || line.startsWith('%')) continue;
    if (!/^---[ ]/.test(line)) return;
    const rest = line.slice(3);
    let i = rest.search(/[^ ]/);
    if (i < 0) return;
    while (rest[i] === '!' || rest[i] === '&') {
      const end = rest.indexOf(' ', i);
      if (end < 0) return;
      i = end + rest.slice(end).search(/[^ ]|$/);
    }
    const indicator = (at: number): boolean => at + 1 >= rest.length || rest[at + 1] === ' ';
    if ((rest[i] === '-' || rest[i] === '?') && indicator(i)) throw new YamlSyntaxError('block collection entries are not allowed here');
    // The line holds one node: a flow collection, a quoted or block scalar, or a plain scalar
    // that runs to the line's end (a `[` or a quote inside it is its text).
    let depth = 0;
    let quote = '';
    let plain = false;
    for (; i < rest.length; i++) {
      const c = rest[i] as string;
      const prev = i === 0 ? ' ' : rest[i - 1] as string;
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && rest[i + 1] === "'") i++;
          else quote = '';
        }
        continue;
      }
      if (c === '#' && prev === ' ') return;
      if (depth > 0) {
        if ((c === '"' || c === "'") && /[ [{,:]/.test(prev)) quote = c;
        else if (c === '[' || c === '{') depth++;
        else if (c === ']' || c === '}') depth--;
        continue;
      }
      if (!plain && (c === '"' || c === "'")) quote = c;
      else if (!plain && (c === '[' || c === '{')) depth++;
      else if (!plain && (c === '|' || c === '>')) return;
      else if (c === ':' && indicator(i)) throw new YamlSyntaxError('mapping values are not allowed here');
      else if (c !== ' ') plain = true;
    }
    return;
  }
}

/**
 * ruamel's scanner takes a tab nowhere but inside quotes, comments and block scalars (not even
 * after `key:` or inside a plain scalar); js-yaml takes more.
 */
function checkTabs(text: string): void {
  if (!text.includes('\t')) return;
  let quote: '' | "'" | '"' = '';
  let blockIndent = -1; // >= 0 while inside a block scalar: the indentation of its parent line
  let lineStart = true;
  let indent = 0;
  let prev = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n' || c === '\r') { lineStart = true; indent = 0; prev = c; continue; }
    if (lineStart) {
      if (c === ' ') { indent++; prev = c; continue; }
      lineStart = false;
      if (blockIndent >= 0) {
        if (indent > blockIndent) { i = skipLine(text, i); prev = '\n'; continue; }
        blockIndent = -1;
      }
    }
    if (quote) {
      if (quote === '"' && c === '\\') { i++; prev = ''; continue; }
      if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") { i++; continue; }
        quote = '';
      }
      prev = c;
      continue;
    }
    if (c === '\t') throw new YamlSyntaxError("found character '\\t' that cannot start any token");
    if (c === '#' && (prev === ' ' || prev === '\n' || prev === '\r')) { i = skipLine(text, i); prev = '\n'; continue; }
    if ((c === '"' || c === "'") && /[\s[{,:\-?]|^$/.test(prev)) quote = c;
    if ((c === '|' || c === '>') && /[\s:\-?]|^$/.test(prev) && /^[-+0-9]*[ ]*(?:#.*)?$/.test(restOfLine(text, i + 1))) {
      blockIndent = lineIndentBefore(text, i);
      i = skipLine(text, i);
      prev = '\n';
      continue;
    }
    prev = c;
  }
}

/** ruamel takes a key without `?` only if it ends within 1024 characters ("could not find expected ':'"). */
function checkLongKeys(text: string): void {
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.length <= 1024) continue;
    const m = /^[ ]*(?:- +)*([^\s#'"{}[\]?|>][^]*?):(?: |$)/.exec(line);
    if (m && (m[1] as string).length > 1024) throw new YamlSyntaxError("could not find expected ':'");
  }
}

function restOfLine(text: string, from: number): string {
  const end = text.slice(from).search(/[\r\n]/);
  return end < 0 ? text.slice(from) : text.slice(from, from + end);
}

/** Index of the last character of the line holding `i` (the loop then steps onto the break). */
function skipLine(text: string, i: number): number {
  const end = text.slice(i).search(/[\r\n]/);
  return end < 0 ? text.length : i + end - 1;
}

function lineIndentBefore(text: string, i: number): number {
  const start = Math.max(text.lastIndexOf('\n', i), text.lastIndexOf('\r', i)) + 1;
  const line = text.slice(start, i);
  return line.length - line.trimStart().length;
}

/** js-yaml's listener state: a node's properties are there too. */
type ListenerState = import('js-yaml').State & { readonly tag?: string | null; readonly anchor?: string | null };

const explicitTag = (tag: string | null | undefined): boolean => tag !== null && tag !== undefined && tag !== '?' && tag !== 'tag:yaml.org,2002:plain';

/**
 * A node takes one anchor and one tag. js-yaml takes a second one on the next line
 * (`&a\n&b x`, `!!str\n!!str x`): it reads that line as a node of its own, which it then hands
 * up as the outer node's content (its block-mapping reader does so with a key without `:`).
 * ruamel's parser: "expected the node content, but found '<anchor>'". A node opens while the
 * outer node's properties are still in js-yaml's state, so each open notes them; an inner node
 * that closes with the same kind of property, and then is the outer node's result, is that case
 * (an anchored key of an anchored mapping, or an item of an anchored list, is not).
 */
class PropertyCheck {
  private readonly open: Array<{ readonly anchor: boolean; readonly tag: boolean }> = [];
  private closed: { readonly doubled: boolean; readonly result: unknown } | undefined;

  onOpen(state: ListenerState): void {
    this.open.push({ anchor: (state.anchor ?? null) !== null, tag: explicitTag(state.tag) });
    this.closed = undefined;
  }

  onClose(state: ListenerState): void {
    const outer = this.open.pop();
    if (this.closed?.doubled === true && Object.is(this.closed.result, state.result)) {
      throw new YamlSyntaxError("expected the node content, but found '<anchor>'");
    }
    const doubled = outer !== undefined && ((outer.anchor && (state.anchor ?? null) !== null) || (outer.tag && explicitTag(state.tag)));
    this.closed = { doubled, result: state.result };
  }
}

/**
 * js-yaml appends a line break to a stream that does not end with one, so a block scalar whose
 * last line ends the stream (`Username: |` then `  alice` from a `$(cat file)`) gets a final
 * line break that ruamel, reading the text as it is, does not give it ('alice', not 'alice\n').
 * Each open notes where its node starts; a block scalar that closes at the end has it taken off.
 */
class StreamEnd {
  private readonly starts: number[] = [];
  private readonly appended: boolean;

  constructor(source: string) {
    // Only when the last line holds the scalar's text: a blank last line is no content.
    this.appended = source.length > 0 && !/[\r\n]$/.test(source) && /[^ ]/.test(source.slice(Math.max(source.lastIndexOf('\n'), source.lastIndexOf('\r')) + 1));
  }

  onOpen(state: ListenerState): void {
    this.starts.push(state.position);
  }

  onClose(state: ListenerState): void {
    const start = this.starts.pop();
    if (!this.appended || start === undefined || state.position !== state.input.length - 1) return;
    if (typeof state.result !== 'string' || !state.result.endsWith('\n')) return;
    // The node's text after blanks, comments and its properties.
    const head = state.input.slice(start, start + 256).replace(/^(?:[ \t\r\n]+|#[^\r\n]*|[!&][^ \t\r\n]*)*/, '');
    if (head.startsWith('|') || head.startsWith('>')) state.result = state.result.slice(0, -1);
  }
}

/** The parsed document in the value model (plus bytes), aliases still shared. */
export async function loadYamlDocument(text: string): Promise<InputValue> {
  const version = versionOf(text);
  checkLeadingDocumentEnd(text);
  checkDocumentStartLine(text);
  checkTabs(text);
  checkLongKeys(text);
  const source = guardFirstDashes(text);
  const yaml = await import('js-yaml');
  copied = 0;
  keyTexts.clear();
  let raw: unknown;
  try {
    // Deeper than the AWS CLI goes (the converter checks its exact depth) is its RecursionError.
    // maxDepth is js-yaml 4.3's; @types/js-yaml predates it.
    const options: import('js-yaml').LoadOptions & { maxDepth: number } = { schema: schemaFor(yaml, version), maxDepth: JS_YAML_MAX_DEPTH };
    const properties = new PropertyCheck();
    const streamEnd = new StreamEnd(source);
    raw = yaml.load(source, {
      ...options,
      listener(event, state) {
        if (event !== 'close') {
          properties.onOpen(state);
          streamEnd.onOpen(state);
          return;
        }
        streamEnd.onClose(state);
        if (Array.isArray(state.result) && !Object.hasOwn(state.result, 'constructor')) {
          Object.defineProperty(state.result, 'constructor', { value: TupleKey, enumerable: false });
        } else if (typeof state.result === 'string' && BOXED_STR(state.result)) {
          // A quoted '10' as a key would become an array index of js-yaml's object and move
          // ahead of the other keys; boxed, it keeps its place.
          state.result = new Boxed(state.result, `${INDEX_KEY}${state.result}`);
        }
        properties.onClose(state);
      },
    });
  } catch (e) {
    if (e instanceof GeneralError || e instanceof YamlSyntaxError || e instanceof YamlExpansionError) throw e;
    if (e instanceof RangeError || (e instanceof Error && e.message.startsWith('nesting exceeded maxDepth'))) {
      throw new GeneralError('maximum recursion depth exceeded');
    }
    throw new YamlSyntaxError(e instanceof Error ? e.message : String(e));
  }
  setKeyRepr((k) => (k.startsWith(NON_STR_KEY) ? keyRepr(k) : undefined));
  return new Converter().convert(raw, 1);
}

/** Whether `v` is js-yaml's result for a node tagged `kind`. */
function taggedNode(v: unknown, kind: Tagged['kind']): boolean {
  return v instanceof Boxed && v.value instanceof Tagged && v.value.kind === kind;
}

/** The node a tagged collection was made of (js-yaml's object or array). */
function taggedData(v: unknown): unknown {
  return ((v as Boxed).value as Tagged).data;
}

/** js-yaml's result → the value model, preserving shared and cyclic objects. */
class Converter {
  private readonly done = new Map<object, InputValue>();

  convert(v: unknown, depth: number): InputValue {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v;
    if (v instanceof Boxed) return this.boxed(v, depth);
    if (typeof v !== 'object') return String(v);
    const known = this.done.get(v);
    if (known !== undefined) return known;
    if (depth > (Array.isArray(v) ? YAML_MAX_DEPTH.list : YAML_MAX_DEPTH.dict)) throw new GeneralError('maximum recursion depth exceeded');
    if (Array.isArray(v)) {
      const list: PyValue[] = [];
      this.done.set(v, list);
      for (const item of v) list.push(this.convert(item, depth + 1) as PyValue);
      return list;
    }
    const dict = new PyDict();
    this.done.set(v, dict);
    const own = Object.entries(v as Record<string, unknown>);
    const merge = own.find(([k]) => k === `${NON_STR_KEY}<<`);
    if (merge) {
      // ruamel's flatten_mapping: the merged pairs come first (of a list of maps, the last
      // map's first), so later ones overwrite earlier ones but keep their positions.
      // It reads nodes, not their tags: a !!set is a mapping node (its keys merge, with None),
      // an !!omap or !!pairs a sequence of one-pair mappings.
      const sources = Array.isArray(merge[1]) ? [...merge[1]].reverse()
        : taggedNode(merge[1], 'omap') || taggedNode(merge[1], 'pairs') ? [...(taggedData(merge[1]) as unknown[])].reverse() : [merge[1]];
      for (const found of sources) {
        const source = taggedNode(found, 'set') ? taggedData(found) : found;
        if (source === null || typeof source !== 'object' || Array.isArray(source) || source instanceof Boxed) {
          throw new YamlSyntaxError('expected a mapping or list of mappings for merging');
        }
        const flat = this.convert(source, depth + 1);
        if (!(flat instanceof PyDict)) throw new YamlSyntaxError('expected a mapping for merging');
        copying(flat.size);
        for (const [k, x] of flat) dict.set(k, x);
      }
    }
    for (const [k, x] of own) {
      if (k === `${NON_STR_KEY}<<`) continue;
      // A mapping as a key is unhashable in Python (js-yaml calls it "[object Object]").
      if (k === '[object Object]') throw new YamlSyntaxError('found unhashable key');
      checkTupleKey(k);
      dict.set(strKey(k), this.convert(x, depth + 1) as PyValue);
    }
    return dict;
  }

  private boxed(b: Boxed, depth: number): InputValue {
    const v = b.value;
    if (v === MERGE || v === VALUE) throw new YamlSyntaxError('could not determine a constructor for the tag');
    if (v instanceof Tagged) return this.tagged(b, v, depth);
    return v as InputValue;
  }

  private tagged(b: Boxed, t: Tagged, depth: number): InputValue {
    const known = this.done.get(b);
    if (known !== undefined) return known;
    if (t.kind === 'set') {
      const keys = Object.keys(t.data as object).map(strKey);
      keys.forEach(checkTupleKey);
      const set = new PyObject('set', keys, pythonText(() => keys.length === 0 ? 'set()' : `{${keys.map((k) => keyRepr(k)).join(', ')}}`));
      this.done.set(b, set);
      return set;
    }
    const pairs: Array<[string, InputValue]> = [];
    const tuples = (): string => pairs.map(([k, x]) => `(${keyRepr(k)}, ${inputRepr(x)})`).join(', ');
    // Made before its items, so that an alias inside to its own anchor finds it (and prints as
    // Python prints a container inside itself).
    const value = t.kind === 'omap'
      ? new PyObject(ORDERED_DICT, pairs, pythonText(() => pairs.length === 0 ? 'ordereddict()' : `ordereddict([${tuples()}])`))
      : new PyObject('list', pairs, pythonText(() => `[${tuples()}]`, '[...]'));
    this.done.set(b, value);
    this.done.set(t.data as object, value);
    const seen = new Set<string>();
    for (const item of t.data as unknown[]) {
      if (item === null || typeof item !== 'object' || Array.isArray(item) || item instanceof Boxed) {
        throw new YamlSyntaxError('expected a mapping of length 1');
      }
      const entries = Object.entries(item as Record<string, unknown>);
      if (entries.length !== 1) throw new YamlSyntaxError('expected a single mapping item');
      const [k, x] = entries[0] as [string, unknown];
      // construct_yaml_omap/pairs build each key with construct_object: `<<` has no constructor.
      if (k === `${NON_STR_KEY}<<`) throw new YamlSyntaxError("could not determine a constructor for the tag 'tag:yaml.org,2002:merge'");
      if (t.kind === 'omap') {
        // `assert key not in omap`: Python hashes the key (a TypeError for a container, which no
        // list-to-tuple step saves here) and a duplicate fails the bare assert.
        const unhashable = unhashableKeyType(k);
        if (unhashable !== undefined) throw new GeneralError(`unhashable type: '${unhashable}'`);
        if (seen.has(k)) throw new GeneralError('');
        seen.add(k);
      }
      pairs.push([strKey(k), this.convert(x, depth + 1)]);
    }
    return value;
  }
}

/** The Python type of a js-yaml key that Python cannot hash, or undefined. */
function unhashableKeyType(key: string): string | undefined {
  if (key === '[object Object]') return 'dict';
  if (key.startsWith(`${NON_STR_KEY}t(`) || key.startsWith(UNHASHABLE_TUPLE) || key === `${NON_STR_KEY}pairs`) return 'list';
  if (key === `${NON_STR_KEY}set`) return 'set';
  if (key === `${NON_STR_KEY}omap`) return 'ordereddict';
  return undefined;
}



/**
 * str() and repr() computed when first printed (a huge aliased value may never be); `recursive`
 * is what it prints as inside itself.
 */
function pythonText(repr: () => string, recursive = '...'): { readonly str: string; readonly repr: string } {
  let cached: string | undefined;
  let busy = false;
  const get = (): string => {
    if (cached !== undefined) return cached;
    if (busy) return recursive;
    busy = true;
    try {
      cached = repr();
    } finally {
      busy = false;
    }
    return cached;
  };
  return { get str() { return get(); }, get repr() { return get(); } };
}



