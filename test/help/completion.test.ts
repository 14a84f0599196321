// Completion scripts: they load in their shells, complete from the registry's vocabulary, and
// the profile fast path lists profiles from the config files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkSignOutOptions, COLOR_CHOICES, ERROR_FORMATS, globalOptions, OUTPUT_FORMATS, signOutOptions, SKELETON_CHOICES } from '../../src/cli/program.js';
import { SHELLS } from '../../src/completion/commands.js';
import { completionScript, profileNames, regionNames, runCompletion } from '../../src/completion/index.js';
import { regionChoices } from '../../src/completion/regions.js';
import { runCli, spawnCli } from '../support/cli.js';
import { ParamValidationError } from '../../src/errors/errors.js';
import { fakeIo, have } from './support.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'cogso-completion-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

function scriptFile(shell: (typeof SHELLS)[number]): string {
  const file = join(dir, `cogsignout.${shell}`);
  writeFileSync(file, completionScript(shell));
  return file;
}

describe.each(SHELLS)('the %s script', (shell) => {
  it.skipIf(!have(shell))('parses in its shell', () => {
    const r = spawnSync(shell, ['-n', scriptFile(shell)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('names every command and option of the registry', () => {
    const script = completionScript(shell);
    for (const word of ['admin-user-global-sign-out', 'bulk-sign-out', 'help', 'completion']) expect(script).toContain(word);
    for (const o of [...globalOptions(), ...signOutOptions(), ...bulkSignOutOptions()]) {
      const flag = o.long as string;
      expect(script).toContain(shell === 'fish' ? `-l ${flag.slice(2)} ` : flag);
    }
    for (const choices of [OUTPUT_FORMATS, COLOR_CHOICES, ERROR_FORMATS, SKELETON_CHOICES]) expect(script).toContain(choices.join(' '));
    expect(script).toContain('cogsignout __complete profiles');
  });
});

/** Runs the bash completion function for a command line; the last word is the one being completed. */
function bashComplete(words: string[], setup = ''): string[] {
  const script = scriptFile('bash');
  const quoted = words.map((w) => `'${w.replaceAll("'", "'\\''")}'`).join(' ');
  const r = spawnSync('bash', ['-c', `${setup}\nsource '${script}'\nCOMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}\n_cogsignout\nprintf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe.skipIf(!have('bash'))('bash completion, driven', () => {
  it('registers itself for cogsignout when sourced', () => {
    const r = spawnSync('bash', ['-c', `source '${scriptFile('bash')}' && complete -p cogsignout`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('complete -F _cogsignout cogsignout\n');
  });

  it('offers the six output formats after --output', () => {
    expect(bashComplete(['cogsignout', 'admin-user-global-sign-out', '--output', ''])).toEqual([...OUTPUT_FORMATS]);
    expect(bashComplete(['cogsignout', '--output', 'y'])).toEqual(['yaml', 'yaml-stream']);
    // readline splits `--output=t` into three words.
    expect(bashComplete(['cogsignout', '--output', '=', 't'])).toEqual(['text', 'table']);
  });

  it('offers the choices of --color, --cli-error-format and --generate-cli-skeleton', () => {
    expect(bashComplete(['cogsignout', '--color', ''])).toEqual([...COLOR_CHOICES]);
    expect(bashComplete(['cogsignout', '--cli-error-format', ''])).toEqual([...ERROR_FORMATS]);
    expect(bashComplete(['cogsignout', 'admin-user-global-sign-out', '--generate-cli-skeleton', ''])).toEqual([...SKELETON_CHOICES]);
  });

  it('offers commands, then the options of the command, wherever the global options are', () => {
    expect(bashComplete(['cogsignout', ''])).toEqual(['admin-user-global-sign-out', 'bulk-sign-out', 'help', 'completion']);
    expect(bashComplete(['cogsignout', '--region', 'eu-west-1', 'admin-user-global-sign-out', '--user'])).toEqual(['--user-pool-id', '--username']);
    expect(bashComplete(['cogsignout', '--output', 'json', 'bulk-sign-out', '--d'])).toEqual(['--dry-run', '--debug']);
    expect(bashComplete(['cogsignout', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(bashComplete(['cogsignout', '--cl'])).toEqual(globalOptions().map((o) => o.long as string).filter((f) => f.startsWith('--cl')));
  });

  it('asks `cogsignout __complete profiles` for profile names', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'cogsignout'), '#!/bin/sh\n[ "$1 $2" = "__complete profiles" ] && printf "default\\nprod eu\\nstaging\\n"\n', { mode: 0o755 });
    expect(bashComplete(['cogsignout', '--profile', ''], `PATH='${bin}':$PATH`)).toEqual(['default', 'prod eu', 'staging']);
    expect(bashComplete(['cogsignout', '--profile', 'st'], `PATH='${bin}':$PATH`)).toEqual(['staging']);
  });

  it('asks `cogsignout __complete regions` for regions after --region', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'cogsignout'), '#!/bin/sh\n[ "$1 $2" = "__complete regions" ] && printf "eu-west-3\\nus-east-1\\nus-west-2\\n"\n', { mode: 0o755 });
    expect(bashComplete(['cogsignout', '--region', 'us'], `PATH='${bin}':$PATH`)).toEqual(['us-east-1', 'us-west-2']);
    expect(bashComplete(['cogsignout', 'bulk-sign-out', '--region', '=', ''], `PATH='${bin}':$PATH`)).toEqual(['eu-west-3', 'us-east-1', 'us-west-2']);
  });

  it('completes file names for --usernames-file and --journal', () => {
    writeFileSync(join(dir, 'phished.txt'), '');
    writeFileSync(join(dir, 'phished.journal'), '');
    expect(bashComplete(['cogsignout', 'bulk-sign-out', '--usernames-file', 'phi'], `cd '${dir}'`).sort()).toEqual(['phished.journal', 'phished.txt']);
    expect(bashComplete(['cogsignout', 'bulk-sign-out', '--journal', 'phished.j'], `cd '${dir}'`)).toEqual(['phished.journal']);
  });

  it('skips one leading cognito-idp word, as cogsignout does', () => {
    expect(bashComplete(['cogsignout', 'cognito-idp', ''])).toEqual(['admin-user-global-sign-out', 'bulk-sign-out', 'help', 'completion']);
    expect(bashComplete(['cogsignout', '--region', 'eu-west-1', 'cognito-idp', 'admin-user-global-sign-out', '--user'])).toEqual(['--user-pool-id', '--username']);
  });
});

describe('region names', () => {
  it('are the configured ones first, then the known ones, each once', () => {
    const profiles = [new Map([['region', 'eu-west-3']]), new Map([['region', 'us-east-1']]), new Map()];
    expect(regionChoices({ AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: '' }, profiles, ['us-east-1', 'us-west-2']))
      .toEqual(['ap-south-1', 'eu-west-3', 'us-east-1', 'us-west-2']);
  });

  it('read the config files quietly (a broken one adds none)', () => {
    writeFileSync(join(dir, 'c'), '[profile p]\nregion = me-south-1\n');
    expect(regionNames({ HOME: dir, AWS_CONFIG_FILE: join(dir, 'c') })[0]).toBe('me-south-1');
    writeFileSync(join(dir, 'broken'), 'not an ini file [');
    expect(regionNames({ HOME: dir, AWS_CONFIG_FILE: join(dir, 'broken') })).not.toContain('me-south-1');
  });

  it('in the built CLI include every region of the SDK\'s partition data, without loading it', async () => {
    const { sdkRegions } = await import('../../scripts/sdk-regions.mjs');
    const r = await spawnCli(['__complete', 'regions'], { env: { AWS_REGION: 'eu-west-3', AWS_CONFIG_FILE: '{{HOME}}/c' }, files: { c: '[default]\nregion = us-west-2\n[profile far]\nregion = xx-test-1\n' } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const listed = r.stdout.split('\n').filter((l) => l !== '');
    expect(listed.slice(0, 3)).toEqual(['eu-west-3', 'us-west-2', 'xx-test-1']);
    expect(new Set(listed)).toEqual(new Set(['eu-west-3', 'us-west-2', 'xx-test-1', ...sdkRegions()]));
    expect(listed).toHaveLength(new Set(listed).size);
    expect(sdkRegions()).toEqual(expect.arrayContaining(['us-east-1', 'eu-central-1', 'ap-southeast-2', 'cn-north-1', 'us-gov-west-1']));
  });
});

describe('profile names', () => {
  const files = (config: string, credentials: string): Record<string, string> => {
    mkdirSync(join(dir, '.aws'), { recursive: true });
    writeFileSync(join(dir, '.aws', 'config'), config);
    writeFileSync(join(dir, '.aws', 'credentials'), credentials);
    return { HOME: dir };
  };

  it('come from ~/.aws/config and ~/.aws/credentials, each once, config first', () => {
    const env = files('[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\n[sso-session s]\n[services x]\n', '[ci]\naws_access_key_id = A\n[dev]\naws_access_key_id = B\n');
    expect(profileNames(env)).toEqual(['default', 'dev', 'ci']);
  });

  it('honour AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', () => {
    writeFileSync(join(dir, 'c'), '[profile from-env]\n');
    writeFileSync(join(dir, 'k'), '[key-profile]\n');
    expect(profileNames({ HOME: dir, AWS_CONFIG_FILE: join(dir, 'c'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'k') })).toEqual(['from-env', 'key-profile']);
  });

  it('are none, silently, when the files are missing or broken', () => {
    expect(profileNames({ HOME: dir })).toEqual([]);
    expect(profileNames(files('not an ini file [', ''))).toEqual([]);
  });

  it('are printed one a line by `__complete profiles`', async () => {
    const io = fakeIo(files('[profile a]\n[profile "b c"]\n', ''));
    expect(await runCompletion(io, ['__complete', 'profiles'])).toBe(0);
    expect(io.out()).toBe('a\nb c\n');
    expect(io.err()).toBe('');
  });
});

describe('runCompletion', () => {
  it('prints the script of the named shell', async () => {
    for (const shell of SHELLS) {
      const io = fakeIo();
      expect(await runCompletion(io, ['completion', shell])).toBe(0);
      expect(io.out()).toBe(completionScript(shell));
    }
  });

  it('writes scripts and profile names in UTF-8 whatever AWS_CLI_OUTPUT_ENCODING says: a shell reads them', async () => {
    const env = { AWS_CLI_OUTPUT_ENCODING: 'utf-16' };
    expect(await runCli(['completion', 'bash'], { env })).toMatchObject({ code: 0, stderr: '', stdout: completionScript('bash') });
    const profiles = await runCli(['__complete', 'profiles'], { env, files: { '.aws/config': '[profile caf\u00e9]\nregion = us-west-2\n' } });
    expect(profiles).toMatchObject({ code: 0, stderr: '', stdout: 'caf\u00e9\n' });
  });

  it.each([
    [['completion'], 'the following arguments are required: shell'],
    [['completion', 'tcsh'], "argument shell: Found invalid choice 'tcsh' (choose from bash, zsh, fish)"],
    [['completion', 'bash', 'extra'], 'unrecognized arguments: extra'],
    [['__complete', 'users'], 'cogsignout __complete takes one argument: profiles or regions'],
    [['__complete', 'regions', 'x'], 'cogsignout __complete takes one argument: profiles or regions'],
  ])('rejects %j with a usage error (252)', async (args, message) => {
    const error = await runCompletion(fakeIo(), args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParamValidationError);
    expect((error as ParamValidationError).exitCode).toBe(252);
    expect((error as ParamValidationError).message).toContain(message);
  });
});
