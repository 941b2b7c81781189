// Site dialects' syntax as a person sees it in the body pane, in a real terminal at 120x40 and
// 80x24 (NO_COLOR): Hugo's escaped shortcodes shown as the shortcode, Obsidian's image sizes not
// taken for names and a callout of the vault's own type titled, kramdown's extras hidden or read,
// a Liquid loop's emptied list item gone (no heading made of the line above), a nested HTML list
// indented and an HTML table drawn as a Markdown table. The frame in place throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';

const CASES = 'tests/fixtures/cases/render';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// The body pane's rows joined, runs of blanks squashed: a wrapped sentence reads whole.
const squashed = (screen: string): string => bodyPane(screen).replace(/\s+/g, ' ');

async function open(width: number, height: number, file: string, text: string, env: Record<string, string>): Promise<string> {
  const { s, screen } = await dashboard.openAt(width, height, `${CASES}/${file}`, 1, text, env);
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
  return screen;
}

describe.each<{ width: number; height: number; env: Record<string, string> }>([
  { width: 120, height: 40, env: {} },
  { width: 80, height: 24, env: { NO_COLOR: '1' } },
])('dialect cases at $width x $height', ({ width, height, env }) => {
  it("shows Hugo's escaped shortcodes as Hugo prints them", async () => {
    const body = squashed(await open(width, height, 'more-hugo-escaped-shortcodes.md', 'SanDiegoZoo', env));
    expect(body).toContain('write {{< tweet user="SanDiegoZoo" id="1453110110599868418" >}} in your post.');
    expect(body).toContain('notices: {{% notice tip %}} Fees are lower');
    expect(body).not.toContain('/*');
  });

  it("names Obsidian's sized images by their file and titles a custom callout", async () => {
    const screen = await open(width, height, 'more-obsidian-image-sizes.md', 'Custom type', env);
    const body = squashed(screen);
    expect(body).toContain('at a width: [image: chart.png]');
    expect(body).toContain('a width: [image: BTC]');
    expect(body).not.toMatch(/\[image: (?:300|100x145|BTC\|)/);
    expect(bodyPane(screen)).toMatch(/│ Custom type\n *│ ─{11}\n/);
  });

  it("hides kramdown's table of contents item, comments and abbreviations; reads a markdown=\"1\" block as Markdown", async () => {
    const screen = await open(width, height, 'more-kramdown-extras.md', 'Flows this week', env);
    const body = squashed(screen);
    expect(body).toContain('Outflows were small on Tuesday.');
    expect(bodyPane(screen)).toMatch(/\n *bold inside div *\n/);
    expect(body).not.toMatch(/TOC|Editor|private|Exchange-Traded|\*\*bold|\{:/);
  });

  it('indents a nested HTML list under its item and draws an HTML table as a Markdown table', async () => {
    const screen = await open(width, height, 'more-html-nested.md', 'nested item', env);
    const body = bodyPane(screen);
    expect(body).toMatch(/• Resistance at \$93K *\n *◦ nested item/);
    expect(body).toMatch(/^ *• Resistance/m);
    expect(body.split('\n').find((r) => r.includes('◦ nested item'))?.indexOf('◦')).toBe((body.split('\n').find((r) => r.includes('• Resistance')) ?? '').indexOf('•') + 2);
    if (height >= 40) {
      expect(body).toMatch(/Asset │ Price *\n *──────┼──────── *\n *BTC   │ \$89,500/);
    }
  });

  it("drops a Liquid loop's emptied list item: the line above stays a paragraph", async () => {
    const screen = await open(width, height, 'more-liquid-loops.md', 'Read these next:', env);
    expect(bodyPane(screen)).toMatch(/Read these next:\n *\n *Archive by title:/);
    expect(squashed(screen)).not.toContain('captured');
  });
});
