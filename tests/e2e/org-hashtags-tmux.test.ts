// Metadata lines right above the heading, Org's `#+` header, Logseq's `key::` properties and Obsidian's inline #tags as a person
// sees them in the dashboard, in a real terminal at 80x24 (NO_COLOR) and 120x40: the header lines
// gone from the body and read as the author and the date; the Org post titled, dated and tagged
// from its `#+` lines; a Logseq page's properties as its author and tags; a note's body #tags among its tags in the header. The frame in place throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyPane, FolderDashboard } from './folder-dashboard.js';
import type { TmuxSession } from './tmux.js';

const MORE = 'tests/fixtures/cases/loader-more';

const dashboard = new FolderDashboard();
afterEach(() => dashboard.close());

async function quit(s: TmuxSession): Promise<void> {
  s.send('q');
  await s.waitFor((t) => t.includes('exit=130'), 'the exit');
}

async function allThree(width: number, height: number, env: Record<string, string>): Promise<void> {
  let { s, screen } = await dashboard.openAt(width, height, `${MORE}/metadata-before-heading`, 3, 'The committee voted', env);
  let body = bodyPane(screen);
  expect(body).toContain('Priya Natarajan');
  expect(body).toContain('2025-11-18');
  expect(body).not.toMatch(/Author:|Date: 2025/);
  expect(screen).toContain('Stablecoin Bill');
  await quit(s);

  ({ s, screen } = await dashboard.openAt(width, height, `${MORE}/org-keywords`, 4, 'Yields on liquid staking', env));
  body = bodyPane(screen);
  expect(body.replace(/\s+/g, ' ')).toContain('Ether Staking Yields Slip Below Three Percent');
  expect(body).toContain('Tomasz Wiśniewski');
  expect(body).toContain('2025-11-20');
  expect(body).toMatch(/#ethereum #staking/);
  expect(body).not.toContain('#+');
  await quit(s);

  ({ s, screen } = await dashboard.openAt(width, height, `${MORE}/logseq-hexo-dendron`, 5, 'Lightning network capacity', env));
  body = bodyPane(screen);
  expect(body).toContain('Ravi Menon');
  expect(body).toMatch(/#lightning #bitcoin/);
  expect(body).not.toContain('::');
  await quit(s);

  ({ s, screen } = await dashboard.openAt(width, height, `${MORE}/inline-hashtags`, 2, 'Perps funding', env));
  // The header's tags: the front matter's, then the body's; the body keeps its #tags as written.
  expect(bodyPane(screen).replace(/\s+/g, ' ')).toContain('#derivatives #bitcoin #funding-rates #crypto/defi');
  expect(bodyPane(screen).replace(/\s+/g, ' ')).toContain('venues #bitcoin #funding-rates, while');
  await quit(s);
}

describe('metadata before the heading, Org headers and inline #tags in the dashboard', () => {
  it('80x24 with NO_COLOR: header lines read as fields and gone from the body; body #tags among the tags; the frame stays', async () => {
    await allThree(80, 24, { NO_COLOR: '1' });
  }, 300_000);

  it('120x40: the same', async () => {
    await allThree(120, 40, {});
  }, 300_000);
});
