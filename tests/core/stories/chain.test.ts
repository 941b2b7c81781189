// A third outlet alike to two look-alike stories links to both; the merge's subject check between
// every member of the two groups (group.ts, subject.ts subjectsClash) keeps the two apart, in the
// whole-corpus grouping and the streamed one alike.
import { describe, expect, it } from 'vitest';
import { groupStories, type StoryDoc } from '../../../src/core/stories/group.js';
import { groupStream, StoryTermCounts } from '../../../src/core/stories/group-stream.js';

const doc = (source: string, hours: number, title: string, description = '', lead = ''): StoryDoc => ({ publishedAt: Date.UTC(2026, 3, 9, hours), source, title, description, lead });

async function bothWays(docs: StoryDoc[]): Promise<number[]> {
  const whole = [...groupStories(docs).story];
  const counts = new StoryTermCounts();
  for (const d of docs) counts.add(d);
  const time = Float64Array.from(docs, (d) => d.publishedAt ?? Number.NaN);
  const source = Int32Array.from(docs, (_, i) => i);
  const streamed = [...(await groupStream(counts, time, source, async () => {})).story];
  expect(streamed).toEqual(whole);
  return whole;
}

const listings = [
  doc('coindesk', 0, 'Coinbase to List Zorkal Token', 'Coinbase will list the Zorkal token on Thursday, the exchange said.', 'Coinbase said it will list the Zorkal token for trading on Thursday.'),
  doc('theblock', 1, 'Coinbase to List Vintar Token', 'Coinbase will list the Vintar token on Thursday, the exchange said.', 'Coinbase said it will list the Vintar token for trading on Thursday.'),
  doc('decrypt', 2, 'Zorkal token gets Coinbase listing', 'Coinbase will list the Zorkal token and the Vintar token on Thursday.', 'Coinbase said it will list the Zorkal token for trading on Thursday.'),
];

const lawsuits = [
  doc('coindesk', 0, 'SEC Sues Binance Over Unregistered Securities', 'The SEC sued Binance on Monday, alleging it sold unregistered securities to US customers.', 'The SEC filed suit against Binance in federal court on Monday.'),
  doc('theblock', 3, 'SEC Sues Coinbase Over Unregistered Securities', 'The SEC sued Coinbase on Monday, alleging it sold unregistered securities to US customers.', 'The SEC filed suit against Coinbase in federal court on Monday.'),
  doc('decrypt', 5, 'SEC lawsuit against Binance alleges unregistered securities', 'The SEC sued Binance and Coinbase on Monday over unregistered securities sold to US customers.', 'The SEC filed suit against Binance in federal court on Monday.'),
];

describe('chains of look-alikes', () => {
  it('keeps two listings of one template apart when a third report is alike to both', async () => {
    const story = await bothWays(listings);
    expect(story[0]).not.toBe(story[1]);
    // The third report still joins the story it tells (Zorkal's).
    expect(story[2]).toBe(story[0]);
  });

  it("keeps the SEC's suits against two exchanges apart", async () => {
    const story = await bothWays(lawsuits);
    expect(story[0]).not.toBe(story[1]);
    expect(story[2]).toBe(story[0]);
  });

  it('still welds one event told three ways by three outlets', async () => {
    const story = await bothWays([
      doc('coindesk', 0, 'Ostrava Markets loses $63M in hot wallet breach', 'Ostrava Markets paused withdrawals after hackers drained its hot wallets.', 'Hackers drained about $63 million from Ostrava Markets hot wallets.'),
      doc('theblock', 2, 'Hackers drain $63 million from Ostrava Markets hot wallets', 'The exchange paused withdrawals after the breach.', 'Ostrava Markets lost $63 million when hackers drained its hot wallets.'),
      doc('decrypt', 4, 'Ostrava Markets pauses withdrawals after $63M hack', 'Withdrawals stay paused while Ostrava Markets investigates the hot wallet breach.', 'Ostrava Markets said hackers drained $63 million from its hot wallets.'),
    ]);
    expect(new Set(story).size).toBe(1);
  });
});
