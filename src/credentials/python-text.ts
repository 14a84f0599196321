// bytes.decode('utf-8') as botocore calls it on a credential process's output: strict, with
// Python's UnicodeDecodeError text when the bytes are not UTF-8.
import { PythonError } from '../python/builtins.js';

function firstInvalid(b: Uint8Array): { pos: number; end: number; reason: string } | undefined {
  for (let i = 0; i < b.length;) {
    const c = b[i] as number;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) { need = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return { pos: i, end: i + 1, reason: 'invalid start byte' };
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined) return { pos: i, end: b.length, reason: 'unexpected end of data' };
      const [l, h] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (n < l || n > h) return { pos: i, end: i + k, reason: 'invalid continuation byte' };
    }
    i += need + 1;
  }
  return undefined;
}

export function decodeUtf8(bytes: Uint8Array): string {
  const bad = firstInvalid(bytes);
  // Python keeps a leading BOM as U+FEFF (json.loads then refuses it); TextDecoder would drop it.
  if (bad === undefined) return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const hex = (bytes[bad.pos] as number).toString(16).padStart(2, '0');
  const where = bad.end - bad.pos > 1 ? `bytes in position ${bad.pos}-${bad.end - 1}` : `byte 0x${hex} in position ${bad.pos}`;
  throw new PythonError('UnicodeDecodeError', `'utf-8' codec can't decode ${where}: ${bad.reason}`);
}
