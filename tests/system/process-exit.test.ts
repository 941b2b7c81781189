// The exit's view of a terminal that hung up (src/system/process-exit.ts): only a character device
// that is not /dev/null and that isatty refuses counts; pipes and /dev/null never do. The hung-up
// terminal itself is tested end to end (tests/e2e/signals-tmux.test.ts closes one under the dashboard).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_SIGNALS, SIGNAL_EXIT_CODES } from '../../src/system/process-exit.js';

const repo = path.resolve(import.meta.dirname, '..', '..');
const probe = `import('${path.join(repo, 'dist', 'system', 'process-exit.js')}').then((m) => process.stderr.write(JSON.stringify(m.hungUpStdio())))`;

describe('hungUpStdio', () => {
  it('counts neither pipes nor /dev/null as a hung-up terminal', () => {
    const piped = spawnSync(process.execPath, ['-e', probe], { stdio: ['pipe', 'pipe', 'pipe'], encoding: 'utf8' });
    expect(piped.stderr).toBe('[]');
    const devNull = spawnSync(process.execPath, ['-e', probe], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    expect(devNull.stderr).toBe('[]');
  });
});

describe('the exit codes of signals', () => {
  it('are 128 + the signal number, one per handled signal', () => {
    expect(EXIT_SIGNALS).toEqual(['SIGINT', 'SIGTERM', 'SIGHUP']);
    expect(SIGNAL_EXIT_CODES).toEqual({ SIGINT: 130, SIGTERM: 143, SIGHUP: 129 });
  });
});
