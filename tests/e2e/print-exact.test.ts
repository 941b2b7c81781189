// The built CLI with stdout piped prints what the next program needs, exactly: the real path of a
// file whose name holds an escape, a tab or a newline (as find and fd print it), and with
// `-p markdown` the file's own bytes, whole, even past the read cap. The odd names are made here,
// never committed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-child.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tmp = tempDirs('cnt-print-exact-');

// Private folders: no config, no reading state, an index of the test's own.
function envIn(root: string): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', CI: '', XDG_CACHE_HOME: path.join(root, 'cache'), XDG_STATE_HOME: path.join(root, 'state'), XDG_CONFIG_HOME: path.join(root, 'config') };
}

const ODD_NAMES = ['weird\nname.md', 'tab\there.md', 'esc\x1b[31mred.md', 'plain.md'];

describe('--print path into a pipe', () => {
  it.each([['from the index', []], ['without it', ['--no-cache']]])('prints the real path of every file, %s', async (_how, extra) => {
    const root = tmp();
    const dir = path.join(root, 'news');
    fs.mkdirSync(dir);
    for (const [i, name] of ODD_NAMES.entries()) fs.writeFileSync(path.join(dir, name), `---\ntitle: Article ${i}\n---\nBody ${i}.\n`);
    const env = envIn(root);
    // Twice: the second run of the indexed case answers from the index (printPaths).
    for (let run = 0; run < 2; run++) {
      const r = await runCli(['--no-config', ...(extra as string[]), '-f', '', dir], { env });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const expected = ODD_NAMES.map((name) => `${path.join(dir, name)}\n`);
      for (const line of expected) expect(r.stdout, JSON.stringify(line)).toContain(line);
      expect(r.stdout.length).toBe(expected.join('').length);
    }
  });
});

describe('--print markdown into a pipe', () => {
  function folder(name: string, bytes: Buffer): { dir: string; env: NodeJS.ProcessEnv } {
    const root = tmp();
    const dir = path.join(root, 'news');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, name), bytes);
    return { dir, env: envIn(root) };
  }

  it('prints a 2.5 MB file whole, byte for byte, past the 1 MiB read cap', async () => {
    let text = '---\ntitle: Big one\n---\nzebraword at the top, café\n';
    while (text.length < 2_500_000) text += 'a line of text with café, \x1b[31mred\x1b[0m and a\ttab\n';
    text += 'THE-LAST-LINE\n';
    const { dir, env } = folder('big.md', Buffer.from(text));
    const r = await runCli(['--no-config', '-f', 'zebraword', '-p', 'markdown', dir], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBe(text.length);
    expect(r.stdout === text).toBe(true);
  });

  it('copies a character the read cap cuts in half as it is, and adds a last newline only when missing', async () => {
    // 1 KiB cap: the é's two bytes sit at 1023 and 1024.
    const head = '---\ntitle: Cut\n---\nwordcut ';
    const text = `${head}${'x'.repeat(1023 - head.length)}é and more\u00a0text`;
    const { dir, env } = folder('cut.md', Buffer.from(text));
    const r = await runCli(['--no-config', '--no-cache', '--max-file-size', '1K', '-f', 'wordcut', '-p', 'markdown', dir], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${text}\n`);
  });

  it('prints a Windows-1252 file longer than the read cap whole, as UTF-8', async () => {
    const text = `---\ntitle: Legacy\n---\nwordlegacy caf\xe9\n${'na\xefve line\n'.repeat(300)}THE END\n`;
    const { dir, env } = folder('legacy.md', Buffer.from(text, 'latin1'));
    const r = await runCli(['--no-config', '--no-cache', '--max-file-size', '1K', '-f', 'wordlegacy', '-p', 'markdown', dir], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(text);
  });
});
