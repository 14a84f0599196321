import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IniParseError, parseIni } from '../../src/config/ini.js';
import { loadConfigFiles } from '../../src/config/files.js';
import { Settings } from '../../src/config/settings.js';

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

  // Facts from botocore's configloader on Python 3.11 (the oracle's), checked case by case.
  it('a [DEFAULT] block that is no valid nested block fails the file where a section does not override it', () => {
    expect(() => parseIni('[DEFAULT]\ns3 =\n  bad line\n[default]\nregion = us-east-1\n')).toThrow(IniParseError);
    expect(() => parseIni('[DEFAULT]\ns3 =\n  bad line\n')).not.toThrow();
  });

  it('nested blocks split at every line break Python knows (\\v, \\u2028...), as str.splitlines() does', () => {
    expect(parseIni('[default]\ns3 =\n  a=1\u000bb=2\n').get('default')?.get('s3')).toEqual({ a: '1', b: '2' });
    expect(parseIni('[default]\ns3 =\n  a=1\u2028b=2\n').get('default')?.get('s3')).toEqual({ a: '1', b: '2' });
    expect(() => parseIni('[default]\ns3 =\n  a=1\u000bjunk\n')).toThrow(IniParseError);
  });

  it('a section name may hold any character but a newline, as configparser\'s regex has it', () => {
    expect([...parseIni('[a\u2028b]\nk=v\n[]]\nk=w\n').keys()]).toEqual(['a\u2028b', ']']);
  });

  it('a section\'s own keys come first, then the [DEFAULT] keys it does not override (configparser\'s options())', () => {
    const s = parseIni('[default]\nB=1\na=2\n[DEFAULT]\nz=1\nb=3\n');
    expect([...(s.get('default') ?? [])]).toEqual([['b', '1'], ['a', '2'], ['z', '1']]);
    expect(s.get('default')?.size).toBe(3);
  });

  it('what is looked up by name is what a walk over the file finds', () => {
    const text = '[DEFAULT]\nd = 0\n[a]\nk = 1\n  more\n\n[b]\nn =\n  x = y\n[c]\n';
    const s = parseIni(text);
    for (const [name, section] of s) expect(new Map(s.get(name))).toEqual(new Map(section));
    expect(s.get('b')?.get('n')).toEqual({ x: 'y' });
    expect(s.get('a')?.get('k')).toBe('1\nmore');
    expect(s.get('c')?.get('d')).toBe('0');
    expect(s.has('DEFAULT')).toBe(false);
  });

  it('duplicate sections and keys are told however many there are', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `[s${i}]\n`).join('');
    expect(() => parseIni(`${many}[s42]\n`)).toThrow(IniParseError);
    expect(parseIni(many).size).toBe(5000);
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i} = v\n`).join('');
    expect(() => parseIni(`[a]\n${keys}K42 = w\n`)).toThrow(IniParseError);
    expect(() => parseIni(`[DEFAULT]\n${keys}[x]\n[DEFAULT]\nk42 = w\n`)).toThrow(IniParseError);
  });
});

describe('names found by hash are still told apart by their text', () => {
  // Two section names of one FNV-1a hash (the hash the parser finds names by), found by search.
  const fnv = (t: string): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    return h | 0;
  };
  const collision = ((): [string, string] => {
    const seen = new Map<number, string>();
    for (let i = 0; ; i++) {
      const name = `n${i.toString(36)}`;
      const other = seen.get(fnv(name));
      if (other !== undefined) return [other, name];
      seen.set(fnv(name), name);
    }
  })();

  it('two names of one hash are two sections; one of them twice is a duplicate', () => {
    const [a, b] = collision;
    expect(fnv(a)).toBe(fnv(b));
    const s = parseIni(`[${a}]\nk = 1\n[${b}]\nk = 2\n`);
    expect(s.get(a)?.get('k')).toBe('1');
    expect(s.get(b)?.get('k')).toBe('2');
    expect(() => parseIni(`[${a}]\n[${b}]\n[${a}]\n`)).toThrow(IniParseError);
    expect(parseIni(`[x]\n${a} = 1\n${b} = 2\n`).get('x')?.get(b)).toBe('2');
    expect(() => parseIni(`[x]\n${a} = 1\n${b} = 2\n${b} = 3\n`)).toThrow(IniParseError);
    const dir = mkdtempSync(join(tmpdir(), 'cogso-ini-'));
    try {
      writeFileSync(join(dir, 'config'), `[profile ${a}]\nk = 1\n[profile ${b}]\nk = 2\n[profile "${a}"]\nk = 3\n`);
      const files = loadConfigFiles({ HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') });
      expect([...files.profiles.keys()]).toEqual([a, b]);
      expect([a, b].map((name) => files.profiles.get(name)?.get('k'))).toEqual(['3', '2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('profile, sso-session and services names (botocore\'s shlex split of the section name)', () => {
  const profilesOf = (config: string): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-ini-'));
    try {
      writeFileSync(join(dir, 'config'), config);
      return [...loadConfigFiles({ HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') }).profiles.keys()];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('two words make a profile, whatever the first after "profile"', () => {
    expect(profilesOf('[profilefoo bar]\nk=v\n[profile "a b"]\nk=v\n[profile a"b c"]\nk=v\n')).toEqual(['bar', 'a b', 'ab c']);
  });

  it('one word, three words or an open quote make none; a no-break space is no shlex whitespace', () => {
    expect(profilesOf('[profile]\nk=v\n[profile a b]\nk=v\n[profile "x]\nk=v\n[profile\u00a0x]\nk=v\n')).toEqual([]);
  });

  it('a later section of the same name wins, in the place of the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-ini-'));
    try {
      writeFileSync(join(dir, 'config'), '[profile a]\nk = 1\n[profile b]\nk = 2\n[profile "a"]\nk = 3\n');
      const files = loadConfigFiles({ HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') });
      expect([...files.profiles.keys()]).toEqual(['a', 'b']);
      expect(files.profiles.get('a')?.get('k')).toBe('3');
      expect([...files.profiles.values()].map((p) => p.get('k'))).toEqual(['3', '2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('both files are parsed once per environment', () => {
  it('the session start\'s read and every Settings over the same environment share one parse; a file rewritten (to another size, inode or time) is read again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-ini-'));
    try {
      const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
      writeFileSync(env.AWS_CONFIG_FILE, '[default]\nregion = us-east-1\n');
      const files = loadConfigFiles(env);
      expect(new Settings(env, undefined).configFiles()).toBe(files);
      expect(new Settings(env, 'default').configFiles()).toBe(files);
      expect(loadConfigFiles({ ...env })).not.toBe(files);
      writeFileSync(env.AWS_CONFIG_FILE, '[default]\nregion = ap-southeast-2\n');
      expect(loadConfigFiles(env).profiles.get('default')?.get('region')).toBe('ap-southeast-2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
