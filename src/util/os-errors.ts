// Python's wording of the OS errors users meet with files ("[Errno 2] No such file or
// directory: 'x'"), which the AWS CLI prints as they are.
import { strRepr } from '../python/builtins.js';

const OS_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  ENOENT: [2, 'No such file or directory'],
  EISDIR: [21, 'Is a directory'],
  EACCES: [13, 'Permission denied'],
  ENOTDIR: [20, 'Not a directory'],
  ENXIO: [6, 'No such device or address'],
  EBADF: [9, 'Bad file descriptor'],
  EPERM: [1, 'Operation not permitted'],
  EIO: [5, 'Input/output error'],
  EEXIST: [17, 'File exists'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EBUSY: [16, 'Device or resource busy'],
  ENODEV: [19, 'No such device'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  EROFS: [30, 'Read-only file system'],
  EPIPE: [32, 'Broken pipe'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  EOVERFLOW: [75, 'Value too large for defined data type'],
  ECONNRESET: [104, 'Connection reset by peer'],
  EDQUOT: [122, 'Disk quota exceeded'],
};

/** `[Errno N] Reason` for a Node error code, if Python has a name for it. */
export function pythonErrno(code: string | undefined): string | undefined {
  const known = OS_ERRORS[code ?? ''];
  return known ? `[Errno ${known[0]}] ${known[1]}` : undefined;
}

/** The OSError subclass Python raises for an errno (PEP 3151), by the Node error code. */
const OS_ERROR_CLASSES: Readonly<Record<string, string>> = {
  EPIPE: 'BrokenPipeError',
  ESHUTDOWN: 'BrokenPipeError',
  ECONNRESET: 'ConnectionResetError',
  ECONNABORTED: 'ConnectionAbortedError',
  ECONNREFUSED: 'ConnectionRefusedError',
  EAGAIN: 'BlockingIOError',
  EINTR: 'InterruptedError',
  ENOENT: 'FileNotFoundError',
  EEXIST: 'FileExistsError',
  EISDIR: 'IsADirectoryError',
  ENOTDIR: 'NotADirectoryError',
  EACCES: 'PermissionError',
  EPERM: 'PermissionError',
  ETIMEDOUT: 'TimeoutError',
};

export function pythonOsErrorClass(code: string | undefined): string {
  return OS_ERROR_CLASSES[code ?? ''] ?? 'OSError';
}

/** `[Errno N] Reason: 'path'` (the path's repr(), as OSError's str() shows it), else Node's own message. */
export function osErrorText(e: unknown, path: string): string {
  const reason = pythonErrno((e as NodeJS.ErrnoException).code);
  return reason ? `${reason}: ${strRepr(path)}` : e instanceof Error ? e.message : String(e);
}

/** Popen's OSError for a command that cannot be run, named as given: `[Errno 13] Permission denied: 'x'`. */
export function popenErrorText(e: NodeJS.ErrnoException, file: string): string {
  return `${pythonErrno(e.code) ?? e.message}: ${strRepr(file)}`;
}
