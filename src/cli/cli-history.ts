// `cli_history = enabled`: what the AWS CLI does at session start to record the run into its
// history database (awscli/customizations/history: attach_history_handler), as far as a user
// can see it. The database's directory is made as os.makedirs makes it, and its failure ends the
// run like any OSError (`[Errno 2] No such file or directory: '/proc/x'`, 255); a database SQLite
// could not open (a directory, a device, a file that is not one) gets the AWS CLI's warning on
// stderr and the run goes on. cogsignout never writes the database itself (README, Differences).
import { accessSync, closeSync, constants, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import type { DebugLog } from '../diagnostics/debug-log.js';
import { GeneralError } from '../errors/errors.js';
import { expandUser, type Env } from '../config/files.js';
import { osErrorText } from '../util/os-errors.js';

const LOGGER = 'awscli.customizations.history';

/** posixpath.dirname: '' for a bare name, trailing slashes dropped unless the head is all slashes. */
function pyDirname(path: string): string {
  const head = path.slice(0, path.lastIndexOf('/') + 1);
  return head !== '' && !/^\/+$/.test(head) ? head.replace(/\/+$/, '') : head;
}

/** posixpath.split's head and tail. */
function pySplit(path: string): [string, string] {
  return [pyDirname(path), path.slice(path.lastIndexOf('/') + 1)];
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A failed mkdir, with the path it was given (os.makedirs raises the innermost one's). */
class MkdirFailure {
  constructor(readonly error: unknown, readonly path: string) {}
}

/** os.makedirs(name) with exist_ok=False: where it raises, and for which path. */
function makedirs(name: string): void {
  let [head, tail] = pySplit(name);
  if (tail === '') [head, tail] = pySplit(head);
  if (head !== '' && tail !== '' && !exists(head)) {
    try {
      makedirs(head);
    } catch (e) {
      // FileExistsError: another process made it meanwhile.
      if (!(e instanceof MkdirFailure && (e.error as NodeJS.ErrnoException).code === 'EEXIST')) throw e;
    }
    if (tail === '.') return;
  }
  try {
    mkdirSync(name, 0o777);
  } catch (e) {
    throw new MkdirFailure(e, name);
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Why SQLite would fail to open the file and make its table there (its own words), if it would. */
function openFailure(file: string): string | undefined {
  let st;
  try {
    st = statSync(file);
  } catch {
    const dir = pyDirname(file) || '.';
    try {
      accessSync(dir, constants.W_OK | constants.X_OK);
      return undefined;
    } catch {
      return 'unable to open database file';
    }
  }
  if (st.isDirectory()) return 'unable to open database file';
  if (!st.isFile()) return 'disk I/O error';
  try {
    accessSync(file, constants.R_OK | (st.size === 0 ? constants.W_OK : 0));
  } catch {
    return 'unable to open database file';
  }
  if (st.size === 0) return undefined;
  const header = Buffer.alloc(100);
  let read = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return 'disk I/O error';
  }
  // A page size is a power of two from 512 to 65536 (stored as 1).
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const valid = read === 100 && header.toString('latin1', 0, 16) === SQLITE_MAGIC && pageSize >= 512 && (pageSize & (pageSize - 1)) === 0;
  return valid ? undefined : 'file is not a database';
}

/** The session stage's history step, for a profile whose cli_history is exactly `enabled`. */
export function setUpCliHistory(env: Env, log: DebugLog, stderr: { write(text: string): unknown }): void {
  log.log(LOGGER, 'Enabling CLI history');
  const file = env.AWS_CLI_HISTORY_FILE ?? expandUser('~/.aws/cli/history/history.db', env);
  const dir = pyDirname(file);
  if (!isDir(dir)) {
    try {
      makedirs(dir);
    } catch (e) {
      if (e instanceof MkdirFailure) throw new GeneralError(osErrorText(e.error, e.path));
      throw e;
    }
  }
  const failure = openFailure(file);
  if (failure === undefined) return;
  log.log(LOGGER, `Unable to open history database: ${failure}`);
  stderr.write(`Warning: Unable to record CLI history. Check file permissions for ${file}\n`);
}
