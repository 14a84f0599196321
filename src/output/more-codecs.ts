// The output codecs and error handlers that only a run naming them needs, read with the code-page
// tables (the charmaps bundle): UTF-32, Python's single-byte charmap codecs, unicode_escape and
// raw_unicode_escape as encoders, and the error handlers PYTHONIOENCODING can name
// (`ascii:replace`). The core's output streams (stream.ts) ask for them by label.
import { PythonError } from '../python/builtins.js';
import { codecKind } from '../util/codecs.js';

/** An encoder as stream.ts drives it: the bytes of one code point, or undefined. */
export interface MoreCodec {
  readonly name: string;
  readonly reason: string;
  encode(cp: number): number[] | undefined;
  readonly oneAtATime?: boolean;
}

const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

function utf32(bigEndian: boolean): MoreCodec {
  return {
    // Python's utf-32 stream on a pipe writes no BOM, in the machine's order: named utf-32-le.
    name: bigEndian ? 'utf-32-be' : 'utf-32-le',
    reason: 'surrogates not allowed',
    oneAtATime: true,
    encode: (cp) => {
      if (isSurrogate(cp)) return undefined;
      const b = [cp & 0xff, (cp >> 8) & 0xff, (cp >> 16) & 0xff, 0];
      return bigEndian ? b.reverse() : b;
    },
  };
}

const hex = (cp: number, width: number): string => cp.toString(16).padStart(width, '0');

/** Python's unicode_escape (`raw` false) and raw_unicode_escape encoders: every character encodes. */
function escapeCodec(raw: boolean): MoreCodec {
  const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
  return {
    name: raw ? 'rawunicodeescape' : 'unicodeescape',
    reason: '',
    encode: (cp) => {
      if (raw) {
        if (cp < 0x100) return [cp];
      } else {
        if (cp === 0x5c) return ascii('\\\\');
        if (cp === 0x09) return ascii('\\t');
        if (cp === 0x0a) return ascii('\\n');
        if (cp === 0x0d) return ascii('\\r');
        if (cp >= 0x20 && cp < 0x7f) return [cp];
        if (cp < 0x100) return ascii(`\\x${hex(cp, 2)}`);
      }
      return ascii(cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`);
    },
  };
}

/**
 * The encoder of a charmap codec from its decoding table (charmaps.ts: 256 characters, or the
 * 128 over ASCII; U+FFFE a byte the code page leaves undefined). Python's encoding map is the
 * decoding table turned round (codecs.charmap_build), the last byte winning where two decode to
 * one character: cp1006's U+FE8E is 0xB2, mac_arabic's space 0xA0.
 */
export function charmapCodec(table: string): MoreCodec {
  const map = new Map<number, number>();
  const offset = table.length === 256 ? 0 : 0x80;
  if (offset !== 0) for (let b = 0; b < 0x80; b++) map.set(b, b);
  for (let i = 0; i < table.length; i++) {
    const cp = table.charCodeAt(i);
    if (cp !== 0xfffe) map.set(cp, i + offset);
  }
  return {
    name: 'charmap',
    reason: 'character maps to <undefined>',
    encode: (cp) => {
      const b = map.get(cp);
      return b === undefined ? undefined : [b];
    },
  };
}

/**
 * Python's names of the CJK codecs the tables hold (encodings/aliases.py, normalized), beyond
 * those the core knows (codecs.ts).
 */
export const CJK_ALIASES: Readonly<Record<string, string>> = {
  cp932: 'cp932', '932': 'cp932', ms932: 'cp932', mskanji: 'cp932', ms_kanji: 'cp932',
  cp949: 'cp949', '949': 'cp949', ms949: 'cp949', uhc: 'cp949', cp950: 'cp950', '950': 'cp950', ms950: 'cp950',
  u_jis: 'euc_jp', ksc5601: 'euc_kr', ks_c_5601: 'euc_kr', ks_c_5601_1987: 'euc_kr', ksx1001: 'euc_kr',
  ks_x_1001: 'euc_kr', x_mac_korean: 'euc_kr', gb2312: 'gb2312', chinese: 'gb2312', csiso58gb231280: 'gb2312',
  euc_cn: 'gb2312', euccn: 'gb2312', eucgb2312_cn: 'gb2312', gb2312_1980: 'gb2312', gb2312_80: 'gb2312',
  iso_ir_58: 'gb2312', x_mac_simp_chinese: 'gb2312', csshiftjis: 'shift_jis', shiftjis: 'shift_jis',
  x_mac_japanese: 'shift_jis', x_mac_trad_chinese: 'big5',
};

type CjkTables = typeof import('../util/cjk/index.js');
let cjkTables: CjkTables | undefined;

/** Reads the CJK tables (their own bundle) when one of the codecs names a `cjk:` label. */
export async function loadCjkTables(labels: ReadonlyArray<string | undefined>): Promise<void> {
  if (cjkTables === undefined && labels.some((label) => label?.startsWith('cjk:'))) cjkTables = await import('../util/cjk/index.js');
}

/**
 * A CJK codec from its table: Python's multibyte codecs report each character they cannot
 * encode on its own (a lone surrogate, anything past the BMP, a character outside the set).
 * gb18030 encodes every code point but a surrogate: four bytes for what its table lacks.
 */
function cjkCodec(name: string): MoreCodec | undefined {
  const data = cjkTables?.CJK_TABLES[name];
  if (cjkTables === undefined || data === undefined) return undefined;
  const map = cjkTables.readCjkTable(data);
  const makeup = name === 'euc_kr' ? Buffer.from(cjkTables.EUC_KR_MAKEUP, 'hex') : undefined;
  const ranges = name === 'gb18030' ? cjkTables.readRanges(cjkTables.GB18030_RANGES) : undefined;
  // gb18030's four bytes of a linear index (digits of 10, 126, 10 over 0x81 0x30 0x81 0x30).
  const fourBytes = (lin: number): number[] => [0x81 + Math.floor(lin / 12600), 0x30 + (Math.floor(lin / 1260) % 10), 0x81 + (Math.floor(lin / 10) % 126), 0x30 + (lin % 10)];
  const gb18030 = (cp: number): number[] | undefined => {
    if (isSurrogate(cp) || ranges === undefined) return undefined;
    if (cp >= 0x10000) return fourBytes(189000 + cp - 0x10000);
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [lin, first, length] = ranges[mid] as readonly [number, number, number];
      if (cp < first) hi = mid - 1;
      else if (cp >= first + length) lo = mid + 1;
      else return fourBytes(lin + cp - first);
    }
    return undefined;
  };
  return {
    name,
    reason: 'illegal multibyte sequence',
    oneAtATime: true,
    encode: (cp) => {
      if (cp < 0x80) return [cp];
      const bytes = map.get(cp);
      if (bytes === undefined && ranges !== undefined) return gb18030(cp);
      if (bytes !== undefined || makeup === undefined || cp < 0xac00 || cp >= 0xd7a4) return bytes;
      // euc_kr's KS X 1001:1998 make-up sequence of a syllable it has no code for.
      const i = cp - 0xac00;
      return [0xa4, 0xd4, 0xa4, makeup[Math.floor(i / 588)] as number, 0xa4, makeup[19 + (Math.floor(i / 28) % 21)] as number, 0xa4, makeup[40 + (i % 28)] as number];
    },
  };
}

/** The codecs here by stream.ts's label ('charmap:' ones come from their tables, via charmapCodec). */
export function moreCodec(label: string): MoreCodec | undefined {
  if (label.startsWith('cjk:')) return cjkCodec(label.slice(4));
  switch (label) {
    case 'utf-32':
    case 'utf-32le': return utf32(false);
    case 'utf-32be': return utf32(true);
    case 'unicode_escape': return escapeCodec(false);
    case 'raw_unicode_escape': return escapeCodec(true);
    default: return undefined;
  }
}

const escapeChar = (cp: number): string =>
  cp <= 0xff ? `\\x${hex(cp, 2)}` : cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;

/**
 * What Python's error handler `errors` puts in place of code points start..end-1 that `codec`
 * cannot encode, as bytes of the codec; undefined for `strict` (and for what surrogatepass
 * cannot pass), where the caller raises the UnicodeEncodeError. An unknown name is Python's
 * LookupError, met at the first character that needs the handler.
 */
export function replaceUnencodable(errors: string, codec: MoreCodec, cps: readonly number[], start: number, end: number): number[] | undefined {
  const text = (f: (cp: number) => string): number[] | undefined => {
    const out: number[] = [];
    for (let i = start; i < end; i++) {
      for (const ch of f(cps[i] as number)) {
        const b = codec.encode(ch.codePointAt(0) as number);
        if (b === undefined) return undefined;
        out.push(...b);
      }
    }
    return out;
  };
  switch (errors) {
    case 'strict': return undefined;
    case 'ignore': return [];
    case 'replace': return text(() => '?');
    case 'backslashreplace':
    // cogsignout carries no Unicode character names: namereplace's \N{…} is written as the escape.
    case 'namereplace': return text(escapeChar);
    case 'xmlcharrefreplace': return text((cp) => `&#${cp};`);
    case 'surrogatepass': {
      if (!/^utf-(?:8|16|32)/.test(codec.name)) return undefined;
      const out: number[] = [];
      for (let i = start; i < end; i++) {
        const cp = cps[i] as number;
        if (!isSurrogate(cp)) return undefined;
        if (codec.name === 'utf-8') out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
        else if (codec.name.startsWith('utf-16')) out.push(...(codec.name.endsWith('be') ? [cp >> 8, cp & 0xff] : [cp & 0xff, cp >> 8]));
        else out.push(...(codec.name.endsWith('be') ? [0, 0, cp >> 8, cp & 0xff] : [cp & 0xff, cp >> 8, 0, 0]));
      }
      return out;
    }
    default: throw new PythonError('LookupError', `unknown error handler name '${errors}'`);
  }
}

// Addresses as Python prints them (the comparers read any such address as one).
const addr = (k: number, width = 0): string => `0x${(0x7f0000000000 + (process.pid % 0x10000) * 0x1000 + k).toString(16).padStart(width, '0')}`;

/**
 * What Python prints as it dies of AWS_CLI_OUTPUT_ENCODING=undefined: the check's UnicodeError
 * goes to the handler, whose stderr now fails every write, and Python loses the stream.
 */
export function undefinedCodecDeath(): string {
  return `object address  : ${addr(0x2c0)}\nobject refcount : 2\nobject type     : ${addr(0x9a0)}\nobject type name: UnicodeError\nobject repr     : UnicodeError('undefined encoding')\nlost sys.stderr\n`;
}

/**
 * Python's death at start-up for a PYTHONIOENCODING codec it cannot make streams of (CPython's
 * init_stdio_encoding, init_sys_streams): its stderr, or undefined for a codec it can.
 */
export function fatalStdio(encoding: string): string | undefined {
  const kind = codecKind(encoding);
  if (kind === 'text') return undefined;
  // PYTHONIOENCODING=undefined makes streams whose every write fails: not modelled (UTF-8 here).
  if (kind === 'undefined') return undefined;
  const [where, error] = kind === 'unknown'
    ? ['init_stdio_encoding: failed to get the Python codec name of the stdio encoding', `unknown encoding: ${encoding}`]
    : ["init_sys_streams: can't initialize sys standard streams", `'${kind.notText}' is not a text encoding; use codecs.open() to handle arbitrary codecs`];
  return `Fatal Python error: ${where}\nPython runtime state: core initialized\nLookupError: ${error}\n\nCurrent thread ${addr(0x740, 16)} (most recent call first):\n  <no Python frame>\n`;
}
