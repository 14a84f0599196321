// stdout and stderr as Python encodes them, piece by piece: UnicodeEncodeError texts (one
// character or a run), what is written before the failing piece, surrogateescape and
// backslashreplace; and formatters keeping what they wrote before failing.
import { describe, expect, it } from 'vitest';
import { formatOutputChunks, parseJson } from '../../../src/output/index.js';
import { backslashReplaceSurrogates, encodeChunks } from '../../../src/output/stream.js';
import { useCharmaps } from '../../../src/util/codecs.js';

// The code pages' encoders come with their tables (the charmaps bundle), as a run naming one reads them.
useCharmaps(await import('../../../src/util/charmaps.js'));

const encoded = (chunks: string[], label?: string, errors?: string) => {
  const { bytes, error } = encodeChunks(chunks, label, errors);
  return { bytes: [...bytes], error: error ? `${error.pyType}: ${error.message}` : null };
};

describe('encodeChunks', () => {
  it('writes the pieces before the one that fails, and says where in that piece', () => {
    expect(encoded(['ab', 'cé', 'd'], 'ascii')).toEqual({
      bytes: [0x61, 0x62],
      error: "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)",
    });
    expect(encoded(['x', 'déjà'], 'ascii').error).toBe(
      "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)",
    );
    expect(encoded(['xéè'], 'ascii').error).toBe("UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
    expect(encoded(['a😀'], 'latin1').error).toBe("UnicodeEncodeError: 'latin-1' codec can't encode character '\\U0001f600' in position 1: ordinal not in range(256)");
    expect(encoded(['€Ā'], 'charmap:cp1252')).toEqual({
      bytes: [],
      error: "UnicodeEncodeError: 'charmap' codec can't encode character '\\u0100' in position 1: character maps to <undefined>",
    });
    expect(encoded(['café €'], 'charmap:cp1252')).toEqual({ bytes: [0x63, 0x61, 0x66, 0xe9, 0x20, 0x80], error: null });
    expect(encoded(['é'], 'latin1')).toEqual({ bytes: [0xe9], error: null });
  });

  it('UTF-8: a lone surrogate fails unless surrogateescape can give back the byte it stands for', () => {
    expect(encoded(['ok', 'x\ud800\udc00y\udfff'], 'utf-8')).toEqual({
      bytes: [0x6f, 0x6b],
      error: "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udfff' in position 3: surrogates not allowed",
    });
    expect(encoded(['a\udcff\udc80'], 'utf-8', 'surrogateescape')).toEqual({ bytes: [0x61, 0xff, 0x80], error: null });
    expect(encoded(['a\udcff\udc80'], 'utf-8', 'strict').error).toBe(
      "UnicodeEncodeError: 'utf-8' codec can't encode characters in position 1-2: surrogates not allowed",
    );
    // The bytes of the escapable part do not save the piece: it fails from the first other one.
    expect(encoded(['a\udcff\ud800b'], 'utf-8', 'surrogateescape')).toEqual({
      bytes: [],
      error: "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 2: surrogates not allowed",
    });
  });

  it('stderr writes a lone surrogate as its escape', () => {
    expect(backslashReplaceSurrogates('a\ud800b😀')).toBe('a\\ud800b😀');
  });
});

describe('encodeChunks: the codecs and error handlers of the charmaps bundle', () => {
  it('UTF-32 on a pipe: no byte-order mark, the machine order named utf-32-le; a surrogate at a time', () => {
    expect(encoded(['é😀'], 'utf-32le').bytes).toEqual([0xe9, 0, 0, 0, 0x00, 0xf6, 0x01, 0]);
    expect(encoded(['a'], 'utf-32be').bytes).toEqual([0, 0, 0, 0x61]);
    expect(encoded(['a\ud800\ud801'], 'utf-32le').error).toBe(
      "UnicodeEncodeError: 'utf-32-le' codec can't encode character '\\ud800' in position 1: surrogates not allowed",
    );
  });

  it("a DOS or EBCDIC code page: its table turned round, a run of what it lacks in one 'charmap' error", () => {
    expect(encoded(['é╔'], 'charmap:cp437').bytes).toEqual([0x82, 0xc9]);
    expect(encoded(['\n'], 'charmap:cp037').bytes).toEqual([0x25]);
    // Where two bytes decode to one character, Python's map (codecs.charmap_build) keeps the last.
    expect(encoded(['\ufe8e'], 'charmap:cp1006').bytes).toEqual([0xb2]);
    expect(encoded([' '], 'charmap:mac_arabic').bytes).toEqual([0xa0]);
    expect(encoded(['é€😀'], 'charmap:cp437').error).toBe(
      "UnicodeEncodeError: 'charmap' codec can't encode characters in position 1-2: character maps to <undefined>",
    );
  });

  it("PYTHONIOENCODING's handlers put their text in place, in the codec; an unknown one is a LookupError", () => {
    const text = (label: string, errors: string) => Buffer.from(encoded(['é€😀'], label, errors).bytes).toString('latin1');
    expect(text('ascii', 'replace')).toBe('???');
    expect(text('ascii', 'ignore')).toBe('');
    expect(text('ascii', 'backslashreplace')).toBe('\\xe9\\u20ac\\U0001f600');
    expect(text('ascii', 'xmlcharrefreplace')).toBe('&#233;&#8364;&#128512;');
    expect(text('latin1', 'replace')).toBe('é??');
    expect(encoded(['x', 'é'], 'ascii', 'bogus')).toEqual({ bytes: [0x78], error: "LookupError: unknown error handler name 'bogus'" });
    expect(encoded(['a\ud800'], 'utf-8', 'surrogatepass').bytes).toEqual([0x61, 0xed, 0xa0, 0x80]);
    expect(encoded(['é'], 'ascii', 'surrogatepass').error).toMatch(/^UnicodeEncodeError: 'ascii' codec/);
  });
});

describe('formatOutputChunks', () => {
  const ctx = { title: 'Op', color: false, terminalWidth: 80 };
  it('keeps what text output wrote before a list mixing dicts and scalars', () => {
    const { chunks, error } = formatOutputChunks('text', parseJson('{"b": [{"x": 1}, 2], "a": "first"}'), ctx);
    expect(chunks.join('')).toBe('first\n');
    expect(error?.message).toBe("'int' object has no attribute 'items'");
  });

  it('JSON pieces are the ones Python writes: a separator with the scalar after it', () => {
    expect(formatOutputChunks('json', parseJson('{"a": [1, {"b": "x"}], "c": []}'), ctx).chunks).toEqual([
      '{', '\n    ', '"a"', ': ', '[\n        1', ',\n        ', '{', '\n            ', '"b"', ': ', '"x"', '\n        ', '}',
      '\n    ', ']', ',\n    ', '"c"', ': ', '[]', '\n', '}', '\n',
    ]);
  });

  it('YAML reaches the stream as whole buffers of libyaml; a lone surrogate loses the unflushed one', () => {
    const items = Array.from({ length: 600 }, (_, i) => `item number ${i} with some words`);
    const done = formatOutputChunks('yaml', parseJson(JSON.stringify({ a: items })), ctx);
    expect(done.chunks.map((c) => Buffer.byteLength(c))).toEqual([16379, Buffer.byteLength(done.chunks.join('')) - 16379]);
    const failed = formatOutputChunks('yaml', parseJson(JSON.stringify({ a: [...items, 'x\ud800'] })), ctx);
    expect(failed.chunks).toEqual([done.chunks[0]]);
    expect(failed.error?.message).toBe("'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed");
  });
});

describe('encodeChunks: the CJK codecs, from their tables', () => {
  it("encode as Python's: JIS X 0201's yen and overline, euc_kr's make-up of a syllable KS X 1001 lacks, one character at a time", async () => {
    const { loadCjkTables } = await import('../../../src/util/charmaps.js');
    await loadCjkTables(['cjk:shift_jis']);
    const hex = (chunks: string[], label: string) => Buffer.from(encoded(chunks, label).bytes).toString('hex');
    expect(hex(['日本¥‾ｶ'], 'cjk:shift_jis')).toBe('93fa967b5c7eb6');
    expect(hex(['～'], 'cjk:cp932')).toBe('8160');
    expect(hex(['똠한'], 'cjk:euc_kr')).toBe('a4d4a4a8a4c7a4b1c7d1');
    expect(hex(['똠'], 'cjk:cp949')).toBe('8c63');
    // gb18030: two bytes from the table, four from its ranges and past the BMP.
    expect(hex(['中\u0080€😀\uffffé'], 'cjk:gb18030')).toBe('d6d081308130a2e39439fc368431a439a8a6');
    expect(encoded(['a\ud800'], 'cjk:gb18030').error).toBe("UnicodeEncodeError: 'gb18030' codec can't encode character '\\ud800' in position 1: illegal multibyte sequence");
    expect(encoded(['aé€'], 'cjk:shift_jis').error).toBe("UnicodeEncodeError: 'shift_jis' codec can't encode character '\\xe9' in position 1: illegal multibyte sequence");
    expect(encoded(['😀'], 'cjk:gbk').error).toBe("UnicodeEncodeError: 'gbk' codec can't encode character '\\U0001f600' in position 0: illegal multibyte sequence");
  });
});
