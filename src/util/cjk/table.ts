// Reads a table of scripts/gen-cjk-tables.py: (code, code point) pairs in code order, as deltas
// in 91 printable ASCII characters (its header says how).
const ALPHABET = Array.from({ length: 0x7f - 0x23 }, (_, i) => String.fromCharCode(0x23 + i)).filter((c) => c !== '\\').join('');

const value = (c: string): number => ALPHABET.indexOf(c);

/** gb18030's runs of four-byte codes: [first linear index, first code point, length], in code point order. */
export function readRanges(data: string): Array<readonly [number, number, number]> {
  const n = (at: number): number => value(data[at] as string) * 8281 + value(data[at + 1] as string) * 91 + value(data[at + 2] as string);
  const out: Array<readonly [number, number, number]> = [];
  for (let i = 0; i < data.length; i += 9) out.push([n(i), n(i + 3), n(i + 6)]);
  return out;
}

/** Each code point's bytes: the code, big-endian, in one, two or three bytes. */
export function readCjkTable(data: string): Map<number, number[]> {
  const digits = (at: number, width: number): number => {
    let n = 0;
    for (let i = 0; i < width; i++) n = n * 91 + value(data[at + i] as string);
    return n;
  };
  const map = new Map<number, number[]>();
  let code = 0;
  let cp = 0;
  for (let i = 0; i < data.length;) {
    const v = value(data[i] as string);
    if (v < 70) {
      code += 1;
      cp += v - 20;
      i += 1;
    } else if (v === 70) {
      code += 1;
      cp += digits(i + 1, 3) - 364500;
      i += 4;
    } else {
      code += digits(i + 1, 4);
      cp = digits(i + 5, 3);
      i += 8;
    }
    map.set(cp, code < 0x100 ? [code] : code < 0x10000 ? [code >> 8, code & 0xff] : [code >> 16, (code >> 8) & 0xff, code & 0xff]);
  }
  return map;
}
