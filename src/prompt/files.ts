// File-name completion for the prompt's file options (--usernames-file, --journal, …), as a
// shell completes them: the entries of the typed directory that start with the typed name.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { resolve } from 'node:path';

/** What a shell's file-name completion offers for `typed`: the entries of its directory that it starts, hidden ones only for a typed dot. */
export function fileNamesFor(cwd: string, typed: string): string[] {
  const slash = typed.lastIndexOf('/');
  const dir = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const base = typed.slice(slash + 1);
  let entries: Dirent[];
  try {
    entries = readdirSync(resolve(cwd, dir === '' ? '.' : dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
    .map((e) => `${dir}${e.name}${isDirectory(e, resolve(cwd, dir || '.')) ? '/' : ''}`)
    .sort();
}

function isDirectory(entry: Dirent, parent: string): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(resolve(parent, entry.name)).isDirectory();
  } catch {
    return false;
  }
}
