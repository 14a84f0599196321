// The prompt driven in-process: keys go in through a fake keyboard, and what it draws is read
// back from a virtual terminal. (The same flows run in a real pseudo-terminal in pty.test.ts.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../src/config/settings.js';
import { buildPromptContext, promptForCommand, type PromptContext } from '../../src/prompt/index.js';
import { fileNamesFor } from '../../src/prompt/files.js';
import { fakeTerminal, KEY } from './support.js';

const OP = 'admin-user-global-sign-out';
const CTX: PromptContext = { profiles: ['default', 'prod', 'staging'], regions: ['eu-west-1', 'us-east-1'] };

/** Moves to the row whose label starts with `label`, by Up/Down as a user would. */
function focus(t: ReturnType<typeof open>, label: string): void {
  const at = (): boolean => t.vt.cursorLine().line.startsWith(`> ${label}`);
  for (let i = 0; i < 20 && !at(); i++) t.keyboard.press(KEY.up);
  for (let i = 0; i < 20 && !at(); i++) t.keyboard.press(KEY.down);
  if (!at()) throw new Error(`no row ${label}`);
}

function open(argv: string[], ctx: PromptContext = CTX, columns = 100, rows: number | undefined = 40) {
  const t = fakeTerminal(columns, rows);
  const result = promptForCommand(t.io, argv, ctx);
  return { ...t, result };
}

describe('what it shows', () => {
  it('lists the parameters with (required), their type and the documentation of the one being edited', () => {
    const t = open([OP]);
    expect(t.vt.screen()).toBe([
      'cogsignout auto-prompt: fill in the options, then run the command.',
      '> --user-pool-id (required)  [string]',
      '  --username (required)      [string]',
      '  --region                   [string]',
      '  --profile                  [string]',
      '  --output                   [string]',
      '  --endpoint-url             [string]',
      '  --query                    [string]',
      '  other arguments            [words]',
      '  [ run ]',
      '  The ID of the user pool where you want to sign out a user.',
      '  $ cogsignout admin-user-global-sign-out',
      '  Enter: next / run   Tab: choices   Up/Down: move   Ctrl-C: cancel',
    ].join('\n'));
    expect(t.vt.cursorLine().beforeCursor).toBe('> --user-pool-id (required)  [string]  ');
    t.keyboard.press(KEY.down);
    expect(t.vt.screen()).toContain('  The name of the user that you want to query or modify.');
    t.keyboard.press(KEY.down, KEY.down, KEY.down);
    expect(t.vt.screen()).toContain('  The formatting style for command output.\n  choices: json text table yaml yaml-stream off');
    t.keyboard.press(KEY.ctrlC);
  });

  it('is pre-filled from the command line and starts at the first missing required parameter', () => {
    const t = open(['--region', 'eu-west-1', OP, '--username', 'alice', '--output', 'table']);
    const screen = t.vt.screen();
    expect(screen).toContain('  --username (required)      [string]  alice');
    expect(screen).toContain('  --region                   [string]  eu-west-1');
    expect(screen).toContain('  --output                   [string]  table');
    expect(t.vt.cursorLine().line).toBe('> --user-pool-id (required)  [string]');
    t.keyboard.press(KEY.ctrlC);
  });

  it('says so when it opens because the command was incomplete (on-partial)', () => {
    const t = open([OP], { ...CTX, mode: 'on-partial' });
    expect(t.vt.screen().split('\n')[0]).toBe('cogsignout auto-prompt: the command is incomplete or invalid; complete it, then run it.');
    t.keyboard.press(KEY.ctrlC);
  });
});

describe('filling it in', () => {
  it('Enter goes from one required parameter to the next, then to run; Enter there runs it', async () => {
    const t = open([OP]);
    t.keyboard.press('us-east-1_Pool', KEY.enter);
    expect(t.vt.cursorLine().line).toBe('> --username (required)      [string]');
    t.keyboard.press('o', "'", 'brien', KEY.enter);
    expect(t.vt.cursorLine().line).toBe('> [ run ]');
    expect(t.vt.screen()).toContain(`  $ cogsignout ${OP} --user-pool-id us-east-1_Pool --username 'o'"'"'brien'`);
    t.keyboard.press(KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'us-east-1_Pool', '--username', "o'brien"]);
    // The form is gone; only the command line it runs is left, on stdout.
    expect(t.vt.screen()).toBe(`> cogsignout ${OP} --user-pool-id us-east-1_Pool --username 'o'"'"'brien'`);
    expect(t.out.at(-1)).toBe(`> cogsignout ${OP} --user-pool-id us-east-1_Pool --username 'o'"'"'brien'\n`);
    expect(t.err).toEqual([]);
  });

  it('with everything required given it starts on run, so Enter runs the line as given', async () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u', '--cli-auto-prompt', '--debug']);
    expect(t.vt.cursorLine().line).toBe('> [ run ]');
    t.keyboard.press(KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p', '--username', 'u', '--debug']);
  });

  it('will not run with a required parameter missing: it goes there and says why', async () => {
    const t = open([OP, '--user-pool-id', 'p']);
    t.keyboard.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.down);
    expect(t.vt.cursorLine().line).toBe('> [ run ]');
    t.keyboard.press(KEY.enter);
    expect(t.vt.cursorLine().line).toBe('> --username (required)      [string]');
    expect(t.vt.screen()).toContain('  --username is required.');
    t.keyboard.press(KEY.enter);
    expect(t.vt.screen()).toContain('  --username is required.');
    t.keyboard.press('bob', KEY.enter);
    expect(t.vt.screen()).not.toContain('is required');
    t.keyboard.press(KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p', '--username', 'bob']);
  });

  it('does not insist on the parameters when --cli-input-json can supply them', async () => {
    const t = open([OP, '--cli-input-json', 'file://in.json']);
    expect(t.vt.cursorLine().line).toBe('> [ run ]');
    t.keyboard.press(KEY.enter);
    expect(await t.result).toEqual([OP, '--cli-input-json', 'file://in.json']);
  });

  it('edits a pre-filled value in place: arrows, Home/End, Backspace, Delete, Ctrl-W, Ctrl-U', async () => {
    const t = open([OP, '--user-pool-id', 'pool', '--username', 'alice smith']);
    focus(t, '--username');
    expect(t.vt.cursorLine().beforeCursor).toBe('> --username (required)      [string]  alice smith');
    t.keyboard.press(KEY.ctrlW, KEY.backspace);
    expect(t.vt.cursorLine().line).toBe('> --username (required)      [string]  alice');
    t.keyboard.press(KEY.home, KEY.delete, 'A', KEY.end, KEY.backspace, 'E', KEY.left, KEY.left, '-');
    expect(t.vt.cursorLine().line).toBe('> --username (required)      [string]  Ali-cE');
    expect(t.vt.cursorLine().beforeCursor).toBe('> --username (required)      [string]  Ali-');
    t.keyboard.press(KEY.up, KEY.ctrlU, 'p2', KEY.enter, KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p2', '--username', 'Ali-cE']);
  });

  it('clearing an optional value leaves the option out', async () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u', '--region', 'r']);
    focus(t, '--region');
    t.keyboard.press(KEY.backspace, KEY.enter, KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p', '--username', 'u']);
  });
});

describe('other arguments', () => {
  it('holds, as shell words, whatever no field takes, in the order typed', async () => {
    const t = open(['--debug', OP, '--color', 'off', '--bogus', '--user-pool-id', 'p', '--username', 'u', '--query', 'x', '--', 'a b']);
    expect(t.vt.screen()).toContain("  other arguments            [words]   --debug --color off --bogus -- 'a b'");
    t.keyboard.press(KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p', '--username', 'u', '--query', 'x', '--debug', '--color', 'off', '--bogus', '--', 'a b']);
  });

  it('can be edited like any value: an unknown option can be removed, new ones added', async () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u', '--bogus']);
    focus(t, 'other arguments');
    t.keyboard.press(KEY.ctrlU, '--no-cli-pager --query "Users[0]"', KEY.enter, KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p', '--username', 'u', '--no-cli-pager', '--query', 'Users[0]']);
  });

  it('will not run while a quote is left open, and says so', async () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u']);
    focus(t, 'other arguments');
    t.keyboard.press("--query 'a", KEY.enter);
    expect(t.vt.screen()).toContain('  A quote is left open in the other arguments.');
    expect(t.vt.screen()).toContain("  $ cogsignout admin-user-global-sign-out --user-pool-id p --username u --query 'a");
    t.keyboard.press(KEY.down, KEY.enter);
    expect(t.vt.cursorLine().line).toBe("> other arguments            [words]   --query 'a");
    t.keyboard.press("'", KEY.enter, KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p', '--username', 'u', '--query', 'a']);
  });

  it('Ctrl-C with a quote left open echoes the text as typed', async () => {
    const t = open([OP, '--user-pool-id', 'p']);
    focus(t, 'other arguments');
    t.keyboard.press('--debug "x', KEY.ctrlC);
    expect(await t.result).toBe('cancelled');
    expect(t.err).toEqual([`> cogsignout ${OP} --user-pool-id p --debug "x\n`]);
  });

  it('typing --cli-input-json there lifts the required parameters', async () => {
    const t = open([OP]);
    focus(t, 'other arguments');
    t.keyboard.press('--cli-input-json file://in.json', KEY.enter);
    expect(t.vt.cursorLine().line).toBe('> [ run ]');
    t.keyboard.press(KEY.enter);
    expect(await t.result).toEqual([OP, '--cli-input-json', 'file://in.json']);
  });
});

describe('choices', () => {
  it('Tab cycles through the output formats that start with what was typed; Shift-Tab goes back', async () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u']);
    focus(t, '--output');
    t.keyboard.press(KEY.tab);
    expect(t.vt.cursorLine().line).toBe('> --output                   [string]  json');
    t.keyboard.press(KEY.tab, KEY.tab);
    expect(t.vt.cursorLine().line).toBe('> --output                   [string]  table');
    t.keyboard.press(KEY.shiftTab);
    expect(t.vt.cursorLine().line).toBe('> --output                   [string]  text');
    t.keyboard.press(KEY.ctrlU, 'Y', KEY.tab);
    expect(t.vt.cursorLine().line).toBe('> --output                   [string]  yaml');
    t.keyboard.press(KEY.tab);
    expect(t.vt.cursorLine().line).toBe('> --output                   [string]  yaml-stream');
    t.keyboard.press(KEY.tab);
    expect(t.vt.cursorLine().line).toBe('> --output                   [string]  yaml');
    t.keyboard.press(KEY.enter, KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p', '--username', 'u', '--output', 'yaml']);
  });

  it('Escape while cycling puts back what was typed', () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u']);
    focus(t, '--output');
    t.keyboard.press('t', KEY.tab, KEY.tab);
    expect(t.vt.cursorLine().line).toBe('> --output                   [string]  table');
    t.keyboard.press(KEY.escape);
    expect(t.vt.cursorLine().line).toBe('> --output                   [string]  t');
    t.keyboard.press(KEY.ctrlC);
  });

  it('offers the profiles of the config files for --profile, and their regions for --region', async () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u']);
    focus(t, '--profile');
    expect(t.vt.screen()).toContain('  choices: default prod staging');
    t.keyboard.press('s', KEY.tab);
    expect(t.vt.cursorLine().line).toBe('> --profile                  [string]  staging');
    t.keyboard.press(KEY.up, KEY.tab, KEY.tab);
    expect(t.vt.cursorLine().line).toBe('> --region                   [string]  us-east-1');
    t.keyboard.press(KEY.enter, KEY.enter);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p', '--username', 'u', '--region', 'us-east-1', '--profile', 'staging']);
  });

  it('says so when nothing matches, or when an option has no list', () => {
    const t = open([OP], { profiles: [] });
    t.keyboard.press(KEY.tab);
    expect(t.vt.screen()).toContain('  --user-pool-id has no list of choices; type the value.');
    t.keyboard.press(KEY.down, KEY.down, KEY.down, KEY.tab);
    expect(t.vt.screen()).toContain('  No profiles found in the config files; type a name.');
    t.keyboard.press(KEY.down, 'x', KEY.tab);
    expect(t.vt.screen()).toContain('  No choice starts with "x".');
    expect(t.vt.cursorLine().line).toBe('> --output                   [string]  x');
    t.keyboard.press(KEY.ctrlC);
  });
});

describe('leaving it', () => {
  it('Ctrl-C: the line so far on stderr, nothing on stdout, and "cancelled"', async () => {
    const t = open([OP, '--user-pool-id', 'p']);
    t.keyboard.press('al');
    t.keyboard.press(KEY.ctrlC);
    expect(await t.result).toBe('cancelled');
    expect(t.err).toEqual([`> cogsignout ${OP} --user-pool-id p --username al\n`]);
    expect(t.vt.screen()).toBe('');
  });

  it('Ctrl-D does the same', async () => {
    const t = open([OP]);
    t.keyboard.press(KEY.ctrlD);
    expect(await t.result).toBe('cancelled');
    expect(t.err).toEqual([`> cogsignout ${OP}\n`]);
  });

  it('the end of input (a closed terminal) cancels instead of hanging', async () => {
    const t = open([OP]);
    t.keyboard.emit('end');
    expect(await t.result).toBe('cancelled');
  });

  it('puts the terminal back as it found it', async () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u']);
    expect(t.keyboard.isRaw).toBe(true);
    expect(t.keyboard.flowing).toBe(true);
    t.keyboard.press(KEY.enter);
    await t.result;
    expect(t.keyboard.rawModes).toEqual([true, false]);
    expect(t.keyboard.flowing).toBe(false);
    expect(t.keyboard.listenerCount('data')).toBe(0);
    expect(t.keyboard.listenerCount('end')).toBe(0);
    // The cursor is shown again.
    expect(t.out.join('').lastIndexOf('\x1b[?25h')).toBeGreaterThan(t.out.join('').lastIndexOf('\x1b[?25l'));
  });

  it('keys typed after the choice are ignored', async () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u']);
    t.keyboard.press(`${KEY.enter}more${KEY.enter}`);
    expect(await t.result).toEqual([OP, '--user-pool-id', 'p', '--username', 'u']);
    expect(t.vt.screen()).toBe(`> cogsignout ${OP} --user-pool-id p --username u`);
  });
});

describe('commands', () => {
  it('without a command it asks for one first, with the commands as choices', async () => {
    const t = open(['--region', 'r']);
    expect(t.vt.cursorLine().line).toBe(`> command                    [choice]  ${OP}`);
    t.keyboard.press(KEY.ctrlU, 'b', KEY.tab);
    // The type column widens for [boolean].
    expect(t.vt.cursorLine().line).toBe('> command                    [choice]   bulk-sign-out');
    expect(t.vt.screen()).toContain('  --dry-run                  [boolean]');
    t.keyboard.press(KEY.enter, 'p', KEY.enter);
    expect(t.vt.cursorLine().line).toBe('> [ run ]');
    t.keyboard.press(KEY.enter);
    expect(await t.result).toEqual(['bulk-sign-out', '--user-pool-id', 'p', '--region', 'r']);
  });

  it('an unknown command is shown for correction and must be fixed before moving on', () => {
    const t = open(['admin-user-global-sign-ou']);
    expect(t.vt.cursorLine().line).toBe('> command                    [choice]  admin-user-global-sign-ou');
    t.keyboard.press(KEY.enter);
    expect(t.vt.screen()).toContain('  Choose a command: admin-user-global-sign-out, bulk-sign-out (Tab cycles through them).');
    t.keyboard.press('t', KEY.enter);
    expect(t.vt.cursorLine().line).toBe('> --user-pool-id (required)  [string]');
    t.keyboard.press(KEY.ctrlC);
  });

  it('flags of bulk-sign-out toggle with Space or Tab', async () => {
    const t = open(['bulk-sign-out', '--user-pool-id', 'p']);
    focus(t, '--dry-run');
    expect(t.vt.cursorLine().line).toBe('> --dry-run                  [boolean]');
    t.keyboard.press(' ');
    expect(t.vt.cursorLine().line).toBe('> --dry-run                  [boolean]  yes');
    focus(t, '--all-users');
    t.keyboard.press(KEY.tab, KEY.tab, KEY.tab);
    expect(t.vt.cursorLine().line).toBe('> --all-users                [boolean]  yes');
    t.keyboard.press(KEY.enter, KEY.enter);
    expect(await t.result).toEqual(['bulk-sign-out', '--user-pool-id', 'p', '--all-users', '--dry-run']);
  });
});

describe('option types and file names', () => {
  it('types --max-rps and --concurrency as integers and the file options as files', () => {
    const t = open(['bulk-sign-out', '--user-pool-id', 'p']);
    const screen = t.vt.screen();
    expect(screen).toContain('  --usernames-file           [file]');
    expect(screen).toContain('  --max-rps                  [integer]');
    expect(screen).toContain('  --concurrency              [integer]');
    expect(screen).toContain('  --journal                  [file]');
    expect(screen).toContain('  --filter                   [string]');
    t.keyboard.press(KEY.ctrlC);
  });

  it('Tab completes file names for --usernames-file and --journal, directories first-class', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-prompt-files-'));
    try {
      mkdirSync(join(dir, 'incident'));
      writeFileSync(join(dir, 'incident', 'phished.txt'), '');
      writeFileSync(join(dir, 'incident', 'phished.journal'), '');
      writeFileSync(join(dir, 'notes.md'), '');
      writeFileSync(join(dir, '.hidden'), '');
      const t = open(['bulk-sign-out', '--user-pool-id', 'p'], { ...CTX, files: (typed) => fileNamesFor(dir, typed) });
      focus(t, '--usernames-file');
      t.keyboard.press('i', KEY.tab);
      expect(t.vt.cursorLine().line).toBe('> --usernames-file           [file]     incident/');
      t.keyboard.press('p', KEY.tab);
      expect(t.vt.cursorLine().line).toBe('> --usernames-file           [file]     incident/phished.journal');
      t.keyboard.press(KEY.tab);
      expect(t.vt.cursorLine().line).toBe('> --usernames-file           [file]     incident/phished.txt');
      focus(t, '--journal');
      t.keyboard.press('x', KEY.tab);
      expect(t.vt.screen()).toContain('No file or directory name starts with "x".');
      t.keyboard.press(KEY.ctrlU, 'incident/phished.j', KEY.tab);
      expect(t.vt.cursorLine().line).toBe('> --journal                  [file]     incident/phished.journal');
      focus(t, '[ run ]');
      t.keyboard.press(KEY.enter);
      expect(await t.result).toEqual(['bulk-sign-out', '--user-pool-id', 'p', '--usernames-file', 'incident/phished.txt', '--journal', 'incident/phished.journal']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('file names: hidden ones only for a typed dot, nothing for a missing directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-prompt-files-'));
    try {
      writeFileSync(join(dir, '.hidden'), '');
      writeFileSync(join(dir, 'shown'), '');
      expect(fileNamesFor(dir, '')).toEqual(['shown']);
      expect(fileNamesFor(dir, '.')).toEqual(['.hidden']);
      expect(fileNamesFor(dir, 'nowhere/x')).toEqual([]);
      expect(fileNamesFor(dir, `${dir}/sh`)).toEqual([`${dir}/shown`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('small terminals', () => {
  it('a long value scrolls sideways, keeping the cursor on screen, and no line is wider than the terminal', () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u', '--query', 'a'.repeat(30) + 'b'.repeat(30)], CTX, 60);
    focus(t, '--query');
    for (const line of t.vt.screen().split('\n')) expect(line.length).toBeLessThan(60);
    expect(t.vt.cursorLine().beforeCursor).toBe(`> --query                    [string]  …${'b'.repeat(18)}`);
    t.keyboard.press(KEY.home);
    expect(t.vt.cursorLine().line).toBe(`> --query                    [string]  ${'a'.repeat(20)}`);
    expect(t.vt.cursorLine().beforeCursor).toBe('> --query                    [string]  ');
    t.keyboard.press(KEY.ctrlC);
  });

  it('a narrow terminal drops the type column', () => {
    const t = open([OP], CTX, 40);
    expect(t.vt.cursorLine().line).toBe('> --user-pool-id (required)');
    for (const line of t.vt.screen().split('\n')) expect(line.length).toBeLessThan(40);
    t.keyboard.press(KEY.ctrlC);
  });

  it('a short terminal drops the title, help and documentation lines rather than scroll', () => {
    const t = open([OP], CTX, 100, 11);
    const screen = t.vt.screen();
    expect(screen.split('\n').length).toBeLessThanOrEqual(10);
    expect(screen).not.toContain('auto-prompt:');
    expect(screen).not.toContain('Ctrl-C: cancel');
    expect(screen).toContain('> --user-pool-id (required)');
    t.keyboard.press(KEY.ctrlC);
  });

  it('the command preview wraps onto up to three lines', () => {
    const t = open([OP, '--user-pool-id', 'p'.repeat(40), '--username', 'u'.repeat(40), '--query', 'q'.repeat(40)], CTX, 80);
    const preview = t.vt.screen().split('\n').filter((l) => l.startsWith('  $ ') || /^ {2}[-pqu]/.test(l) && !l.includes('['));
    expect(preview.length).toBeGreaterThan(1);
    t.keyboard.press(KEY.ctrlC);
  });
});

describe('buildPromptContext', () => {
  function contextFor(config: string, credentials: string, extra: Record<string, string> = {}): PromptContext {
    const dir = mkdtempSync(join(tmpdir(), 'cogso-prompt-ctx-'));
    try {
      writeFileSync(join(dir, 'config'), config);
      writeFileSync(join(dir, 'credentials'), credentials);
      const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), ...extra };
      return buildPromptContext(new Settings(env, undefined), 'on-partial');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('offers the profiles of both files, each once, and the regions they name, sorted', () => {
    const ctx = contextFor('[default]\nregion = us-east-1\n[profile prod]\nregion = eu-west-1\n[profile dev]\n',
      '[dev]\nregion = eu-west-1\n[ci]\naws_access_key_id = x\n');
    expect(ctx).toEqual({ profiles: ['default', 'prod', 'dev', 'ci'], regions: ['eu-west-1', 'us-east-1'], mode: 'on-partial', color: true, files: expect.any(Function) });
  });

  it('a config file that cannot be parsed offers nothing instead of failing', () => {
    expect(contextFor('region = x\n', '')).toMatchObject({ profiles: [], regions: [] });
  });

  it('NO_COLOR turns styling off (an empty NO_COLOR does not)', () => {
    expect(contextFor('', '', { NO_COLOR: '1' }).color).toBe(false);
    expect(contextFor('', '', { NO_COLOR: '' }).color).toBe(true);
  });

  it('without colour nothing is styled, and the chosen choice is bracketed', () => {
    const t = open([OP, '--user-pool-id', 'p', '--username', 'u', '--output', 'text'], { ...CTX, color: false });
    focus(t, '--output');
    expect(t.vt.screen()).toContain('  choices: json [text] table yaml yaml-stream off');
    expect(t.out.join('')).not.toMatch(/\x1b\[[0-9;]*m/);
    t.keyboard.press(KEY.ctrlC);
  });
});
