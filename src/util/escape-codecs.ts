// Python's unicode_escape and raw_unicode_escape decoders (Objects/unicodeobject.c): bytes are
// Latin-1 code points, and backslash escapes are read as a Python string literal's are
// (unicode_escape: every escape; raw_unicode_escape: \uXXXX and \UXXXXXXXX only). A bad escape
// throws UnicodeDecodeFailure, Python's UnicodeDecodeError.
import { fromCodePoints, UnicodeDecodeFailure } from './unicode-decoders.js';

const HEX = /^[0-9A-Fa-f]$/;

/** `count` hex digits at bytes[i..], or a failure (a truncated escape, a code point past U+10FFFF). */
function hexEscape(bytes: Uint8Array, i: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const b = bytes[i + k];
    if (b === undefined || !HEX.test(String.fromCharCode(b))) throw new UnicodeDecodeFailure('truncated escape');
    value = value * 16 + parseInt(String.fromCharCode(b), 16);
  }
  if (value > 0x10ffff) throw new UnicodeDecodeFailure('illegal Unicode character');
  return value;
}

export function decodeRawUnicodeEscape(bytes: Uint8Array): string {
  const cps: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i++] as number;
    if (c !== 0x5c || i >= bytes.length) { cps.push(c); continue; }
    const next = bytes[i++] as number;
    const count = next === 0x75 ? 4 : next === 0x55 ? 8 : 0;
    if (count === 0) { cps.push(0x5c, next); continue; }
    cps.push(hexEscape(bytes, i, count));
    i += count;
  }
  return fromCodePoints(cps);
}

const SIMPLE: Readonly<Record<string, number>> = { '\\': 0x5c, "'": 0x27, '"': 0x22, b: 8, f: 12, t: 9, n: 10, r: 13, v: 11, a: 7 };

/**
 * unicode_escape. \N{name} needs Unicode's character names, which cogsignout does not carry:
 * it fails as an unknown name does in Python (a decode error), where Python decodes a known one.
 */
export function decodeUnicodeEscape(bytes: Uint8Array): string {
  const cps: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i++] as number;
    if (c !== 0x5c) { cps.push(c); continue; }
    if (i >= bytes.length) throw new UnicodeDecodeFailure('\\ at end of string');
    const next = bytes[i++] as number;
    const ch = String.fromCharCode(next);
    if (next === 0x0a) continue;
    const simple = SIMPLE[ch];
    if (simple !== undefined) { cps.push(simple); continue; }
    if (next >= 0x30 && next <= 0x37) {
      let value = next - 0x30;
      for (let k = 0; k < 2 && (bytes[i] as number) >= 0x30 && (bytes[i] as number) <= 0x37; k++) value = value * 8 + (bytes[i++] as number) - 0x30;
      cps.push(value);
      continue;
    }
    const count = next === 0x78 ? 2 : next === 0x75 ? 4 : next === 0x55 ? 8 : 0;
    if (count > 0) { cps.push(hexEscape(bytes, i, count)); i += count; continue; }
    if (next === 0x4e) throw new UnicodeDecodeFailure('unknown Unicode character name');
    cps.push(0x5c, next);
  }
  return fromCodePoints(cps);
}
