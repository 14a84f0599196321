// When the auto-prompt opens: every precedence rule of the AWS CLI (reference §11, §8), and the
// helpers the driver uses for `on-partial` and for deciding whether a terminal is there at all.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Settings } from '../../src/config/settings.js';
import { GeneralError, ParamValidationError, UnknownArgumentError } from '../../src/errors/errors.js';
import {
  canPrompt, isSilencedInPartialMode, promptIoFrom, PROMPT_CANCELLED_EXIT, resolvePromptMode, shouldPromptAfterPartial,
} from '../../src/prompt/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cogso-prompt-mode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** An environment whose config file holds `config` (and no credentials file). */
function envWith(config: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  const path = join(dir, `config-${n++}`);
  if (config !== undefined) writeFileSync(path, config);
  return { HOME: dir, AWS_CONFIG_FILE: path, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'), ...extra };
}

function mode(argv: string[], env: Record<string, string>, profileFlag?: string): string {
  return resolvePromptMode(argv, env, new Settings(env, profileFlag));
}

const OP = ['admin-user-global-sign-out'];

describe('resolvePromptMode', () => {
  it('is off by default', () => {
    expect(mode(OP, envWith(undefined))).toBe('off');
  });

  it('--cli-auto-prompt turns it on, whatever the environment and config say', () => {
    const env = envWith('[default]\ncli_auto_prompt = off\n', { AWS_CLI_AUTO_PROMPT: 'off' });
    expect(mode([...OP, '--cli-auto-prompt'], env)).toBe('on');
    expect(mode(['--cli-auto-prompt', ...OP], env)).toBe('on');
  });

  it('--no-cli-auto-prompt turns it off, whatever the environment and config say', () => {
    const env = envWith('[default]\ncli_auto_prompt = on\n', { AWS_CLI_AUTO_PROMPT: 'on' });
    expect(mode([...OP, '--no-cli-auto-prompt'], env)).toBe('off');
  });

  it('only exact flag tokens count (an abbreviation parses later but does not prompt)', () => {
    expect(mode([...OP, '--cli-auto'], envWith(undefined))).toBe('off');
    expect(mode([...OP, '--cli-auto-prompt=true'], envWith(undefined))).toBe('off');
  });

  it.each([
    ['on', 'on'], ['ON', 'on'], ['On', 'on'], ['on-partial', 'on-partial'], ['ON-PARTIAL', 'on-partial'],
    ['off', 'off'], ['OFF', 'off'], ['', 'off'], ['yes', 'off'], ['true', 'off'], [' on', 'off'], ['partial', 'off'],
  ])('AWS_CLI_AUTO_PROMPT=%j gives %s', (value, expected) => {
    expect(mode(OP, envWith(undefined, { AWS_CLI_AUTO_PROMPT: value }))).toBe(expected);
  });

  it.each([
    ['on', 'on'], ['On-Partial', 'on-partial'], ['off', 'off'], ['bogus', 'off'],
  ])('the profile’s cli_auto_prompt = %s gives %s', (value, expected) => {
    expect(mode(OP, envWith(`[default]\ncli_auto_prompt = ${value}\n`))).toBe(expected);
  });

  it('AWS_CLI_AUTO_PROMPT beats the profile, even when it says off or is unknown', () => {
    const config = '[default]\ncli_auto_prompt = on\n';
    expect(mode(OP, envWith(config, { AWS_CLI_AUTO_PROMPT: 'off' }))).toBe('off');
    expect(mode(OP, envWith(config, { AWS_CLI_AUTO_PROMPT: 'bogus' }))).toBe('off');
    expect(mode(OP, envWith('[default]\ncli_auto_prompt = off\n', { AWS_CLI_AUTO_PROMPT: 'on-partial' }))).toBe('on-partial');
  });

  it('reads the selected profile: --profile, then AWS_PROFILE', () => {
    const config = '[default]\ncli_auto_prompt = off\n[profile p]\ncli_auto_prompt = on\n';
    expect(mode(OP, envWith(config), 'p')).toBe('on');
    expect(mode(OP, envWith(config, { AWS_PROFILE: 'p' }))).toBe('on');
    expect(mode(OP, envWith(config, { AWS_PROFILE: 'p' }), 'default')).toBe('off');
  });

  it('a profile that does not exist means off, not an error', () => {
    expect(mode(OP, envWith('[default]\ncli_auto_prompt = on\n'), 'missing')).toBe('off');
    expect(mode(OP, envWith('[default]\ncli_auto_prompt = on\n', { AWS_PROFILE: 'missing' }))).toBe('off');
  });

  it('a config file that cannot be parsed means off, not an error', () => {
    expect(mode(OP, envWith('cli_auto_prompt = on\n'))).toBe('off');
    expect(mode(OP, envWith('[default]\ncli_auto_prompt = on\ncli_auto_prompt = on\n'))).toBe('off');
  });

  it('the environment variable still counts when the profile is missing (it is read first)', () => {
    expect(mode(OP, envWith(undefined, { AWS_CLI_AUTO_PROMPT: 'on' }), 'missing')).toBe('on');
  });

  it('a `help` or `--version` token anywhere turns it off, even with --cli-auto-prompt', () => {
    const env = envWith('[default]\ncli_auto_prompt = on\n', { AWS_CLI_AUTO_PROMPT: 'on' });
    expect(mode(['help'], env)).toBe('off');
    expect(mode([...OP, 'help', '--cli-auto-prompt'], env)).toBe('off');
    expect(mode(['--cli-auto-prompt', '--version'], env)).toBe('off');
    expect(mode([...OP, '--username', 'help'], env)).toBe('off');
    // Only whole tokens: these do not.
    expect(mode([...OP, '--username', 'helper'], env)).toBe('on');
    expect(mode([...OP, '--vers'], env)).toBe('on');
  });
});

describe('on-partial helpers', () => {
  it('prompts after the silenced first run only when it ended with 252', () => {
    expect(shouldPromptAfterPartial(252)).toBe(true);
    for (const code of [0, 1, 130, 253, 254, 255]) expect(shouldPromptAfterPartial(code)).toBe(false);
  });

  it('silences the ParamValidation family only (unknown options stay loud)', () => {
    expect(isSilencedInPartialMode(new ParamValidationError('the following arguments are required: --username'))).toBe(true);
    expect(isSilencedInPartialMode(new UnknownArgumentError('Unknown options: --x'))).toBe(false);
    expect(isSilencedInPartialMode(new GeneralError('boom'))).toBe(false);
    expect(isSilencedInPartialMode('a string')).toBe(false);
  });

  it('a cancelled prompt exits 130', () => {
    expect(PROMPT_CANCELLED_EXIT).toBe(130);
  });
});

describe('canPrompt', () => {
  const out = (isTTY: boolean) => ({ write: () => undefined, isTTY, columns: 80 });
  const input = (isTTY: boolean, raw = true) => ({
    isTTY, ...(raw ? { setRawMode: () => undefined } : {}),
    on: () => undefined, removeListener: () => undefined, resume: () => undefined, pause: () => undefined,
  });
  const err = { write: () => undefined };

  it('needs both stdin and stdout to be terminals', () => {
    expect(canPrompt({ stdin: input(true), stdout: out(true), stderr: err })).toBe(true);
    expect(canPrompt({ stdin: input(false), stdout: out(true), stderr: err })).toBe(false);
    expect(canPrompt({ stdin: input(true), stdout: out(false), stderr: err })).toBe(false);
    expect(canPrompt({ stdin: input(false), stdout: out(false), stderr: err })).toBe(false);
  });

  it('needs a keyboard that can be put in raw mode', () => {
    expect(canPrompt({ stdin: input(true, false), stdout: out(true), stderr: err })).toBe(false);
  });

  it('without a stdin (the driver under test) there is nothing to prompt with', () => {
    expect(canPrompt(promptIoFrom({ stdout: out(true), stderr: err }))).toBe(false);
  });
});
