// The hostile folder in the dashboard (ink-testing-library): every article is selected, its body
// scrolled and its inspector unfolded, the help and warnings overlays are opened and a query full
// of escape bytes is typed. Every frame Ink wrote, once Ink's own SGR colour codes are removed,
// must hold no control character, and the whole walk must finish within a fixed bound.
import { render } from 'ink-testing-library';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCorpus, type LoadResult } from '../../src/core/load/load.js';
import { isTerminalSafe, sanitizeLine } from '../../src/core/text/sanitize.js';
import { SearchIndex } from '../../src/core/search/search.js';
import { App } from '../../src/ui/App.js';
import { writeHostileCorpus, type HostileCorpus } from '../helpers/hostile-corpus.js';
import { eventually, rows, tick } from '../ui/frame.js';

const NOW = Date.UTC(2025, 11, 1);
const WALK_BOUND_MS = 60_000;
const PGDN = '\x1b[6~';
// Only Ink's colour and style codes are expected in a frame; anything else came from data.
const SGR = /\x1b\[[0-9;]*m/g;

let corpus: HostileCorpus;
let loaded: LoadResult;

beforeAll(async () => {
  corpus = writeHostileCorpus();
  loaded = await loadCorpus([corpus.dir], { cache: false });
});
afterAll(() => corpus.cleanup());

function mount(width: number, height: number) {
  const index = new SearchIndex(loaded.articles);
  const onDone = vi.fn();
  const r = render(
    <App index={index} version={1} warnings={loaded.warnings} loading={null} width={width} height={height} now={NOW} onDone={onDone} />,
  );
  Object.defineProperty(r.stdout, 'columns', { get: () => width, configurable: true });
  r.stdout.emit('resize');
  const key = async (s: string) => {
    r.stdin.write(s);
    await tick(15);
  };
  return { ...r, key, onDone, text: () => rows(r.lastFrame()).join('\n') };
}

/** Frames (as written by Ink) that still hold a control character once SGR codes are removed. */
function unsafeFrames(frames: readonly string[]): string[] {
  return frames.filter((f) => !isTerminalSafe(f.replace(SGR, ''), true));
}

/** The first offending characters of a frame, for a readable failure message. */
function offence(frame: string): string {
  const stripped = frame.replace(SGR, '');
  const at = stripped.search(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  return JSON.stringify(stripped.slice(Math.max(0, at - 40), at + 40));
}

describe('the hostile folder in the dashboard', () => {
  it('walks every article, body and inspector with no control byte in any frame', async () => {
    const started = Date.now();
    const app = mount(160, 40);
    const total = loaded.articles.length;
    await eventually(() => expect(app.text()).toContain(`Articles 1/${total}`));
    const seenTitles = new Set<string>();
    for (let i = 0; i < total; i++) {
      await eventually(() => expect(app.text()).toContain(`Articles ${i + 1}/${total}`));
      seenTitles.add(app.text());
      await app.key('\t'); // body
      await app.key(PGDN);
      await app.key(PGDN);
      await app.key('\t'); // inspector
      for (const k of ['l', 'j', 'l', 'j', 'l', 'G', 'l']) await app.key(k);
      await app.key('\t'); // back to the list
      await app.key('j');
    }
    const frames = app.frames;
    app.unmount();
    const bad = unsafeFrames(frames);
    expect(bad.map(offence), `${bad.length} of ${frames.length} frames`).toEqual([]);
    // Every article was on screen: its (sanitised) title appears in the frame that selected it.
    const screens = [...seenTitles].join('\n');
    for (const a of loaded.articles) {
      const start = sanitizeLine(a.title).trim().slice(0, 12);
      expect(screens, a.path).toContain(start);
    }
    expect(fs.existsSync(corpus.marker)).toBe(false);
    expect(Date.now() - started).toBeLessThan(WALK_BOUND_MS);
  }, WALK_BOUND_MS + 10_000);

  it.each([
    [160, 40],
    [70, 20],
  ])('help, warnings and a query full of escape bytes stay inert at %dx%d', async (width, height) => {
    const app = mount(width, height);
    await eventually(() => expect(app.text()).toContain('? help'));
    await app.key('?');
    await eventually(() => expect(app.text()).toContain('press any key to close'));
    await app.key('x');
    await app.key('w');
    await eventually(() => expect(app.text()).toMatch(/\d+ warnings — press any key/));
    // The warnings name the bad files (their names are hostile too, shown sanitised); each is
    // wrapped whole, so the list pages: Space through the pages until this one shows.
    let seen = app.text();
    for (let page = 0; page < 20 && !/code\/js\.md:/.test(seen); page++) {
      await app.key(' ');
      seen = app.text();
    }
    expect(seen.replace(/[\s│]+/g, ' ')).toMatch(/code\/js\.md: front matter/);
    await app.key('x');
    await app.key('/');
    // CSI sequences Ink cannot name (`ESC[31m`, Ctrl+F1 `ESC[1;5P`) are left out: ink 6.8's
    // useInput throws on them (vadimdemedes/ink#901, fixed in ink 7), which is an input bug, not
    // a leak; everything else a paste could carry is here.
    for (const chunk of ['evil\x1b]0;TYPED TITLE\x07', '\u009b2J', '\u202eabc', 'tag:\x1b]2;t\x07', '\x07\x00x', ' title:"\x1b]52;c;QQ==\x07']) {
      await app.key(chunk);
    }
    await app.key('/');
    await app.key('\x1bP');
    await app.key('\r');
    await eventually(() => expect(app.text()).toMatch(/query: |no matches|✗/));
    const frames = app.frames;
    app.unmount();
    const bad = unsafeFrames(frames);
    expect(bad.map(offence), `${bad.length} of ${frames.length} frames`).toEqual([]);
  });

  it('every warning is listed by path, once, and every file that is data all the same loads', () => {
    const paths = loaded.warnings.map((w) => path.relative(corpus.dir, w.path));
    for (const bad of corpus.mustWarn) expect(paths).toContain(bad);
    expect(new Set(paths).size).toBe(paths.length);
    const articles = loaded.articles.map((a) => path.relative(corpus.dir, a.path));
    for (const rel of corpus.mustLoad) expect(articles, JSON.stringify(rel)).toContain(rel);
    for (const rel of corpus.mustNotLoad) expect(articles).not.toContain(rel);
  });
});
