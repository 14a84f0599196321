import { describe, expect, it } from 'vitest';
import { IniParseError, parseIni } from '../../src/config/ini.js';

describe('config file dialect (configparser + botocore nesting)', () => {
  it('reads sections, lower-cases keys, keeps values', () => {
    const s = parseIni('[default]\nRegion = eu-west-1\noutput: json\n# comment\n; other\n\n[profile dev]\nregion=us-east-2\n');
    expect(s.get('default')?.get('region')).toBe('eu-west-1');
    expect(s.get('default')?.get('output')).toBe('json');
    expect(s.get('profile dev')?.get('region')).toBe('us-east-2');
  });

  it('parses nested sub-sections', () => {
    const s = parseIni('[services local]\ncognito_identity_provider =\n  endpoint_url = http://127.0.0.1:9\n  other = x\n');
    expect(s.get('services local')?.get('cognito_identity_provider')).toEqual({ endpoint_url: 'http://127.0.0.1:9', other: 'x' });
  });

  it('continuation lines join with newlines', () => {
    const s = parseIni('[a]\nk = one\n  two\n');
    expect(s.get('a')?.get('k')).toBe('one\ntwo');
  });

  it('rejects what configparser rejects', () => {
    expect(() => parseIni('this is not an ini file\n[default\nregion\n')).toThrow(IniParseError);
    expect(() => parseIni('garbage without section\n')).toThrow(IniParseError);
    expect(() => parseIni('[a]\njunk line\n')).toThrow(IniParseError);
    expect(() => parseIni('[a]\n[a]\n')).toThrow(IniParseError);
    expect(() => parseIni('[a]\nk=1\nk=2\n')).toThrow(IniParseError);
    expect(() => parseIni('[a]\n= value\n')).toThrow(IniParseError);
  });

  it('[DEFAULT] values apply to every section', () => {
    const s = parseIni('[DEFAULT]\nregion = x\n[default]\noutput = text\n');
    expect(s.get('default')?.get('region')).toBe('x');
    expect(s.has('DEFAULT')).toBe(false);
  });

  it('a [DEFAULT] value that would not parse as nested is harmless where every section overrides it (as in botocore)', () => {
    const s = parseIni('[DEFAULT]\ns3 =\n  bad line\n[default]\ns3 = x\nregion = us-east-1\n', { nested: true });
    expect(s.get('default')?.get('s3')).toBe('x');
    expect(s.get('default')?.get('region')).toBe('us-east-1');
  });

  it('blank lines inside a value are kept, trailing ones dropped, even by the hundred thousand', () => {
    const s = parseIni(`[a]\nk = x\n${'\n'.repeat(200_000)} y\nt = z\n\n\n \n`);
    expect(s.get('a')?.get('k')).toBe(`x${'\n'.repeat(200_001)}y`);
    expect(s.get('a')?.get('t')).toBe('z');
  });
});
