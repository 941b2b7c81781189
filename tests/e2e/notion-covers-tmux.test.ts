// Notion's Markdown export and cover images under each theme's key as a person sees them in the
// dashboard, in a real terminal at 80x24 (NO_COLOR) and 120x40: a Notion page titled by its
// heading, never its file's id, dated by its `Created` property, its properties gone from the body
// and listed by the inspector as written; a cover image named by the inspector whichever key the
// theme gave it. The frame in place throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';
import { expectBorderedRows } from './bordered-rows.js';

const NOTION = 'tests/fixtures/cases/loader-more/notion-export';
const COVERS = 'tests/fixtures/cases/loader-more/cover-images';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

// The body's text under the header's rule.
const bodyText = (screen: string): string => bodyPane(screen).split(/\n─{10,}\n/)[1]?.trim() ?? '';

async function notion(width: number, height: number, env: Record<string, string>): Promise<void> {
  const s = dashboard.start(width, height, NOTION, env);
  let screen = await s.waitFor((t) => t.includes('3/3') && t.includes('focus: list') && t.includes('Bitcoin ETF') && bodyText(t) !== '', 'the dashboard');
  expectBorderedRows(screen, width, height);
  // No Notion id anywhere: not in a title, not as the source (the folder's name).
  expect(screen).not.toMatch(/[0-9a-f]{32}/);
  // The untitled page is dated by its file's time (newest), then the two pages by their properties:
  // down the list until the ETF page's body is drawn.
  for (let i = 0; i < 3 && !bodyPane(screen).includes('third day'); i++) {
    const before = bodyPane(screen);
    s.send('j');
    // The header is drawn first, the body it reads from the file after it: wait for both.
    screen = await s.waitFor((t) => bodyPane(t) !== before && bodyText(t) !== '', 'the next article');
  }
  screen = await s.waitFor((t) => bodyPane(t).includes('2025-11-04 10:30') && bodyPane(t).includes('third day'), "the ETF page's body and header");
  expectBorderedRows(screen, width, height);
  const body = bodyPane(screen);
  expect(body).toContain('Bitcoin ETF flows turn positive');
  expect(body).toMatch(/#Bitcoin #ETF/);
  expect(body).not.toMatch(/Created:|Tags:|Status:|Last edited/);
  // The inspector lists the properties as Notion wrote them.
  s.send('i');
  const inspector = await s.waitFor((t) => t.includes('Inspector') && t.includes('status:'), 'the inspector');
  expect(inspector).toContain('status: Published');
  expect(inspector).toContain(width >= 120 ? 'created: November 4, 2025 10:30 AM' : 'created: November');
  expectBorderedRows(inspector, width, height);
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
}

async function covers(width: number, height: number, env: Record<string, string>): Promise<void> {
  const s = dashboard.start(width, height, COVERS, env);
  // Newest first: the Astro post (Nov 4) leads.
  let screen = await s.waitFor((t) => t.includes('6/6') && t.includes('focus: list') && bodyPane(t).includes('Body of the Astro post.'), 'the dashboard');
  expectBorderedRows(screen, width, height);
  s.send('i');
  screen = await s.waitFor((t) => t.includes('Inspector') && t.includes('cover image:'), 'the inspector');
  expect(screen).toContain(width >= 120 ? 'cover image: /blog-placeholder-3.jpg' : 'cover image: /blog');
  expectBorderedRows(screen, width, height);
  // PaperMod's `cover: {image}` two articles down: the inspector follows the list's selection.
  s.send('j');
  s.send('j');
  screen = await s.waitFor((t) => t.includes('cover image: /covers/'), "the PaperMod post's inspector");
  expect(screen).toContain('cover image: /covers/halving');
  expectBorderedRows(screen, width, height);
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
}

describe('Notion exports and cover images in the dashboard', () => {
  it('80x24 with NO_COLOR: a Notion page by its heading and properties; cover images in the inspector; the frame stays', async () => {
    await notion(80, 24, { NO_COLOR: '1' });
    await covers(80, 24, { NO_COLOR: '1' });
  }, 180_000);

  it('120x40: the same, with room for the whole values', async () => {
    await notion(120, 40, {});
    await covers(120, 40, {});
  }, 180_000);
});
