// The render cases drawn by the real panes (ink-testing-library): every row of the body pane fits
// its width as tmux measures it, and link text becomes an OSC 8 hyperlink only where allowed.
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArticleBody, bodyLineCount } from '../../src/ui/ArticleBody.js';
import { makeArticle } from '../helpers/make-article.js';
import { tmuxWidth } from '../helpers/wcwidth.js';
import { rows } from './frame.js';

const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'cases', 'render');
const cases = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
const now = Date.UTC(2025, 10, 21, 12);

function article(name: string) {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  const title = /title: "?(.*?)"?\n/.exec(text)?.[1] ?? name;
  return makeArticle({ title, body: text.replace(/^---\n[\s\S]*?\n---\n/, '') });
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('body pane on the render cases', () => {
  for (const name of cases) {
    it(`${name}: every row of every page fits 38 and 58 columns`, () => {
      for (const width of [38, 58]) {
        const a = article(name);
        const total = bodyLineCount(a, width);
        for (let scroll = 0; scroll < total; scroll += 20) {
          const r = render(<ArticleBody article={a} width={width} height={20} scroll={scroll} focused now={now} />);
          for (const row of rows(r.lastFrame())) expect(tmuxWidth(row), row).toBeLessThanOrEqual(width);
          r.unmount();
        }
      }
    });
  }
});

describe('hyperlinks', () => {
  const linked = makeArticle({ body: 'See [the desk](mailto:desk@example.com), [a page](https://example.com/a?b=1&amp;c=2) and [bad](javascript:alert(1)).' });

  it('wraps http(s) and mailto link text in OSC 8 when the terminal supports it', async () => {
    vi.stubEnv('FORCE_HYPERLINK', '1');
    vi.resetModules();
    const { ArticleBody: Body } = await import('../../src/ui/ArticleBody.js');
    const r = render(<Body article={linked} width={60} height={10} scroll={0} focused now={now} />);
    const frame = r.lastFrame() ?? '';
    r.unmount();
    expect(frame).toContain('\x1b]8;;mailto:desk@example.com\x07the desk\x1b]8;;\x07');
    expect(frame).toContain('\x1b]8;;https://example.com/a?b=1&c=2\x07a page');
    expect(frame).not.toContain('javascript:alert(1)\x07');
    for (const row of rows(frame)) expect(tmuxWidth(row.replace(/\x1b\]8;;[^\x07]*\x07/g, ''))).toBeLessThanOrEqual(60);
  });

  it('draws plain text when it does not', async () => {
    vi.stubEnv('FORCE_HYPERLINK', '0');
    vi.resetModules();
    const { ArticleBody: Body } = await import('../../src/ui/ArticleBody.js');
    const r = render(<Body article={linked} width={60} height={10} scroll={0} focused now={now} />);
    const frame = r.lastFrame() ?? '';
    r.unmount();
    expect(frame).toContain('the desk');
    expect(frame).not.toContain('\x1b]8;;');
  });
});
