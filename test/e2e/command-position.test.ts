// The command word is the service parser's `operation` positional, found where argparse finds
// it, with `help` among its choices as in the AWS CLI's command table (and `completion`,
// cogsignout's own). Expected texts recorded from AWS CLI 2.36.7 (`aws cognito-idp ...`, the
// program name swapped).
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const USAGE = 'usage: cogsignout [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  cogsignout help\n  cogsignout <command> help\n  cogsignout <command> <subcommand> help\n';
const paramError = (msg: string): string => `\ncogsignout: [ERROR]: An error occurred (ParamValidation): ${msg}\n\n${USAGE}`;

describe('the command position', () => {
  it('a near miss of `help` is offered `help`', async () => {
    const r = await runCli(['hel']);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 252, stdout: '', stderr: paramError("argument operation: Found invalid choice 'hel'\n\nMaybe you meant:\n\n  * help"),
    });
  });

  it('a far one is not', async () => {
    const r = await runCli(['help-me']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 252, stderr: paramError("argument operation: Found invalid choice 'help-me'\n") });
  });

  it('a negative number is a word: it takes the position before a later `help`', async () => {
    const r = await runCli(['--foo', '-1', 'help']);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 252, stdout: '', stderr: paramError("argument operation: Found invalid choice '-1'\n"),
    });
  });

  it('`help` after an unknown option still stands in the position', async () => {
    const r = await runCli(['--foo', 'help', 'admin-user-global-sign-out']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('admin-user-global-sign-out');
  });
});
