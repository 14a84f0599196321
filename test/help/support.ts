// Helpers shared by the help, completion and packaging tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../../src/cli/io.js';
import type { Block, Page } from '../../src/help/doc.js';
import { REPO } from '../support/cli.js';
import { recorded } from '../support/recordings.js';

export interface FakeIo extends Io {
  readonly out: () => string;
  readonly err: () => string;
}

export function fakeIo(env: Record<string, string | undefined> = {}, tty?: { columns: number }): FakeIo {
  let out = '';
  let err = '';
  return {
    argv: [],
    env: { PATH: process.env.PATH, ...env },
    cwd: process.cwd(),
    stdout: { write: (s) => { out += s; }, writeAll: async (s) => { out += s; }, isTTY: tty !== undefined, columns: tty?.columns },
    stderr: { write: (s) => { err += s; }, writeAll: async (s) => { err += s; }, isTTY: false, columns: undefined },
    version: '0.0.0-test',
    out: () => out,
    err: () => err,
  };
}

/** What `col -b` leaves of groff's overstrikes (bold `c\bc`, underline `_\bc`, bullet `+\bo`). */
export function stripOverstrikes(text: string): string {
  return text.replace(/[^\n]\x08/g, '');
}

/** Whether a program is on PATH. */
export function have(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

/**
 * The AWS CLI's operation page (the recording's raw bytes), renamed for this CLI: the fixture
 * already says `cogsignout` for `aws`; the example drops the service word, which cogsignout has not.
 */
export function recordedOperationPage(): string {
  return recorded('help-op').stdout.replace('cogsignout cognito-idp admin-user-global-sign-out', 'cogsignout admin-user-global-sign-out');
}

const REFERENCE = join(REPO, '..', 'shared', 'reference', 'awscli-behavior.md');

/** Appendix A of the behaviour reference (the `col -bx` text), renamed; undefined where shared/ is absent. */
export function appendixA(): string | undefined {
  if (!existsSync(REFERENCE)) return undefined;
  const doc = readFileSync(REFERENCE, 'utf8');
  const start = doc.indexOf('```\n', doc.indexOf('## Appendix A')) + 4;
  const end = doc.indexOf('```\n', start);
  return doc.slice(start, end).replace('aws cognito-idp admin-user-global-sign-out', 'cogsignout admin-user-global-sign-out');
}

/** A page without the paragraphs we added to the AWS text. */
export function withoutAsides(page: Page): Page {
  const keep = (b: Block): boolean => !(b.kind === 'para' && b.aside === true);
  return { ...page, sections: page.sections.map((s) => ({ ...s, blocks: s.blocks.filter(keep) })) };
}
