// Python's wording of the OS errors users meet with files ("[Errno 2] No such file or
// directory: 'x'"), which the AWS CLI prints as they are.
const OS_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  ENOENT: [2, 'No such file or directory'],
  EISDIR: [21, 'Is a directory'],
  EACCES: [13, 'Permission denied'],
  ENOTDIR: [20, 'Not a directory'],
  ENXIO: [6, 'No such device or address'],
};

/** `[Errno N] Reason` for a Node error code, if Python has a name for it. */
export function pythonErrno(code: string | undefined): string | undefined {
  const known = OS_ERRORS[code ?? ''];
  return known ? `[Errno ${known[0]}] ${known[1]}` : undefined;
}

/** `[Errno N] Reason: 'path'`, else Node's own message. */
export function osErrorText(e: unknown, path: string): string {
  const reason = pythonErrno((e as NodeJS.ErrnoException).code);
  return reason ? `${reason}: '${path}'` : e instanceof Error ? e.message : String(e);
}
