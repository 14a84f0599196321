#!/usr/bin/env python3
# Writes src/util/cjk/<codec>.ts: the encoding tables of Python's CJK codecs as AWS_CLI_OUTPUT_ENCODING
# and PYTHONIOENCODING use them, made from the Python the AWS CLI 2.36.7 oracle runs on:
#   /usr/bin/python3 scripts/gen-cjk-tables.py shift_jis cp932 euc_jp gbk big5 ...
# Every BMP character the codec encodes, as (code, code point) pairs in code order, written as
# deltas in 91 printable ASCII characters (src/util/cjk/table.ts reads them back):
#   one character v < 70          the next code, code point + (v - 20)
#   '~'-1 (v = 70) + 3 digits     the next code, code point + (digits - 364500)
#   v = 71 + 4 digits + 3 digits  code + digits (the first four), code point = the last three
# ASCII encodes as itself in each of them (checked) and is left out; a code of two bytes or three
# is written big-endian. euc_kr's Hangul syllables outside KS X 1001 are its eight-byte make-up
# sequences (A4 D4, then A4 and each jamo's byte): MAKEUP holds the bytes of the 19 initial, 21
# medial and 28 final jamo, in hex. gb18030's four-byte codes (the rest of the BMP, and every
# code point past it) are runs of consecutive linear indexes (the four bytes as digits of 10, 126,
# 10): RANGES holds each BMP run as its first index, first code point and length, three digits each.
import sys, os

ALPHABET = ''.join(chr(c) for c in range(0x23, 0x7f) if chr(c) != '\\')
assert len(ALPHABET) == 91
HERE = os.path.dirname(os.path.abspath(__file__))

def digits(n, width):
    out = ''
    for _ in range(width):
        out = ALPHABET[n % 91] + out
        n //= 91
    assert n == 0
    return out

for codec in sys.argv[1:]:
    assert all(chr(c).encode(codec) == bytes([c]) for c in range(0x80)), codec
    pairs = []
    makeup = [[None] * 19, [None] * 21, [None] * 28]
    ranges = []
    for cp in range(0x80, 0x10000):
        if 0xd800 <= cp < 0xe000:
            continue
        try:
            b = chr(cp).encode(codec)
        except UnicodeEncodeError:
            continue
        if len(b) == 8 and codec == 'euc_kr' and 0xac00 <= cp < 0xd7a4:
            i = cp - 0xac00
            assert b[:3] == b'\xa4\xd4\xa4' and b[4] == b[6] == 0xa4, b
            for table, k, v in zip(makeup, (i // 588, (i // 28) % 21, i % 28), (b[3], b[5], b[7])):
                assert table[k] in (None, v)
                table[k] = v
            continue
        if len(b) == 4 and codec == 'gb18030':
            lin = (((b[0] - 0x81) * 10 + (b[1] - 0x30)) * 126 + (b[2] - 0x81)) * 10 + (b[3] - 0x30)
            if ranges and ranges[-1][0] + ranges[-1][2] == lin and ranges[-1][1] + ranges[-1][2] == cp:
                ranges[-1][2] += 1
            else:
                ranges.append([lin, cp, 1])
            continue
        assert len(b) <= 3, (codec, hex(cp), b)
        pairs.append((int.from_bytes(b, 'big'), cp))
    assert all(chr(cp).encode(codec, 'replace') == b'?' for cp in (0x10000, 0x1f600)) or codec == 'gb18030', codec
    pairs.sort()
    out, pc, pp = [], 0, 0
    for code, cp in pairs:
        dc, dp = code - pc, cp - pp
        if dc == 1 and -20 <= dp < 50:
            out.append(ALPHABET[dp + 20])
        elif dc == 1:
            out.append(ALPHABET[70] + digits(dp + 364500, 3))
        else:
            out.append(ALPHABET[71] + digits(dc, 4) + digits(cp, 3))
        pc, pp = code, cp
    data = ''.join(out)
    name = codec.replace('-', '_')
    with open(os.path.join(HERE, '..', 'src', 'util', 'cjk', f'{name}.ts'), 'w') as f:
        f.write(f"// Python 3.11.2's {codec} encoder as a table (scripts/gen-cjk-tables.py made it; src/util/cjk/table.ts reads it).\n")
        f.write(f"export const DATA = \"{data}\";\n")
        if codec == 'gb18030':
            assert chr(0x10000).encode(codec) == bytes.fromhex('90308130') and chr(0x10ffff).encode(codec) == bytes.fromhex('e3329a35')
            f.write(f"export const RANGES = \"{''.join(digits(l, 3) + digits(c, 3) + digits(n, 3) for l, c, n in ranges)}\";\n")
        if codec == 'euc_kr':
            assert all(v is not None for t in makeup for v in t)
            f.write(f"export const MAKEUP = \"{bytes(makeup[0] + makeup[1] + makeup[2]).hex()}\";\n")
    print(codec, len(pairs), len(data))
