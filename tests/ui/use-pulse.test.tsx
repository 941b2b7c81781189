import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useReducer } from 'react';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import type { Pulse } from '../../src/core/pulse/index.js';
import type { Action } from '../../src/state/reducer.js';
import { usePulse } from '../../src/ui/use-pulse.js';
import { makeArticle } from '../helpers/make-article.js';
import { eventually } from './frame.js';

interface Probed {
  rawHits: Array<{ id: number; score: number; titleMatches: Array<[number, number]> }>;
  resultsSeq: number;
  pulse: Pulse | null;
}

// The reducer's own rule for a pulse: kept only for the result it counts.
const reduce = (s: Probed, a: Action | { type: 'set'; rawHits: Probed['rawHits'] }): Probed => {
  if (a.type === 'set') return { ...s, rawHits: a.rawHits, resultsSeq: s.resultsSeq + 1 };
  if (a.type === 'pulse') return a.seq === s.resultsSeq ? { ...s, pulse: a.pulse } : s;
  return s;
};

const articles: Article[] = Array.from({ length: 30 }, (_, id) => makeArticle({ id, title: id % 2 ? `Solana $SOL news ${id}` : `Bitcoin ETF ${id}`, tags: id % 3 ? ['btc'] : [] }));
const article = (id: number) => articles[id];
const hitsOf = (ids: number[]) => ids.map((id) => ({ id, score: 0, titleMatches: [] as Array<[number, number]> }));

function Probe({ ids }: { ids: number[] }) {
  const [state, dispatch] = useReducer(reduce, { rawHits: hitsOf(ids), resultsSeq: 1, pulse: null });
  if (state.rawHits.length !== ids.length) dispatch({ type: 'set', rawHits: hitsOf(ids) });
  usePulse(state, article, dispatch as (a: Action) => void);
  return <Text>{`${state.rawHits.length} hits, pulse ${state.pulse ? state.pulse.total : 'none'}`}</Text>;
}

describe('usePulse', () => {
  it('counts articles seen for the first time after their list is drawn, and known ones in the list frame itself', async () => {
    const all = articles.map((a) => a.id);
    const r = render(<Probe ids={all} />);
    // Coins never looked up: the list's frame comes first, the count after it.
    expect(r.lastFrame()).toBe('30 hits, pulse none');
    await eventually(() => expect(r.lastFrame()).toBe('30 hits, pulse 30'));
    // Every article's coins are known now: a narrower result and its count share one frame.
    r.rerender(<Probe ids={all.slice(0, 12)} />);
    expect(r.lastFrame()).toBe('12 hits, pulse 12');
    r.unmount();
  });
});
