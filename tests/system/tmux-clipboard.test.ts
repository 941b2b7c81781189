// Whether OSC 52 from a program reaches a clipboard inside tmux (clipboard.ts tmuxDropsOsc52),
// asked of a real tmux server of the test's own: tmux(1) says `set-clipboard external` (its
// default) and `off` drop the sequence from programs, `on` passes it on.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tmuxDropsOsc52 } from '../../src/system/clipboard.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tmp = tempDirs('cnt-tmux-clip-');
let socket = '';

afterEach(() => {
  if (socket) execFileSync('tmux', ['-S', socket, 'kill-server'], { stdio: 'ignore' });
  socket = '';
});

// A new tmux server on a socket of the test's own, and the $TMUX a program inside it would see.
function server(): NodeJS.ProcessEnv {
  socket = path.join(tmp(), 'sock');
  execFileSync('tmux', ['-S', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'clip']);
  return { ...process.env, TMUX: `${socket},1,0` };
}

const set = (value: string): void => void execFileSync('tmux', ['-S', socket, 'set-option', '-s', 'set-clipboard', value]);

describe('tmuxDropsOsc52', () => {
  it('outside tmux: nothing known to be lost', async () => {
    expect(await tmuxDropsOsc52({ ...process.env, TMUX: '' })).toBe(false);
  });

  it("tmux's default (external) and off drop it; on passes it", async () => {
    const env = server();
    expect(await tmuxDropsOsc52(env)).toBe(true);
    set('on');
    expect(await tmuxDropsOsc52(env)).toBe(false);
    set('off');
    expect(await tmuxDropsOsc52(env)).toBe(true);
  });

  it('a tmux that cannot be asked (its server gone): nothing known to be lost', async () => {
    const env = server();
    execFileSync('tmux', ['-S', socket, 'kill-server']);
    socket = '';
    expect(await tmuxDropsOsc52(env)).toBe(false);
  });
});
