// Files that call the AWS SDK themselves (to seed or inspect the endpoint) on Node 20 would print
// its NodeVersionSupportWarning into the test output; the program turns it off for its own calls
// (src/transport/sdk-env.ts). Set for the file's tests only: a worker runs several files in one
// process (vitest.config.ts), and a test file restores what it changes.
import { afterAll, beforeAll } from 'vitest';

const NAME = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

export function quietSdkWarning(): void {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env[NAME];
    process.env[NAME] = 'true';
  });
  afterAll(() => {
    if (before === undefined) delete process.env[NAME];
    else process.env[NAME] = before;
  });
}
