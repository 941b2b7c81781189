// The dashboard's keys on a stream like the terminal's (bytes pushed in by Node, read by ink on
// 'readable'): a lone key reaches App as it is pushed (key-tap.ts), and acts once.
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { render } from 'ink';
import { describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../../src/core/search/search.js';
import { App } from '../../../src/ui/App.js';
import { makeArticle } from '../../helpers/make-article.js';

const NOW = Date.UTC(2025, 10, 14, 12);
const tick = (ms = 25) => new Promise((resolve) => setTimeout(resolve, ms));

function dashboard(onDone = vi.fn()) {
  const articles = Array.from({ length: 40 }, (_, i) =>
    makeArticle({ id: i, title: `Story number ${i} about ether flows`, publishedAt: NOW - (i + 1) * 3_600_000, source: 'CoinDesk', body: `Body ${i}.` }),
  );
  const stdin = Object.assign(new Readable({ read() {} }), { isTTY: true, setRawMode: () => {}, ref: () => {}, unref: () => {} });
  const frames: string[] = [];
  const stdout = Object.assign(new EventEmitter(), { columns: 120, rows: 30, isTTY: true, write: (s: string) => (frames.push(s), true) });
  const app = render(<App index={new SearchIndex(articles)} version={1} warnings={[]} loading={null} width={120} height={30} now={NOW} onDone={onDone} />, {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { stdin, frames, app, last: () => [...frames].reverse().find((f) => f.includes('Articles')) ?? '' };
}

async function settled(last: () => string): Promise<string> {
  let seen = '';
  for (let still = 0; still < 3; ) {
    await tick();
    still = last() === seen ? still + 1 : 0;
    seen = last();
  }
  return seen;
}

describe('keys pushed by the terminal', () => {
  it('a lone key is taken as it is pushed (nothing waits in the stream for the next tick) and moves once', async () => {
    const d = dashboard();
    expect(await settled(d.last)).toMatch(/Articles 1\/40/);
    d.stdin.push(Buffer.from('j'));
    expect(d.stdin.readableLength).toBe(0);
    expect(await settled(d.last)).toMatch(/Articles 2\/40/);
    d.stdin.push(Buffer.from('j'));
    d.stdin.push(Buffer.from('k'));
    d.stdin.push(Buffer.from('j'));
    expect(await settled(d.last)).toMatch(/Articles 3\/40/);
    d.app.unmount();
  });

  it('keys ink parses and lone keys keep their order: Down, then j in the same turn, then Enter chooses the third', async () => {
    const onDone = vi.fn();
    const d = dashboard(onDone);
    await settled(d.last);
    d.stdin.push(Buffer.from('\x1b[B'));
    d.stdin.push(Buffer.from('j'));
    await settled(d.last);
    expect(d.last()).toMatch(/Articles 3\/40/);
    d.stdin.push(Buffer.from('\r'));
    await settled(d.last);
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone.mock.calls[0][0].articles.map((a: { title: string }) => a.title)).toEqual(['Story number 2 about ether flows']);
    d.app.unmount();
  });
});
