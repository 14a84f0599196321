// Unicode facts the Python-side output depends on. Python answers these from its bundled
// Unicode database; the two tables below were generated once from CPython 3.13's unicodedata
// (Unicode 15.1), the newest interpreter at hand and the closest to the 3.14 that the official
// AWS CLI build bundles. Regenerate them the same way if that needs to move.
import { onFirstUse } from '../util/first-use.js';

/** Code points whose East Asian Width is W, F or A (hex, "start-end" or single), in order. */
const WIDE_RANGES_HEX =
  'a1 a4 a7-a8 aa ad-ae b0-b4 b6-ba bc-bf c6 d0 d7-d8 de-e1 e6 e8-ea ec-ed f0 f2-f3 f7-fa fc fe ' +
  '101 111 113 11b 126-127 12b 131-133 138 13f-142 144 148-14b 14d 152-153 166-167 16b 1ce 1d0 ' +
  '1d2 1d4 1d6 1d8 1da 1dc 251 261 2c4 2c7 2c9-2cb 2cd 2d0 2d8-2db 2dd 2df 300-36f 391-3a1 ' +
  '3a3-3a9 3b1-3c1 3c3-3c9 401 410-44f 451 1100-115f 2010 2013-2016 2018-2019 201c-201d ' +
  '2020-2022 2024-2027 2030 2032-2033 2035 203b 203e 2074 207f 2081-2084 20ac 2103 2105 2109 ' +
  '2113 2116 2121-2122 2126 212b 2153-2154 215b-215e 2160-216b 2170-2179 2189 2190-2199 ' +
  '21b8-21b9 21d2 21d4 21e7 2200 2202-2203 2207-2208 220b 220f 2211 2215 221a 221d-2220 2223 ' +
  '2225 2227-222c 222e 2234-2237 223c-223d 2248 224c 2252 2260-2261 2264-2267 226a-226b ' +
  '226e-226f 2282-2283 2286-2287 2295 2299 22a5 22bf 2312 231a-231b 2329-232a 23e9-23ec 23f0 ' +
  '23f3 2460-24e9 24eb-254b 2550-2573 2580-258f 2592-2595 25a0-25a1 25a3-25a9 25b2-25b3 ' +
  '25b6-25b7 25bc-25bd 25c0-25c1 25c6-25c8 25cb 25ce-25d1 25e2-25e5 25ef 25fd-25fe 2605-2606 ' +
  '2609 260e-260f 2614-2615 261c 261e 2640 2642 2648-2653 2660-2661 2663-2665 2667-266a ' +
  '266c-266d 266f 267f 2693 269e-269f 26a1 26aa-26ab 26bd-26bf 26c4-26e1 26e3 26e8-26ff 2705 ' +
  '270a-270b 2728 273d 274c 274e 2753-2755 2757 2776-277f 2795-2797 27b0 27bf 2b1b-2b1c 2b50 ' +
  '2b55-2b59 2e80-2e99 2e9b-2ef3 2f00-2fd5 2ff0-303e 3041-3096 3099-30ff 3105-312f 3131-318e ' +
  '3190-31e3 31ef-321e 3220-4dbf 4e00-a48c a490-a4c6 a960-a97c ac00-d7a3 e000-faff fe00-fe19 ' +
  'fe30-fe52 fe54-fe66 fe68-fe6b ff01-ff60 ffe0-ffe6 fffd 16fe0-16fe4 16ff0-16ff1 17000-187f7 ' +
  '18800-18cd5 18d00-18d08 1aff0-1aff3 1aff5-1affb 1affd-1affe 1b000-1b122 1b132 1b150-1b152 ' +
  '1b155 1b164-1b167 1b170-1b2fb 1f004 1f0cf 1f100-1f10a 1f110-1f12d 1f130-1f169 1f170-1f1ac ' +
  '1f200-1f202 1f210-1f23b 1f240-1f248 1f250-1f251 1f260-1f265 1f300-1f320 1f32d-1f335 ' +
  '1f337-1f37c 1f37e-1f393 1f3a0-1f3ca 1f3cf-1f3d3 1f3e0-1f3f0 1f3f4 1f3f8-1f43e 1f440 ' +
  '1f442-1f4fc 1f4ff-1f53d 1f54b-1f54e 1f550-1f567 1f57a 1f595-1f596 1f5a4 1f5fb-1f64f ' +
  '1f680-1f6c5 1f6cc 1f6d0-1f6d2 1f6d5-1f6d7 1f6dc-1f6df 1f6eb-1f6ec 1f6f4-1f6fc 1f7e0-1f7eb ' +
  '1f7f0 1f90c-1f93a 1f93c-1f945 1f947-1f9ff 1fa70-1fa7c 1fa80-1fa88 1fa90-1fabd 1fabf-1fac5 ' +
  '1face-1fadb 1fae0-1fae8 1faf0-1faf8 20000-2fffd 30000-3fffd e0100-e01ef f0000-ffffd ' +
  '100000-10fffd ';

/** Code points of every decimal digit zero (category Nd); each run of ten is 0..9. */
const DIGIT_ZEROS_HEX =
  '30 660 6f0 7c0 966 9e6 a66 ae6 b66 be6 c66 ce6 d66 de6 e50 ed0 f20 1040 1090 17e0 1810 1946 ' +
  '19d0 1a80 1a90 1b50 1bb0 1c40 1c50 a620 a8d0 a900 a9d0 a9f0 aa50 abf0 ff10 104a0 10d30 11066 ' +
  '110f0 11136 111d0 112f0 11450 114d0 11650 116c0 11730 118e0 11950 11c50 11d50 11da0 11f50 ' +
  '16a60 16ac0 16b50 1d7ce 1d7d8 1d7e2 1d7ec 1d7f6 1e140 1e2f0 1e4f0 1e950 1fbf0 ';

function parseRanges(hex: string): Uint32Array {
  const parts = hex.trim().split(/\s+/);
  const out = new Uint32Array(parts.length * 2);
  parts.forEach((p, i) => {
    const [a, b] = p.split('-');
    out[2 * i] = parseInt(a as string, 16);
    out[2 * i + 1] = parseInt(b ?? (a as string), 16);
  });
  return out;
}

// Parsed on first use, not at load: most runs (--version, a sign-out) never measure a width.
const WIDE = onFirstUse((): Uint32Array => parseRanges(WIDE_RANGES_HEX));
const DIGIT_ZEROS = onFirstUse((): number[] => DIGIT_ZEROS_HEX.trim().split(/\s+/).map((h) => parseInt(h, 16)));

function inRanges(table: Uint32Array, cp: number): boolean {
  let lo = 0;
  let hi = table.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (table[2 * mid] as number)) hi = mid - 1;
    else if (cp > (table[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns a character takes in the AWS CLI's table output: 2 for W, F and (deliberately) A. */
export function charWidth(cp: number): 1 | 2 {
  return cp >= 0xa1 && inRanges(WIDE(), cp) ? 2 : 1;
}

/** Display width of a string the way the table formatter measures it (per code point). */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) width += charWidth(ch.codePointAt(0) as number);
  return width;
}

/** The string as code points (lone surrogates stay single entries), as Python indexes a str. */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

// Lowercase letters whose uppercase Unicode 16 and 17 added: Node's ICU maps them, CPython up to
// 3.13 (and the oracle's 3.11) leaves them as they are. Generated by comparing the two.
// Made on first use, as the tables above: module set-up runs on every start.
const NEWER_UPPERCASE = onFirstUse((): Set<number> => new Set([
  0x19b, 0x264, 0x1c8a, 0xa7cd, 0xa7cf, 0xa7d3, 0xa7d5, 0xa7db,
  ...Array.from({ length: 0x10d85 - 0x10d70 + 1 }, (_, i) => 0x10d70 + i),
  ...Array.from({ length: 0x16ed3 - 0x16ebb + 1 }, (_, i) => 0x16ebb + i),
]));

/** str.upper() of Python (text output's upper-cased identifiers). */
export function pyUpper(s: string): string {
  // ASCII, the common case, upper-cases the same everywhere.
  if (/^[\x00-\x7f]*$/.test(s)) return s.toUpperCase();
  return Array.from(s, (ch) => (NEWER_UPPERCASE().has(ch.codePointAt(0) as number) ? ch : ch.toUpperCase())).join('');
}

/** len() of a Python str. */
export function pyLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Python's str.isspace() for one character. */
export function isPyWhitespace(ch: string): boolean {
  return /^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}

/** Python's str.strip() with no argument. */
export function pyStrip(s: string): string {
  return s.replace(/^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '')
    .replace(/[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/, '');
}

/** Python's str.lstrip() with no argument. */
export function pyLstrip(s: string): string {
  return s.replace(/^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '');
}

// A Unicode-property pattern is costly to create: made on the first repr() that needs it.
let notPrintable: RegExp | undefined;

/** Python's str.isprintable() for one character (decides what repr() escapes). */
export function isPrintable(ch: string): boolean {
  return ch === ' ' || !(notPrintable ??= /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u).test(ch);
}

/** The value of a Unicode decimal digit (what int() and float() accept), or -1. */
export function decimalValue(ch: string): number {
  const cp = ch.codePointAt(0) as number;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < 0x660) return -1;
  const zeros = DIGIT_ZEROS();
  let lo = 0;
  let hi = zeros.length - 1;
  let zero = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((zeros[mid] as number) <= cp) {
      zero = zeros[mid] as number;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return zero >= 0 && cp - zero < 10 ? cp - zero : -1;
}

/** Python's default str ordering: by code point (JS's < compares UTF-16 units instead). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0) as number;
    const cy = y.value.codePointAt(0) as number;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}
