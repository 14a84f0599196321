// The installed manual page: generated from the same pages as `cogsignout help`, kept up to
// date by the build, and valid roff that man(1) can index and show.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulkSignOutOptions, globalOptions, signOutOptions } from '../../src/cli/program.js';
import { manualPage } from '../../src/help/manual.js';
import { REPO } from '../support/cli.js';
import { have, stripOverstrikes } from './support.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
const MAN = join(REPO, 'man', 'cogsignout.1');

describe('man/cogsignout.1', () => {
  it('is what scripts/gen-man.mjs makes from the help pages (run `npm run build` after editing them)', () => {
    expect(readFileSync(MAN, 'utf8')).toBe(manualPage(pkg.version));
  });

  it('has a NAME line that whatis can index', () => {
    expect(manualPage(pkg.version)).toContain('\n.SH "NAME"\ncogsignout \\- sign Amazon Cognito users out of every device\n');
  });

  describe.skipIf(!have('groff'))('rendered by groff', () => {
    const render = (): { text: string; warnings: string } => {
      const r = spawnSync('groff', ['-man', '-Tascii', '-ww'], { input: manualPage(pkg.version), encoding: 'utf8' });
      return { text: stripOverstrikes(r.stdout).replace(/-\n\s+/g, '').replace(/\s+/g, ' '), warnings: r.stderr };
    };

    it('renders without a warning', () => {
      expect(render().warnings).toBe('');
    });

    it('holds every command, every option and what a sign-out does not revoke', () => {
      const { text } = render();
      for (const heading of ['NAME', 'SYNOPSIS', 'AVAILABLE COMMANDS', 'ADMIN-USER-GLOBAL-SIGN-OUT', 'BULK-SIGN-OUT', 'GLOBAL OPTIONS', 'EXIT STATUS']) {
        expect(text).toContain(` ${heading} `);
      }
      for (const o of [...globalOptions(), ...signOutOptions(), ...bulkSignOutOptions()]) expect(text).toContain(o.long as string);
      expect(text).toContain('stays valid until it expires');
      // The shared global options are printed once.
      expect(text.split('--cli-connect-timeout (int)')).toHaveLength(2);
    });
  });
});
