// How a file:// value's path is expanded (Python's os.path.expanduser, then expandvars, as the
// AWS CLI's paramfile does). The replayed recordings (test/e2e/input-sweep-recorded.test.ts)
// cover the rest; ~name needs a user whose home is the same on every machine: root's /root.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandPath, expandUser, expandVars } from '../../src/config/files.js';

const rootHome = /^root:[^:]*:[^:]*:[^:]*:[^:]*:([^:]*):/m.exec(readFileSync('/etc/passwd', 'utf8'))?.[1];

describe('expandUser', () => {
  it.skipIf(rootHome !== '/root')('~name is that user\'s home from the password file', () => {
    expect(expandUser('~root/n.txt', { HOME: '/h' })).toBe('/root/n.txt');
    expect(expandUser('~root', { HOME: '/h' })).toBe('/root');
  });
  it('an unknown ~name leaves the path as it is', () => {
    expect(expandUser('~no-such-user-here/n.txt', { HOME: '/h' })).toBe('~no-such-user-here/n.txt');
  });
  it('drops HOME\'s trailing slashes, and an empty result is /', () => {
    expect(expandUser('~/n.txt', { HOME: '/h//' })).toBe('/h/n.txt');
    expect(expandUser('~', { HOME: '/' })).toBe('/');
    expect(expandUser('~/x', { HOME: '' })).toBe('/x');
  });
  it('leaves a ~ after the start alone', () => {
    expect(expandUser('a/~/n.txt', { HOME: '/h' })).toBe('a/~/n.txt');
  });
});

describe('expansion order', () => {
  it('the paramfile order keeps a variable\'s ~; botocore\'s config order expands it', () => {
    const env = { HOME: '/h', X: '~' };
    expect(expandVars(expandUser('$X/n.txt', env), env)).toBe('~/n.txt');
    expect(expandPath('$X/n.txt', env)).toBe('/h/n.txt');
  });
});
