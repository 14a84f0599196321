// Formatter output the way Python puts it on stdout: piece by piece. The AWS CLI's formatters call
// stream.write() as they go, and sys.stdout encodes each piece as it is written; so when a
// formatter fails half way (a list mixing dicts and scalars in text output) or a piece cannot be
// encoded (a lone surrogate from a JSON `\ud800`, `é` under AWS_CLI_OUTPUT_ENCODING=ascii), what
// was written before stays written, and the error follows. Formatters push their pieces onto a
// list in Python's write() granularity; this module turns that list into bytes.
import { PythonError } from '../python/builtins.js';
import { codecKind, moreCodecs, outputLabel } from '../util/codecs.js';

export interface Written {
  /** The pieces written, in order, up to the failure. */
  readonly chunks: readonly string[];
  /** What stopped the formatter, if anything. */
  readonly error?: PythonError;
}

/** Runs a formatter writing into a list; a PythonError keeps what was written before it. */
export function collect(write: (out: string[]) => void): Written {
  const out: string[] = [];
  try {
    write(out);
  } catch (e) {
    if (e instanceof PythonError) return { chunks: out, error: e };
    throw e;
  }
  return { chunks: out };
}

interface Codec {
  /** The name Python's UnicodeEncodeError gives. */
  readonly name: string;
  readonly reason: string;
  /** The bytes of one code point, or undefined when the codec cannot encode it. */
  encode(cp: number): number[] | undefined;
  /** The error names one character, never a run (Python's UTF-16 encoder). */
  readonly oneAtATime?: boolean;
}

const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

function utf8(cp: number): number[] | undefined {
  if (isSurrogate(cp)) return undefined;
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

function utf16(cp: number, bigEndian: boolean): number[] | undefined {
  if (isSurrogate(cp)) return undefined;
  const units = cp < 0x10000 ? [cp] : [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)];
  return units.flatMap((u) => (bigEndian ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8]));
}

const CODECS: Readonly<Record<string, Codec>> = {
  'utf-8': { name: 'utf-8', reason: 'surrogates not allowed', encode: utf8 },
  // The BOM comes with the first piece written (see encodeChunks).
  'utf-8-sig': { name: 'utf-8', reason: 'surrogates not allowed', encode: utf8 },
  // Python's plain utf-16 on this stream writes no BOM, little-endian (as recorded).
  'utf-16le': { name: 'utf-16-le', reason: 'surrogates not allowed', encode: (cp) => utf16(cp, false), oneAtATime: true },
  // Plain utf-16: the machine's order, and a BOM only at the start of a file (see encodeChunks).
  'utf-16': { name: 'utf-16-le', reason: 'surrogates not allowed', encode: (cp) => utf16(cp, false), oneAtATime: true },
  'utf-16be': { name: 'utf-16-be', reason: 'surrogates not allowed', encode: (cp) => utf16(cp, true), oneAtATime: true },
  ascii: { name: 'ascii', reason: 'ordinal not in range(128)', encode: (cp) => (cp < 0x80 ? [cp] : undefined) },
  latin1: { name: 'latin-1', reason: 'ordinal not in range(256)', encode: (cp) => (cp < 0x100 ? [cp] : undefined) },
};

// No lone surrogate (what String.prototype.isWellFormed answers from Node 20 on).
const isWellFormed = (s: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

const escapeChar = (cp: number): string =>
  cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;

/** Python's str() of the UnicodeEncodeError for code points start..end-1 of a piece. */
function encodeError(codec: Codec, cps: readonly number[], start: number, end: number): PythonError {
  const what =
    end - start === 1
      ? `character '${escapeChar(cps[start] as number)}' in position ${start}`
      : `characters in position ${start}-${end - 1}`;
  return new PythonError('UnicodeEncodeError', `'${codec.name}' codec can't encode ${what}: ${codec.reason}`);
}

/**
 * How sys.stdout deals with what its codec cannot encode: `surrogateescape` as Python starts it
 * here (a lone `\udc80`-`\udcff` is the byte it stands for, any other surrogate an error),
 * `strict` once AWS_CLI_OUTPUT_ENCODING (or PYTHONUTF8=1) has reconfigured it.
 */
export type EncodeErrors = string;

const loaded = new Map<string, Codec>();

/** The codec of a label the core has no encoder of, from the charmaps bundle once it is read. */
function lazyCodec(label: string): Codec | undefined {
  const more = moreCodecs();
  if (more === undefined) return undefined;
  let codec = loaded.get(label);
  if (codec === undefined) {
    codec = label.startsWith('charmap:') ? more.charmapCodec(more.charmapTable(label.slice(8))) : more.moreCodec(label);
    if (codec !== undefined) loaded.set(label, codec);
  }
  return codec;
}

/**
 * The bytes stdout receives for these pieces in a codec (a label of util/codecs.ts's
 * outputLabel; encodings without an encoder are written as UTF-8), and the error of the
 * first piece that cannot be encoded: the pieces before it are written, it and the rest are not.
 */
export function encodeChunks(chunks: readonly string[], label = 'utf-8', errors: EncodeErrors = 'strict', atFileStart = false): { bytes: Buffer; sizes: number[]; error?: PythonError } {
  const streamCodec = CODECS[label] ?? lazyCodec(label) ?? (CODECS['utf-8'] as Codec);
  // Python's utf-16 and utf-32 streams on a file still at its start (`atFileStart`) begin with a
  // byte-order mark, which the first write() encodes (its error then names the codec so).
  const marked = atFileStart && (label === 'utf-16' || label === 'utf-32');
  const parts: Buffer[] = [];
  let bom = false;
  const done = (error?: PythonError) => {
    // The byte count of each write() (the BOM is part of the first).
    const sizes = parts.map((p) => p.length);
    if (bom && sizes.length > 1) sizes.splice(0, 2, (sizes[0] as number) + (sizes[1] as number));
    return { bytes: Buffer.concat(parts), sizes, ...(error ? { error } : {}) };
  };
  for (const chunk of chunks) {
    // utf-8-sig's encoder puts the BOM in front of what its first write() encodes.
    if (label === 'utf-8-sig' && parts.length === 0 && encodeChunks([chunk]).error === undefined) {
      parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
      bom = true;
    }
    const codec = marked && parts.length === 0 ? { ...streamCodec, name: label } : streamCodec;
    if (codec.encode === utf8 && isWellFormed(chunk)) {
      parts.push(Buffer.from(chunk, 'utf8'));
      continue;
    }
    const cps = Array.from(chunk, (ch) => ch.codePointAt(0) as number);
    const bytes: number[] = marked && parts.length === 0 ? (codec.encode(0xfeff) as number[]) : [];
    for (let i = 0; i < cps.length; i++) {
      const b = codec.encode(cps[i] as number);
      if (b !== undefined) {
        for (const x of b) bytes.push(x);
        continue;
      }
      let end = i + 1;
      while (!codec.oneAtATime && end < cps.length && codec.encode(cps[end] as number) === undefined) end++;
      // surrogateescape gives back the bytes a leading run of U+DC80..U+DCFF stands for.
      let start = i;
      while (errors === 'surrogateescape' && start < end && (cps[start] as number) >= 0xdc80 && (cps[start] as number) <= 0xdcff) {
        bytes.push((cps[start] as number) & 0xff);
        start++;
      }
      if (start < end && errors !== 'strict' && errors !== 'surrogateescape') {
        // The other handlers (PYTHONIOENCODING's) are read with the charmaps bundle.
        let replaced: number[] | undefined;
        try {
          replaced = moreCodecs()?.replaceUnencodable(errors, codec, cps, start, end);
        } catch (e) {
          // An unknown handler's LookupError, raised where the piece is written.
          if (e instanceof PythonError) return done(e);
          throw e;
        }
        if (replaced !== undefined) {
          for (const x of replaced) bytes.push(x);
          start = end;
        }
      }
      if (start < end) return done(encodeError(codec, cps, start, end));
      i = end - 1;
    }
    parts.push(Buffer.from(bytes));
  }
  return done();
}

/** The error Python's str.encode('utf-8') raises for a string with a lone surrogate, if any. */
export function utf8EncodeError(s: string): PythonError | undefined {
  if (isWellFormed(s)) return undefined;
  return encodeChunks([s]).error;
}

/** sys.stderr's `backslashreplace` as Python starts it: a lone surrogate is written as `\udXXX`. */
export function backslashReplaceSurrogates(s: string): string {
  if (isWellFormed(s)) return s;
  return Array.from(s, (ch) => {
    const cp = ch.codePointAt(0) as number;
    return isSurrogate(cp) ? escapeChar(cp) : ch;
  }).join('');
}

/** sys.stdout or sys.stderr: its codec (a label of outputLabel), error handler and repr's name. */
export interface StdioCodec {
  readonly label: string;
  readonly errors: EncodeErrors;
  readonly name: string;
}

/**
 * The codec of sys.stdout or sys.stderr as the AWS CLI writes to it: as Python started it
 * (PYTHONIOENCODING, else UTF-8), or once reconfigured by get_stdout_text_writer() /
 * get_stderr_text_writer() (a formatter, the error handler): AWS_CLI_OUTPUT_ENCODING when Python
 * knows it, else UTF-8 under PYTHONUTF8=1, strict either way.
 */
export function stdioCodec(env: { readonly [k: string]: string | undefined }, stream: 'stdout' | 'stderr', reconfigured: boolean): StdioCodec {
  const name = env.AWS_CLI_OUTPUT_ENCODING;
  if (reconfigured && name !== undefined) {
    const label = outputLabel(name);
    if (label !== undefined || codecKind(name) === 'text') return { label: label ?? 'utf-8', errors: 'strict', name };
  } else if (reconfigured && env.PYTHONUTF8 === '1') {
    return { label: 'utf-8', errors: 'strict', name: 'UTF-8' };
  }
  return pythonStdio(env.PYTHONIOENCODING)[stream];
}

/**
 * sys.stdout and sys.stderr as Python sets them up before the AWS CLI touches them (CPython's
 * config_init_stdio_encoding): PYTHONIOENCODING's `encoding:errors` (an encoding without errors
 * is strict), else UTF-8 with surrogateescape; stderr is always backslashreplace. (A codec Python
 * cannot make streams of has ended the run already: more-codecs.ts fatalStdio.)
 */
function pythonStdio(value: string | undefined): { stdout: StdioCodec; stderr: StdioCodec } {
  const colon = value === undefined ? -1 : value.indexOf(':');
  const encoding = value === undefined ? '' : colon < 0 ? value : value.slice(0, colon);
  const given = colon < 0 ? '' : (value as string).slice(colon + 1);
  const errors = given !== '' ? given : encoding !== '' ? 'strict' : 'surrogateescape';
  const name = encoding === '' ? 'utf-8' : encoding;
  const label = encoding === '' ? 'utf-8' : outputLabel(encoding) ?? 'utf-8';
  return { stdout: { label, errors, name }, stderr: { label, errors: 'backslashreplace', name } };
}

/**
 * Text as sys.stdout writes it before anything reconfigures it (the version line, skeletons):
 * in PYTHONIOENCODING's codec where it is set; what that cannot encode stays UTF-8.
 */
export function stdoutStartBytes(env: { readonly [k: string]: string | undefined }, text: string, atFileStart = false): Buffer {
  if (env.PYTHONIOENCODING === undefined) return Buffer.from(text, 'utf8');
  const { label, errors } = stdioCodec(env, 'stdout', false);
  const { bytes, error } = encodeChunks([text], label, errors, atFileStart);
  return error === undefined ? bytes : Buffer.from(text, 'utf8');
}
