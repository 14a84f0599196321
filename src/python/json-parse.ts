// Python's json.loads() into the value model: floats stay floats (`1.0`, `1e3`, `-0.0`), ints
// stay exact, objects keep key order (a repeated key keeps its first position and takes the last
// value), NaN/Infinity/-Infinity are accepted, control characters inside strings are not, and
// failures carry json's message (`Expecting value: line 1 column 1 (char 0)`).
import { PythonError } from './builtins.js';
import { PyDict, PyFloat, type PyValue } from './value.js';

/** CPython's default int-from-string limit (sys.get_int_max_str_digits()). */
const INT_MAX_STR_DIGITS = 4300;

/** json.JSONDecodeError: `msg` is the part before the position, which jmespath.py reuses. */
export class JsonDecodeError extends PythonError {
  constructor(
    readonly msg: string,
    /** Position in code points, as Python counts. */
    readonly pos: number,
    readonly lineno: number,
    readonly colno: number,
  ) {
    super('JSONDecodeError', `${msg}: line ${lineno} column ${colno} (char ${pos})`);
  }
}

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
  ) {}

  /** The C scanner's Py_EnterRecursiveCall for each container: past the limit, RecursionError. */
  private nested<T>(kind: 'object' | 'array', parse: () => T): T {
    if (++this.depth > this.maxDepth) {
      throw new PythonError('RecursionError', `maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
    }
    const value = parse();
    this.depth--;
    return value;
  }

  fail(msg: string, at: number): never {
    // Python positions count code points; ours count UTF-16 units.
    const before = this.s.slice(0, at);
    const pos = Array.from(before).length;
    const lastNl = before.lastIndexOf('\n');
    const lineno = before.split('\n').length;
    const colno = lastNl < 0 ? pos + 1 : pos - Array.from(before.slice(0, lastNl)).length;
    throw new JsonDecodeError(msg, pos, lineno, colno);
  }

  skipWs(): void {
    while (isWs(this.s[this.i])) this.i++;
  }

  parseDocument(): PyValue {
    if (this.s.startsWith('\ufeff')) this.fail('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
    this.skipWs();
    const value = this.value();
    this.skipWs();
    if (this.i !== this.s.length) this.fail('Extra data', this.i);
    return value;
  }

  /** scan_once: a value at the current position, or "Expecting value" there. */
  value(): PyValue {
    const s = this.s;
    const start = this.i;
    const c = s[start];
    if (c === '"') {
      this.i++;
      return this.string(start);
    }
    if (c === '{') {
      this.i++;
      return this.nested('object', () => this.object());
    }
    if (c === '[') {
      this.i++;
      return this.nested('array', () => this.array());
    }
    for (const [word, v] of [
      ['null', null],
      ['true', true],
      ['false', false],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
    ] as const) {
      if (s.startsWith(word, start)) {
        this.i = start + word.length;
        return typeof v === 'number' ? new PyFloat(v) : v;
      }
    }
    return this.number(start);
  }

  number(start: number): PyValue {
    const s = this.s;
    let i = start;
    if (s[i] === '-') i++;
    if (s[i] === '0') i++;
    else if (isDigit(s[i])) {
      while (isDigit(s[i])) i++;
    } else this.fail('Expecting value', start);
    let isFloat = false;
    if (s[i] === '.' && isDigit(s[i + 1])) {
      isFloat = true;
      i += 2;
      while (isDigit(s[i])) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      const eStart = i;
      i++;
      if (s[i] === '-' || s[i] === '+') i++;
      while (isDigit(s[i])) i++;
      if (isDigit(s[i - 1])) isFloat = true;
      else i = eStart;
    }
    const text = s.slice(start, i);
    this.i = i;
    if (isFloat) return new PyFloat(Number(text));
    const digits = text.startsWith('-') ? text.length - 1 : text.length;
    if (digits > INT_MAX_STR_DIGITS) {
      throw new PythonError(
        'ValueError',
        `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
    return BigInt(text);
  }

  /** scanstring in strict mode; `quote` is the position of the opening quote. */
  string(quote: number): string {
    const s = this.s;
    let out = '';
    let i = this.i;
    for (;;) {
      let j = i;
      while (j < s.length && s[j] !== '"' && s[j] !== '\\' && (s.charCodeAt(j) >= 0x20)) j++;
      out += s.slice(i, j);
      if (j >= s.length) this.fail('Unterminated string starting at', quote);
      const c = s[j] as string;
      if (c === '"') {
        this.i = j + 1;
        return out;
      }
      if (c !== '\\') this.fail('Invalid control character at', j);
      const e = s[j + 1];
      if (e === undefined) this.fail('Unterminated string starting at', quote);
      if (e !== 'u') {
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        const r = simple[e];
        if (r === undefined) this.fail('Invalid \\escape', j);
        out += r;
        i = j + 2;
        continue;
      }
      const hex4 = (at: number): number | undefined => {
        const h = s.slice(at, at + 4);
        return h.length === 4 && [...h].every(isHex) ? parseInt(h, 16) : undefined;
      };
      // Like CPython, four hex digits must be followed by at least one more character.
      const u = j + 6 >= s.length ? undefined : hex4(j + 2);
      if (u === undefined) this.fail('Invalid \\uXXXX escape', j + 1);
      i = j + 6;
      if (u >= 0xd800 && u <= 0xdbff && i + 6 < s.length && s[i] === '\\' && s[i + 1] === 'u') {
        const lo = hex4(i + 2);
        if (lo === undefined) this.fail('Invalid \\uXXXX escape', i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          out += String.fromCharCode(u, lo);
          i += 6;
          continue;
        }
      }
      out += String.fromCharCode(u);
    }
  }

  object(): PyDict {
    const s = this.s;
    const d = new PyDict();
    this.skipWs();
    if (s[this.i] === '}') {
      this.i++;
      return d;
    }
    for (;;) {
      if (s[this.i] !== '"') this.fail('Expecting property name enclosed in double quotes', this.i);
      const keyStart = this.i;
      this.i++;
      const key = this.string(keyStart);
      this.skipWs();
      if (s[this.i] !== ':') this.fail("Expecting ':' delimiter", this.i);
      this.i++;
      this.skipWs();
      d.set(key, this.value());
      this.skipWs();
      if (s[this.i] === '}') {
        this.i++;
        return d;
      }
      if (s[this.i] !== ',') this.fail("Expecting ',' delimiter", this.i);
      this.i++;
      this.skipWs();
    }
  }

  array(): PyValue[] {
    const s = this.s;
    const out: PyValue[] = [];
    this.skipWs();
    if (s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipWs();
      if (s[this.i] === ']') {
        this.i++;
        return out;
      }
      if (s[this.i] !== ',') this.fail("Expecting ',' delimiter", this.i);
      this.i++;
      this.skipWs();
    }
  }
}

/**
 * json.loads(text). Throws JsonDecodeError, or a ValueError for an int past 4300 digits; with
 * `maxDepth`, a RecursionError for containers nested deeper (what Python's recursion limit
 * leaves the scanner where the caller runs it).
 */
export function parseJson(text: string, maxDepth = Infinity): PyValue {
  return new Parser(text, maxDepth).parseDocument();
}
