// credential_process, as botocore's ProcessProvider runs it: the command split like shlex (no
// shell), stdin inherited, stdout and stderr captured; a non-zero exit reports the program's
// stderr and nothing of its command line (which may hold a secret), and the JSON it prints is
// checked in botocore's order with botocore's words, Python's own where botocore has none.
import { spawn } from 'node:child_process';
import { retrievalError } from './provider.js';
import { PythonError, pyClassName, pyStr } from '../python/builtins.js';
import { parseJson } from '../python/json-parse.js';
import { pyTruthy } from '../python/ops.js';
import { isDict, isFloat, type PyDict, type PyValue } from '../python/value.js';
import { osErrorText } from '../util/os-errors.js';
import { shlexSplit } from '../util/shlex.js';
import { decodeUtf8 } from './python-text.js';
import type { Credentials } from './types.js';

export const PROCESS_METHOD = 'custom-process';


/** shlex.split's complaint about a command it cannot split. */
function splitCommand(command: string): string[] {
  return shlexSplit(command);
}

/** What a credential process may write (stdout and stderr together) before it is stopped. */
const MAX_PROCESS_OUTPUT = 1024 * 1024;

interface Finished { readonly code: number; readonly stdout: Buffer; readonly stderr: Buffer }

function run(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  const [program, ...args] = argv;
  // Popen([]) fails inside subprocess before anything runs.
  if (program === undefined) return Promise.reject(new PythonError('IndexError', 'list index out of range'));
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['inherit', 'pipe', 'pipe'], env, shell: false });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let kept = 0;
    let tooMuch = false;
    // botocore's communicate() keeps whatever the process writes (`yes` grows it until it dies);
    // an answer is a few hundred bytes, so past the ceiling the process is stopped.
    const keep = (into: Buffer[]) => (c: Buffer): void => {
      if (tooMuch) return;
      kept += c.length;
      if (kept > MAX_PROCESS_OUTPUT) {
        tooMuch = true;
        child.kill('SIGKILL');
        return;
      }
      into.push(c);
    };
    child.stdout.on('data', keep(out));
    child.stderr.on('data', keep(err));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(new PythonError('OSError', osErrorText(e, program)));
    });
    child.on('close', (code, signal) => {
      if (tooMuch) {
        reject(retrievalError(PROCESS_METHOD, `the process wrote more than ${MAX_PROCESS_OUTPUT / (1024 * 1024)} MiB, the most cogsignout reads from a credential process`));
        return;
      }
      // Python reports a signal as a negative return code: non-zero all the same.
      resolve({ code: code ?? (signal ? -1 : 0), stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
  });
}

/** A process's answer, its values as json.loads made them (botocore keeps them so). */
export interface ProcessAnswer {
  readonly accessKeyId: PyValue;
  readonly secretAccessKey: PyValue;
  readonly sessionToken: PyValue | undefined;
  /** The Expiration value as printed (null and absent alike: none). */
  readonly expiry: PyValue | undefined;
}

function field(parsed: PyDict, key: string): PyValue {
  const v = parsed.get(key);
  if (v === undefined) throw retrievalError(PROCESS_METHOD, `Missing required key in response: '${key}'`);
  return v;
}

/**
 * The answer's values as SigV4Auth.add_auth meets them, after the Expiration was read: a truthy
 * token goes into a header whose value is split (canonical_request), then the secret is
 * concatenated to 'AWS4' (signature), then the access key joined into the scope
 * (_inject_signature_to_request); a value of the wrong type fails there, in that order.
 */
export function signingCredentials(a: ProcessAnswer): Credentials {
  const token = a.sessionToken === undefined ? null : a.sessionToken;
  if (token !== null && typeof token !== 'string' && pyTruthy(token)) {
    throw new PythonError('AttributeError', `'${pyClassName(token)}' object has no attribute 'split'`);
  }
  if (typeof a.secretAccessKey !== 'string') {
    throw new PythonError('TypeError', `can only concatenate str (not "${pyClassName(a.secretAccessKey)}") to str`);
  }
  if (typeof a.accessKeyId !== 'string') {
    throw new PythonError('TypeError', `sequence item 0: expected str instance, ${pyClassName(a.accessKeyId)} found`);
  }
  return {
    accessKeyId: a.accessKeyId,
    secretAccessKey: a.secretAccessKey,
    ...(typeof token === 'string' && token !== '' ? { sessionToken: token } : {}),
  };
}

/** Runs the process once and checks its answer, as _retrieve_credentials_using does. */
export async function runCredentialProcess(command: string, env: NodeJS.ProcessEnv): Promise<ProcessAnswer> {
  const argv = splitCommand(command);
  const done = await run(argv, env);
  if (done.code !== 0) throw retrievalError(PROCESS_METHOD, decodeUtf8(done.stderr));
  const parsed = parseJson(decodeUtf8(done.stdout));
  if (!isDict(parsed)) throw new PythonError('AttributeError', `'${pyClassName(parsed)}' object has no attribute 'get'`);
  const version = parsed.get('Version');
  // Python's `version != 1`: True and 1.0 equal 1 too.
  const isOne = version === true || (typeof version === 'bigint' && version === 1n)
    || (isFloat(version) && version.value === 1);
  if (!isOne) {
    const shown = version === undefined ? '<Version key not provided>' : pyStr(version);
    throw retrievalError(PROCESS_METHOD, `Unsupported version '${shown}' for credential process provider, supported versions: 1`);
  }
  const accessKeyId = field(parsed, 'AccessKeyId');
  const secretAccessKey = field(parsed, 'SecretAccessKey');
  const expiration = parsed.get('Expiration');
  return {
    accessKeyId,
    secretAccessKey,
    sessionToken: parsed.get('SessionToken'),
    expiry: expiration === null ? undefined : expiration,
  };
}
