// Python's UTF-8, UTF-16 and UTF-32 decoders, by hand: strict where Python's are (a truncated
// sequence, a lone surrogate, a code point past U+10FFFF fail), or with `surrogatepass` (what
// json.loads gives bytes), which lets encoded surrogates through as lone UTF-16 code units.
// TextDecoder can do neither utf-32 nor surrogatepass.

/** Python's UnicodeDecodeError: what a caller turns into the AWS CLI's message. */
export class UnicodeDecodeFailure extends TypeError {}

const fail = (): never => { throw new UnicodeDecodeFailure('undecodable bytes'); };

/** String.fromCodePoint in slices: spread over a whole file's code points, it overflows the stack. */
export function fromCodePoints(cps: number[]): string {
  let out = '';
  for (let i = 0; i < cps.length; i += 4096) out += String.fromCodePoint(...cps.slice(i, i + 4096));
  return out;
}

/** UTF-8; `surrogatePass` accepts ED A0..BF xx (an encoded surrogate) as Python's surrogatepass does. */
export function decodeUtf8(bytes: Uint8Array, surrogatePass = false): string {
  const cps: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i] as number;
    if (c < 0x80) { cps.push(c); i++; continue; }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : fail();
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed && !surrogatePass ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    let cp = c & (0x3f >> n);
    for (let j = 1; j <= n; j++) {
      const b = bytes[i + j];
      if (b === undefined || (j === 1 ? b < lo || b > hi : b < 0x80 || b > 0xbf)) fail();
      cp = (cp << 6) | ((b as number) & 0x3f);
    }
    cps.push(cp);
    i += n + 1;
  }
  return fromCodePoints(cps);
}

/** UTF-16 in one byte order; pairs joined, a lone surrogate refused unless `surrogatePass`. */
export function decodeUtf16(bytes: Uint8Array, bigEndian: boolean, surrogatePass = false): string {
  if (bytes.length % 2 !== 0) fail();
  let out = '';
  const unit = (k: number): number => (bigEndian ? ((bytes[k] as number) << 8) | (bytes[k + 1] as number) : ((bytes[k + 1] as number) << 8) | (bytes[k] as number));
  for (let k = 0; k < bytes.length; k += 2) {
    const u = unit(k);
    if (u >= 0xd800 && u <= 0xdbff && k + 2 < bytes.length && unit(k + 2) >= 0xdc00 && unit(k + 2) <= 0xdfff) {
      out += String.fromCharCode(u, unit(k + 2));
      k += 2;
    } else if (u >= 0xd800 && u <= 0xdfff && !surrogatePass) {
      fail();
    } else {
      out += String.fromCharCode(u);
    }
  }
  return out;
}

/** UTF-32 in one byte order; a surrogate or a code point past U+10FFFF refused unless `surrogatePass` (surrogates only). */
export function decodeUtf32(bytes: Uint8Array, bigEndian: boolean, surrogatePass = false): string {
  if (bytes.length % 4 !== 0) fail();
  const cps: number[] = [];
  for (let k = 0; k < bytes.length; k += 4) {
    const [a, b, c, d] = [bytes[k], bytes[k + 1], bytes[k + 2], bytes[k + 3]] as number[];
    const cp = bigEndian ? ((a as number) * 0x1000000) + ((b as number) << 16) + ((c as number) << 8) + (d as number)
      : ((d as number) * 0x1000000) + ((c as number) << 16) + ((b as number) << 8) + (a as number);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff && !surrogatePass)) fail();
    cps.push(cp);
  }
  return fromCodePoints(cps);
}
