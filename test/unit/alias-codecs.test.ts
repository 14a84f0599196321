import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasArgs, loadAliases, shellQuote } from '../../src/cli/alias.js';
import { decoderLabel, pythonTextCodec } from '../../src/util/codecs.js';
import { parseIni } from '../../src/config/ini.js';

function homeWithAlias(content: string | undefined): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'cogso-alias-'));
  if (content !== undefined) {
    mkdirSync(join(home, '.aws', 'cli'), { recursive: true });
    writeFileSync(join(home, '.aws', 'cli', 'alias'), content);
  }
  return { HOME: home };
}

describe('the alias file', () => {
  it('reads sections with their words normalized, keys lower-cased, values stripped and kept as text', () => {
    const a = loadAliases(homeWithAlias('[command   cognito-idp]\nSO =\n  admin-user-global-sign-out\n  --username bob\n[toplevel]\nx = !echo hi \n'));
    expect(a.section('command cognito-idp').get('so')).toBe('admin-user-global-sign-out\n--username bob');
    expect(a.section('toplevel').get('x')).toBe('!echo hi');
    expect(a.section('command nope').size).toBe(0);
  });

  it('no file is no aliases; a directory or a file that does not parse is an error', () => {
    expect(loadAliases(homeWithAlias(undefined)).section('toplevel').size).toBe(0);
    const env = homeWithAlias(undefined);
    mkdirSync(join(env.HOME as string, '.aws', 'cli', 'alias'), { recursive: true });
    expect(() => loadAliases(env)).toThrow(`The specified config file (${env.HOME as string}/.aws/cli/alias) could not be found.`);
    const broken = homeWithAlias('\ufeff[toplevel]\na = b\n');
    expect(() => loadAliases(broken)).toThrow(`Unable to parse config file: ${broken.HOME as string}/.aws/cli/alias`);
  });

  it('splits values like shlex and words its failures like the AWS CLI', () => {
    expect(aliasArgs('so', `admin-user-global-sign-out --username 'a b' --query "x\\"y"`))
      .toEqual(['admin-user-global-sign-out', '--username', 'a b', '--query', 'x"y']);
    expect(() => aliasArgs('so', 'x "y')).toThrow('Value of alias "so" could not be parsed. Received error: No closing quotation when parsing:\nx "y');
    expect(() => aliasArgs('so', 'x \\')).toThrow('Received error: No escaped character when parsing:');
    // shlex's own decision (AWS CLI 2.36.7, run by hand): a backslash is literal in single quotes.
    expect(() => aliasArgs('so', "x 'y\\")).toThrow("Received error: No closing quotation when parsing:\nx 'y\\");
  });

  it('quotes external alias words as shlex.quote does', () => {
    expect(['a', 'a b', "it's", '', '--x=1,2'].map(shellQuote)).toEqual(['a', "'a b'", `'it'"'"'s'`, "''", '--x=1,2']);
  });
});

describe('Python codecs', () => {
  it('looks names up as the codec registry does', () => {
    expect(['UTF8', 'utf_8', 'U8', 'latin-1', 'ISO-8859-1', 'us-ascii', 'cp1252'].map(decoderLabel))
      .toEqual(['utf-8', 'utf-8', 'utf-8', 'latin1', 'latin1', 'ascii', 'windows-1252']);
    expect(decoderLabel('bogus')).toBeUndefined();
    expect(decoderLabel('rot13')).toBeUndefined();
  });

  it('fails with LookupError texts and decodes strictly', () => {
    expect(() => pythonTextCodec('bogus')).toThrow('unknown encoding: bogus');
    expect(() => pythonTextCodec('')).toThrow('unknown encoding: ');
    expect(() => pythonTextCodec('rot13')).toThrow("'rot13' is not a text encoding; use codecs.open() to handle arbitrary codecs");
    const bytes = Buffer.from('\ufeffb\u00f6b', 'utf8');
    expect(pythonTextCodec('utf-8').decode(bytes)).toBe('\ufeffb\u00f6b');
    expect(pythonTextCodec('utf-8-sig').decode(bytes)).toBe('b\u00f6b');
    expect(pythonTextCodec('latin-1').decode(Buffer.from([0x62, 0xf6, 0x80]))).toBe('b\u00f6\u0080');
    expect(() => pythonTextCodec('ascii').decode(Buffer.from([0x80]))).toThrow(TypeError);
    expect(() => pythonTextCodec('utf-16').decode(Buffer.from('bob'))).toThrow(TypeError);
  });
});

describe('INI whitespace is Python\'s', () => {
  it('a byte-order mark is no whitespace: the first line is then no section header', () => {
    expect(() => parseIni('\ufeff[default]\nregion = x\n')).toThrow();
    expect(parseIni('[default]\nregion = x\u00a0\n').get('default')?.get('region')).toBe('x');
  });
});
