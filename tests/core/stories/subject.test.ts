import { describe, expect, it } from 'vitest';
import { figuresAgree, FIGURE, GENERIC, NAME, PROPER, termFlags, TITLE } from '../../../src/core/stories/similarity/subject.js';
import { groupStories, type StoryDoc } from '../../../src/core/stories/group.js';
import { storyTerms } from '../../../src/core/stories/similarity/terms.js';

const doc = (source: string, hours: number, title: string, description = ''): StoryDoc => ({ publishedAt: Date.UTC(2026, 3, 9, hours), source, title, description, lead: '' });
const sizes = (docs: StoryDoc[]): number[] => [...groupStories(docs).size];

describe('termFlags', () => {
  it('finds names by capitals, not by the capitals of Title Case or of a sentence start', () => {
    const f = termFlags('Polaris Labs Drained of $65M in Bridge Exploit', ['Attackers used a signature flaw to drain the Polaris Labs bridge.']);
    expect(f.get('polari')! & NAME).toBe(NAME);
    expect(f.get('bridge')! & NAME).toBe(0);
    expect(f.get('65m')).toBe(TITLE | FIGURE | GENERIC);
    const s = termFlags('Hackers drain $63 million from Ostrava Markets hot wallets', []);
    expect(s.get('ostrava')! & NAME).toBe(NAME);
    expect(s.get('hacker')! & NAME).toBe(0);
    expect(termFlags('SEC approves spot Ether ETFs', []).get('sec')! & NAME).toBe(NAME);
    expect(termFlags('Bitcoin ETFs Take In $500M on Tuesday', []).get('tuesday')).toBe(TITLE | GENERIC);
  });
});

describe('figuresAgree', () => {
  it('takes a rounded figure for the precise one, not a different one', () => {
    expect(figuresAgree('63m', '62.8m')).toBe(true);
    expect(figuresAgree('5b', '5.1b')).toBe(true);
    expect(figuresAgree('92k', '95k')).toBe(false);
    expect(figuresAgree('8pct', '16pct')).toBe(false);
  });
});

describe('the subject rule', () => {
  it("keeps one template's headlines about different firms or figures apart", () => {
    expect(sizes([
      doc('blockworks', 0, 'Polaris Labs Drained of $65M in Bridge Exploit', 'Attackers used a signature flaw to drain the Polaris Labs bridge; the team paused deposits.'),
      doc('cryptoslate', 35, 'Orrery Markets Drained of $37M in Bridge Exploit', 'Orrery Markets lost $37 million when a bridge contract bug let an attacker mint tokens.'),
    ])).toEqual([1, 1]);
    expect(sizes([doc('coindesk', 0, 'Bitcoin ETFs Take In $500M on Tuesday'), doc('decrypt', 4, 'Bitcoin Miners Sell $500M of BTC on Tuesday')])).toEqual([1, 1]);
    expect(sizes([doc('coindesk', 0, 'Weekly Outlook: Bitcoin Holds $92K'), doc('decrypt', 4, 'Weekly Outlook: Bitcoin Holds $95K')])).toEqual([1, 1]);
    expect(sizes([doc('coindesk', 0, 'Halcyon Pro Cuts 8% of Staff'), doc('decrypt', 4, 'Arbor Asset Management Cuts 16% of Staff')])).toEqual([1, 1]);
  });
  it('keeps apart a template whose one differing word is a name its capital cannot show, and titles naming different coins', () => {
    // Found by a tester: the firm opening a Title Case (or sentence case) headline is capitalised
    // as any first word is, so no name rule held and the two linked as one story.
    const cut = (firm: string, source: string, hours: number, title = `${firm} Lays Off 15% of Staff`) => doc(source, hours, title, `${firm} cut about 15% of its staff across teams on Friday.`);
    expect(sizes([cut('Ripple', 'blockworks', 0), cut('Kraken', 'cointelegraph', 1)])).toEqual([1, 1]);
    expect(sizes([cut('Ripple', 'blockworks', 0, 'Ripple lays off 15% of staff'), cut('Kraken', 'cointelegraph', 1, 'Kraken lays off 15% of staff')])).toEqual([1, 1]);
    expect(termFlags('Ripple Lays Off 15% of Staff', ['Ripple cut about 15% of its staff.']).get('staff')! & PROPER).toBe(0);
    expect(sizes([doc('theblock', 0, 'BlackRock files for spot XRP ETF'), doc('coindesk', 1, 'BlackRock files for spot Solana ETF')])).toEqual([1, 1]);
    // The same event with the coin written two ways, and one firm's news told twice, still link.
    expect(sizes([doc('theblock', 0, 'BlackRock files for spot XRP ETF'), doc('coindesk', 1, 'BlackRock files for spot Ripple ETF')])).toEqual([2, 2]);
    expect(sizes([cut('Ripple', 'blockworks', 0), cut('Ripple', 'cointelegraph', 1, 'Ripple cuts 15% of staff')])).toEqual([2, 2]);
  });

  it('keeps apart one template whose differing words include a likely name each article alone writes (found by a tester)', () => {
    expect(sizes([
      doc('coindesk', 0, 'SEC Sues Kraken Over Staking Program', 'The regulator says Kraken sold unregistered securities through its staking program.'),
      doc('theblock', 3, 'SEC Sues Gemini Over Earn Program', 'The regulator says Gemini sold unregistered securities through its earn program.'),
    ])).toEqual([1, 1]);
    // The same suit told by two outlets still links.
    expect(sizes([
      doc('coindesk', 0, 'SEC Sues Kraken Over Staking Program', 'The regulator says Kraken sold unregistered securities through its staking program.'),
      doc('decrypt', 2, 'Kraken hit with SEC lawsuit over crypto staking program', 'The SEC says Kraken sold unregistered securities through its staking program.'),
    ])).toEqual([2, 2]);
  });

  it('reads exchange-traded funds as ETFs', () => {
    expect(storyTerms('Regulator approves spot exchange-traded funds')).toEqual(storyTerms('Regulator approves spot ETFs'));
    expect(storyTerms('an exchange traded product')).toEqual(storyTerms('an ETP'));
  });

  it('still links one event told in other words, figures written another way', () => {
    expect(sizes([
      doc('theblock', 0, 'Ostrava Markets loses $63M in hot wallet breach; withdrawals paused'),
      doc('coindesk', 2, 'Hackers drain $63 million from Ostrava Markets hot wallets'),
    ])).toEqual([2, 2]);
  });
});
