// What a filesystem error is called in a warning: the walk's, a capped read's, the folder watch's.

/** Short reason for a filesystem error code; `dangling`: the path is a symbolic link (ENOENT then means its target is gone). */
export function describeFsError(error: unknown, dangling = false): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return dangling ? 'dangling symlink' : 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symlink loop';
    case 'ENAMETOOLONG':
      return 'name too long';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ? `cannot read (${code})` : 'cannot read';
  }
}
