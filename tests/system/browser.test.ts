// Opening a URL says what really happened: an opener that cannot be started (not installed, not
// on PATH) or that gives up at once (xdg-open with no browser to hand exits 3) is a failure with
// its reason, not an `opened`; one that takes the URL, or is still running after the watch (a
// browser started in the foreground), opened it. Once said `opened` with nothing opened at all.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openInBrowser, type Opener } from '../../src/system/browser.js';
import { OpenFailed } from '../../src/system/system-actions.js';

const URL = 'https://news.test/a?x=1';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-browser-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// An executable shell script in the test's folder, by name.
function script(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}
// A platform opener that runs `file` on the URL as the `open` package runs xdg-open.
const openerOf = (file: string): Opener => async (url) => spawn(file, [url], { detached: true, stdio: 'ignore' });
// The failure openInBrowser rejected with (none: it resolved).
async function failure(run: Promise<void>): Promise<OpenFailed | null> {
  try {
    await run;
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(OpenFailed);
    return error as OpenFailed;
  }
}

describe('with no $BROWSER: the platform opener', () => {
  it('not there (no xdg-open on PATH): no browser to open with, set $BROWSER; the reason is that it was not found', async () => {
    const failed = await failure(openInBrowser(URL, {}, openerOf(path.join(dir, 'missing', 'xdg-open')), 300));
    expect([failed?.advice, failed?.reason]).toEqual(['no browser to open with: set $BROWSER', 'xdg-open not found']);
  });

  it('xdg-open exiting 3 (no browser found): the same advice, with what xdg-open said', async () => {
    const xdg = script('xdg-open', 'exit 3');
    const failed = await failure(openInBrowser(URL, {}, openerOf(xdg), 2000));
    expect([failed?.advice, failed?.reason]).toEqual(['no browser to open with: set $BROWSER', 'xdg-open found no browser']);
  });

  it('an opener that takes the URL and exits 0 opened it', async () => {
    const record = path.join(dir, 'opened-by-opener.txt');
    const ok = path.join(dir, 'ok', 'xdg-open');
    fs.mkdirSync(path.dirname(ok));
    fs.writeFileSync(ok, `#!/bin/sh\nprintf '%s\\n' "$1" > '${record}'\n`, { mode: 0o755 });
    expect(await failure(openInBrowser(URL, {}, openerOf(ok), 2000))).toBeNull();
    expect(fs.readFileSync(record, 'utf8')).toBe(`${URL}\n`);
  });
});

describe('$BROWSER', () => {
  it('a command that is not there: $BROWSER could not open it, and why', async () => {
    const failed = await failure(openInBrowser(URL, { BROWSER: 'no-such-browser-cnt' }, openerOf('/bin/true'), 300));
    expect([failed?.advice, failed?.reason]).toEqual(['$BROWSER could not open it', 'no-such-browser-cnt not found']);
  });

  it('a command that fails at once is a failure with its exit status; the next one in $BROWSER is tried', async () => {
    const fails = script('fails', 'exit 4');
    const failed = await failure(openInBrowser(URL, { BROWSER: fails }, openerOf('/bin/true'), 2000));
    expect(failed?.reason).toBe('fails exited with 4');
    const record = path.join(dir, 'opened-by-second.txt');
    const second = script('second', `printf '%s\\n' "$1" > '${record}'`);
    expect(await failure(openInBrowser(URL, { BROWSER: `${fails}:${second}` }, openerOf('/bin/true'), 2000))).toBeNull();
    expect(fs.readFileSync(record, 'utf8')).toBe(`${URL}\n`);
  });

  it('a browser still running when the watch ends (started in the foreground) opened the URL', async () => {
    const foreground = script('foreground', 'sleep 1');
    const started = Date.now();
    expect(await failure(openInBrowser(URL, { BROWSER: foreground }, openerOf('/bin/true'), 100))).toBeNull();
    // It did not wait for the browser to exit.
    expect(Date.now() - started).toBeLessThan(900);
  });
});
