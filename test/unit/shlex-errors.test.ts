// shlex.split's ValueErrors where the AWS CLI meets them: one shlexSplit (util/shlex.ts) for the
// pagers and credential_process, whose message for `"abc\` is Python's "No escaped character"
// (AWS CLI 2.36.7, run by hand: `credential_process = "abc\` is `aws: [ERROR]: No escaped character`, 255).
import { expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

it('credential_process that shlex cannot split: its ValueError', async () => {
  for (const [command, reason] of [['"abc\\', 'No escaped character'], ["'abc\\", 'No closing quotation'], ['abc\\', 'No escaped character']]) {
    const r = await runCli(['admin-user-global-sign-out', '--endpoint-url', 'http://127.0.0.1:9', '--user-pool-id', 'us-east-1_Example', '--username', 'bob'], {
      env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
      files: { '.aws/config': `[default]\nregion = us-east-1\ncredential_process = ${command}\n` },
    });
    expect({ command, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ command, code: 255, stdout: '', stderr: `\ncogsignout: [ERROR]: ${reason}\n` });
  }
});
