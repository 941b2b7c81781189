// Whether a process has ended, as a test that killed it or asked it to leave can see it: its
// /proc entry gone, or a zombie its parent has not reaped yet (Linux's /proc/PID/stat state `Z`).
import fs from 'node:fs';

/** True when process `pid` has ended: no /proc entry, or a zombie (`Z`) or dead (`X`) one not reaped yet. */
export function processEnded(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2)[0];
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

/** True once process `pid` has ended (processEnded), polled every 20 ms for up to `ms` (30 s: a starved parent reaps late on a loaded machine); false if it still runs then. */
export async function processGone(pid: number, ms = 30_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    if (processEnded(pid)) return true;
  }
  return false;
}
