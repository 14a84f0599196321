// Python codec names as users write them in AWS_CLI_FILE_ENCODING and AWS_CLI_OUTPUT_ENCODING,
// looked up the way Python's codec registry does (case and punctuation folded, its aliases), and
// decoders that fail where Python's strict decoders fail. Only codecs TextDecoder can do (or
// that are trivial) are known; a name Python knows but this table lacks counts as unknown.
import { GeneralError } from '../errors/errors.js';
import { onFirstUse } from './first-use.js';
import { decodeUtf16, decodeUtf32, UnicodeDecodeFailure } from './unicode-decoders.js';
import type { charmapCodec, fatalStdio, loadCjkTables, moreCodec, replaceUnencodable, undefinedCodecDeath } from '../output/more-codecs.js';
import type { charmapTable, codecKind as moreCodecKind, moreOutputLabel } from './charmaps.js';

// The tables are made on first use: every run loads this module (the output streams), and a run
// that names no codec (most, every `--version`) need not pay for making them.

/** Python's canonical codec → the TextDecoder label ('' for the ones decoded here by hand). */
const DECODERS = onFirstUse((): Readonly<Record<string, string>> => ({
  utf_8: 'utf-8', utf_8_sig: 'utf-8', ascii: '', latin_1: '',
  utf_16: 'utf-16le', utf_16_le: 'utf-16le', utf_16_be: 'utf-16be',
  cp1250: 'windows-1250', cp1251: 'windows-1251', cp1252: 'windows-1252', cp1253: 'windows-1253',
  cp1254: 'windows-1254', cp1255: 'windows-1255', cp1256: 'windows-1256', cp1257: 'windows-1257',
  cp1258: 'windows-1258', iso8859_2: 'iso-8859-2', iso8859_15: 'iso-8859-15', koi8_r: 'koi8-r',
  shift_jis: 'shift_jis', euc_jp: 'euc-jp', gbk: 'gbk', gb18030: 'gb18030', big5: 'big5', euc_kr: 'euc-kr',
}));

/** Python's aliases (encodings/aliases.py) of the codecs above, after normalization. */
const ALIASES = onFirstUse((): Readonly<Record<string, string>> => ({
  u8: 'utf_8', utf: 'utf_8', utf8: 'utf_8', utf8_ucs2: 'utf_8', utf8_ucs4: 'utf_8', cp65001: 'utf_8',
  '646': 'ascii', 'ansi_x3.4_1968': 'ascii', ansi_x3_4_1968: 'ascii', 'ansi_x3.4_1986': 'ascii', cp367: 'ascii',
  csascii: 'ascii', ibm367: 'ascii', iso646_us: 'ascii', 'iso_646.irv_1991': 'ascii', iso_ir_6: 'ascii',
  us: 'ascii', us_ascii: 'ascii',
  '8859': 'latin_1', cp819: 'latin_1', csisolatin1: 'latin_1', ibm819: 'latin_1', iso8859: 'latin_1',
  iso8859_1: 'latin_1', iso_8859_1: 'latin_1', iso_8859_1_1987: 'latin_1', iso_ir_100: 'latin_1',
  l1: 'latin_1', latin: 'latin_1', latin1: 'latin_1',
  u16: 'utf_16', utf16: 'utf_16', unicodebigunmarked: 'utf_16_be', utf_16be: 'utf_16_be',
  unicodelittleunmarked: 'utf_16_le', utf_16le: 'utf_16_le',
  windows_1250: 'cp1250', windows_1251: 'cp1251', windows_1252: 'cp1252', windows_1253: 'cp1253',
  windows_1254: 'cp1254', windows_1255: 'cp1255', windows_1256: 'cp1256', windows_1257: 'cp1257',
  windows_1258: 'cp1258', iso_8859_2: 'iso8859_2', latin2: 'iso8859_2', l2: 'iso8859_2',
  iso_8859_15: 'iso8859_15', latin9: 'iso8859_15', l9: 'iso8859_15', sjis: 'shift_jis', s_jis: 'shift_jis',
  eucjp: 'euc_jp', ujis: 'euc_jp', '936': 'gbk', cp936: 'gbk', ms936: 'gbk', big5_tw: 'big5', csbig5: 'big5',
  euckr: 'euc_kr', korean: 'euc_kr',
}));

/** Codecs Python knows that turn bytes into bytes: `open(encoding=...)` refuses them. */
const NOT_TEXT = onFirstUse((): ReadonlySet<string> => new Set([
  'base64_codec', 'base64', 'base_64', 'bz2_codec', 'bz2', 'hex_codec', 'hex', 'quopri_codec', 'quopri',
  'quoted_printable', 'quotedprintable', 'rot_13', 'rot13', 'uu_codec', 'uu', 'zlib_codec', 'zip', 'zlib',
]));

/** encodings.normalize_encoding after the registry's lower-casing. */
function normalize(name: string): string {
  let out = '';
  let punct = false;
  for (const c of name.toLowerCase()) {
    if (/^[\p{L}\p{N}.]$/u.test(c)) {
      if (punct && out !== '') out += '_';
      if (c.charCodeAt(0) < 128) out += c;
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

/**
 * Codecs only the file reader knows (decoded here by hand), with their aliases: Python's stream
 * writer for them is not something cogsignout's output can be, so AWS_CLI_OUTPUT_ENCODING does
 * not take them.
 */
const FILE_ONLY = onFirstUse((): Readonly<Record<string, string>> => ({
  utf_32: 'utf_32', utf_32_le: 'utf_32_le', utf_32_be: 'utf_32_be', u32: 'utf_32', utf32: 'utf_32',
  utf_32le: 'utf_32_le', utf_32be: 'utf_32_be', undefined: 'undefined',
}));

/**
 * Python's other single-byte codecs (charmaps.ts), the Windows code pages' tables among them
 * (TextDecoder's differ from Python's), once a run that names one has read them.
 */
let charmaps: {
  readonly CHARMAPS: Readonly<Record<string, string>>;
  readonly WINDOWS_CODEPAGES: Readonly<Record<string, string>>;
  readonly CHARMAP_ALIASES: Readonly<Record<string, string>>;
  readonly decodeUnicodeEscape: (bytes: Uint8Array) => string;
  readonly decodeRawUnicodeEscape: (bytes: Uint8Array) => string;
  readonly charmapCodec: typeof charmapCodec;
  readonly moreCodec: typeof moreCodec;
  readonly fatalStdio: typeof fatalStdio;
  readonly moreOutputLabel: typeof moreOutputLabel;
  readonly codecKind: typeof moreCodecKind;
  readonly charmapTable: typeof charmapTable;
  readonly loadCjkTables: typeof loadCjkTables;
  readonly replaceUnencodable: typeof replaceUnencodable;
  readonly undefinedCodecDeath: typeof undefinedCodecDeath;
} | undefined;

/** The Windows code pages, whose decoding tables are in charmaps.ts (windows-codepages.ts). */
const WINDOWS_CODEPAGE = /^cp125[0-8]$/;

/**
 * Whether `name` may be one of the codecs charmaps.ts holds: a Windows code page, or no codec of
 * the tables here. The caller reads that module (a bundle of its own) first, and hands it to
 * useCharmaps.
 */
export function mayNeedCharmaps(name: string): boolean {
  const c = canonical(name);
  if (c !== undefined) return WINDOWS_CODEPAGE.test(c);
  return FILE_ONLY()[normalize(name)] === undefined && !NOT_TEXT().has(normalize(name));
}

export function useCharmaps(module: NonNullable<typeof charmaps>): void {
  charmaps = module;
}

function canonical(name: string): string | undefined {
  const norm = normalize(name);
  const aliased = ALIASES()[norm] ?? ALIASES()[norm.replace(/\./g, '_')] ?? norm;
  return aliased in DECODERS() ? aliased : undefined;
}

/** The TextDecoder label of a Python text codec name, or undefined if Python would not know it. */
export function decoderLabel(pythonName: string): string | undefined {
  const c = canonical(pythonName);
  if (c === undefined) return undefined;
  return DECODERS()[c] || (c === 'ascii' ? 'ascii' : 'latin1');
}

export interface TextCodec {
  /** Strict decoding; throws a TypeError where Python's decoder raises UnicodeDecodeError. */
  decode(bytes: Uint8Array): string;
}

function strictBytes(limit: number): TextCodec {
  return {
    decode(bytes) {
      let out = '';
      for (const b of bytes) {
        if (b >= limit) throw new TypeError('undecodable byte');
        out += String.fromCharCode(b);
      }
      return out;
    },
  };
}

/**
 * The decoder open(..., encoding=name) would use, or Python's LookupError as the AWS CLI reports
 * it (255, the exception's text).
 */
export function pythonTextCodec(name: string): TextCodec {
  const c = canonical(name) ?? FILE_ONLY()[normalize(name)];
  if (c === undefined && charmaps !== undefined) {
    const n = normalize(name);
    const found = charmaps.CHARMAP_ALIASES[n] ?? charmaps.CHARMAP_ALIASES[n.replace(/\./g, '_')] ?? n;
    const table = charmaps.CHARMAPS[found];
    if (table !== undefined) return codePage(table);
    // Python's charmap codec without a mapping: each byte is the code point of its value.
    if (found === 'charmap') return strictBytes(0x100);
    if (found === 'unicode_escape') return { decode: charmaps.decodeUnicodeEscape };
    if (found === 'raw_unicode_escape') return { decode: charmaps.decodeRawUnicodeEscape };
  }
  if (c === undefined) {
    if (NOT_TEXT().has(normalize(name))) throw new GeneralError(`'${name}' is not a text encoding; use codecs.open() to handle arbitrary codecs`);
    throw new GeneralError(`unknown encoding: ${name}`);
  }
  if (c === 'ascii') return strictBytes(0x80);
  if (c === 'latin_1') return strictBytes(0x100);
  if (WINDOWS_CODEPAGE.test(c)) {
    // TextDecoder's windows-125x would decode other text than Python: never its stand-in.
    if (charmaps === undefined) throw new Error(`the decoding table of ${c} was not loaded (mayNeedCharmaps, useCharmaps)`);
    return codePage(charmaps.WINDOWS_CODEPAGES[c] as string);
  }
  // Python's UnicodeError (not a UnicodeDecodeError, which the AWS CLI would explain): 255, its text.
  if (c === 'undefined') return { decode: () => { throw new GeneralError('undefined encoding'); } };
  if (c === 'utf_16' || c === 'utf_32') return withBom(c === 'utf_16' ? 2 : 4);
  if (c === 'utf_32_le' || c === 'utf_32_be') return { decode: (bytes) => decodeUtf32(bytes, c === 'utf_32_be') };
  // Python's utf-8 keeps a byte-order mark as text; utf-8-sig takes it away.
  return new TextDecoder(DECODERS()[c] as string, { fatal: true, ignoreBOM: c !== 'utf_8_sig' });
}

function codePage(table: string): TextCodec {
  return {
    decode(bytes) {
      let out = '';
      for (const b of bytes) {
        // A table of 256 is a whole code page (EBCDIC's); one of 128 the upper half over ASCII.
        const ch = table.length === 256 ? table[b] as string : b < 0x80 ? String.fromCharCode(b) : table[b - 0x80] as string;
        if (ch === '\ufffe') throw new UnicodeDecodeFailure('undefined byte');
        out += ch;
      }
      return out;
    },
  };
}

/**
 * Python's utf-16 and utf-32 read a byte-order mark and take it away; the data is decoded first
 * (in the machine's order, little-endian, when there is no mark: a truncated or ill-formed one
 * is a UnicodeDecodeError), and then, with no mark, the stream is refused with a UnicodeError.
 */
function withBom(width: 2 | 4): TextCodec {
  const decode = (bytes: Uint8Array, bigEndian: boolean): string => (width === 2 ? decodeUtf16(bytes, bigEndian) : decodeUtf32(bytes, bigEndian));
  const le = width === 2 ? [0xff, 0xfe] : [0xff, 0xfe, 0, 0];
  const be = width === 2 ? [0xfe, 0xff] : [0, 0, 0xfe, 0xff];
  const starts = (bytes: Uint8Array, mark: number[]): boolean => bytes.length >= width && mark.every((x, i) => bytes[i] === x);
  return {
    decode(bytes) {
      if (starts(bytes, le)) return decode(bytes.subarray(width), false);
      if (starts(bytes, be)) return decode(bytes.subarray(width), true);
      const text = decode(bytes, false);
      if (bytes.length >= width) throw new GeneralError(`UTF-${width * 8} stream does not start with BOM`);
      return text;
    },
  };
}

/** Codecs the core's output streams encode by themselves (stream.ts); the rest need charmaps.ts's bundle. */
const CORE_OUTPUT = /^(?:utf_8|utf_8_sig|utf_16|utf_16_le|utf_16_be|ascii|latin_1)$/;

/**
 * Whether a run's environment names an output codec or a PYTHONIOENCODING that needs the
 * charmaps bundle (useCharmaps) before anything is written.
 */
export function needsMoreCodecs(env: { readonly [k: string]: string | undefined }): boolean {
  // PYTHONIOENCODING=utf-8 (a common setting) is the core's own.
  const io = env.PYTHONIOENCODING;
  if (io !== undefined && !/^(?:utf-?8)?(?::(?:strict|surrogateescape|backslashreplace)?)?$/i.test(io)) return true;
  const name = env.AWS_CLI_OUTPUT_ENCODING;
  if (name === undefined) return false;
  const c = canonical(name);
  return c === undefined || !CORE_OUTPUT.test(c);
}

/**
 * The label of stream.ts's encoder for a Python codec name as an output encoding (utf-8-sig
 * included), or undefined when Python would not know it, or knows it but no encoder is here
 * (`utf-7`, `idna`: written as UTF-8).
 */
export function outputLabel(name: string): string | undefined {
  if (/^utf[-_]?8[-_]sig$/i.test(name)) return 'utf-8-sig';
  const c = canonical(name);
  const n = normalize(name);
  if (c !== undefined) {
    if (c === 'utf_8_sig') return 'utf-8-sig';
    // Plain utf-16 is its own label: a BOM at the start of a file (output/stream.ts).
    if (c === 'utf_16') return 'utf-16';
    if (c === 'ascii' || c === 'latin_1' || /^utf_/.test(c)) return decoderLabel(name);
    if (CJK.test(c)) return `cjk:${c}`;
    return `charmap:${c}`;
  }
  // The rest are the charmaps bundle's (a run naming one has read it: needsMoreCodecs).
  return charmaps?.moreOutputLabel(n, FILE_ONLY()[n]);
}

const CJK = /^(?:shift_jis|euc_jp|gbk|gb18030|big5|euc_kr)$/;

/** The loaded output codecs and error handlers (more-codecs.ts), once useCharmaps has them. */
export function moreCodecs(): typeof charmaps {
  return charmaps;
}

/**
 * What Python's codec registry makes of a name: a text codec, a bytes-to-bytes one (`hex`, named
 * as its codec names itself), the `undefined` codec, or nothing (LookupError). Beyond the core's
 * codecs, the charmaps bundle answers (read for any other name: needsMoreCodecs).
 */
export function codecKind(name: string): 'text' | 'undefined' | 'unknown' | { notText: string } {
  if (canonical(name) !== undefined) return 'text';
  const n = normalize(name);
  return charmaps?.codecKind(n, FILE_ONLY()[n], NOT_TEXT().has(n), outputLabel(name) !== undefined) ?? 'unknown';
}

/**
 * Bytes as Python decodes them with UTF-8 and `surrogateescape` (its command-line arguments):
 * each byte that is no part of a well-formed sequence stands for itself as U+DC80..U+DCFF.
 */
export function surrogateEscapeDecode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    // The continuation bytes a lead byte takes, and the range of the first (no overlong forms,
    // no surrogates, nothing past U+10FFFF), as a strict UTF-8 decoder checks them.
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    let ok = n > 0;
    for (let j = 1; ok && j <= n; j++) {
      const b = bytes[i + j];
      ok = b !== undefined && (j === 1 ? b >= lo && b <= hi : b >= 0x80 && b <= 0xbf);
    }
    if (ok) {
      out += Buffer.from(bytes.subarray(i, i + n + 1)).toString('utf8');
      i += n + 1;
    } else {
      out += String.fromCharCode(0xdc00 + c);
      i++;
    }
  }
  return out;
}

/**
 * A path as os.fsencode gives it to the system: a U+DC80..U+DCFF that surrogateEscapeDecode made
 * of a byte is that byte again, the rest UTF-8. Unchanged (a string) when there is none.
 */
export function fsEncode(path: string): string | Buffer {
  if (!/[\udc80-\udcff]/.test(path)) return path;
  const parts: Buffer[] = [];
  for (const ch of path) {
    const cp = ch.codePointAt(0) as number;
    parts.push(cp >= 0xdc80 && cp <= 0xdcff ? Buffer.from([cp - 0xdc00]) : Buffer.from(ch, 'utf8'));
  }
  return Buffer.concat(parts);
}
