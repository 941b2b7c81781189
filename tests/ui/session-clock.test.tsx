// A running dashboard lists a scheduled article when its publish date comes and drops an expiring
// one when its expiry passes (use-session-clock.ts), with no file changing and no restart. The
// clock is the test's: its timers fire when the test moves its time, so nothing here sleeps.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchIndex } from '../../src/core/search/search.js';
import { App } from '../../src/ui/App.js';
import { testClock } from '../helpers/test-clock.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually, rows } from './frame.js';

const NOW = Date.UTC(2026, 0, 1, 12);


let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

describe('App over a publication window', () => {
  it('lists an article when its publish date comes and drops one when it expires, while it runs', async () => {
    const index = new SearchIndex([
      makeArticle({ id: 0, title: 'Listed all along', publishedAt: NOW - 3_600_000 }),
      makeArticle({ id: 1, title: 'Embargoed report', publishedAt: NOW - 7_200_000, scheduledAt: NOW + 90_000 }),
      makeArticle({ id: 2, title: 'Offer ending soon', publishedAt: NOW - 5_400_000, expiresAt: NOW + 30_000 }),
    ]);
    const { clock, advance, pending } = testClock(NOW);
    const r = render(<App index={index} version={1} warnings={[]} loading={null} width={100} height={20} now={NOW} clock={clock} onDone={vi.fn()} />);
    unmount = r.unmount;
    const screen = () => rows(r.lastFrame()).join('\n');
    await eventually(() => expect(screen()).toContain('2/3'));
    expect(screen()).toContain('Offer ending soon');
    expect(screen()).not.toContain('Embargoed report');
    // One timer, for the expiry (the sooner change).
    await eventually(() => expect(pending()).toBe(1));

    advance(NOW + 30_000);
    await eventually(() => expect(screen()).toContain('1/3'));
    expect(screen()).not.toContain('Offer ending soon');
    expect(screen()).not.toContain('Embargoed report');

    await eventually(() => expect(pending()).toBe(1));
    advance(NOW + 90_000);
    await eventually(() => expect(screen()).toContain('2/3'));
    expect(screen()).toContain('Embargoed report');
    expect(screen()).not.toContain('Offer ending soon');
    // Nothing changes after that: no timer is left waiting.
    await eventually(() => expect(pending()).toBe(0));
  });
});
