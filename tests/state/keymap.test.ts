import type { Pulse } from '../../src/core/pulse/index.js';
import { describe, expect, it } from 'vitest';
import { keymap, keyNames, lookup, prettyKey, type Command, type Mode, type PaneId } from '../../src/state/keymap.js';
import { initialState, reducer, type AppState } from '../../src/state/reducer.js';
import { hits } from '../ui/factory.js';

const MODES: Mode[] = ['browse', 'search', 'confirm', 'link'];
const PANES: PaneId[] = ['list', 'body', 'inspector'];

describe('keymap table', () => {
  it('gives every binding at least one key and a help line', () => {
    for (const b of keymap) {
      expect(b.keys.length, b.command).toBeGreaterThan(0);
      expect(b.help.trim().length, b.command).toBeGreaterThan(3);
    }
  });

  it('binds no key twice in the same mode and pane (multi-only bindings apart)', () => {
    for (const mode of MODES) {
      for (const pane of PANES) {
        const seen = new Map<string, Command>();
        for (const b of keymap) {
          if (b.multiOnly) continue;
          if (b.modes && !b.modes.includes(mode)) continue;
          if (b.panes && !b.panes.includes(pane)) continue;
          for (const k of b.keys) {
            expect(seen.get(k), `${k} in ${mode}/${pane}`).toBeUndefined();
            seen.set(k, b.command);
          }
        }
      }
    }
  });

  const PULSE: Pulse = {
    total: 3,
    sentiment: { positive: 1, neutral: 1, negative: 1, none: 0 },
    days: [{ day: '2026-11-01', count: 3 }],
    unit: 'day',
    undated: 0,
    earlier: 0,
    sources: [{ value: 'decrypt', label: 'Decrypt', count: 3 }],
    tags: [{ value: 'mining', label: 'MINING', count: 2 }],
    coins: [{ value: 'BTC', label: 'BTC', count: 1 }],
  };

  it('has every command handled by the reducer (each changes some state)', () => {
    const base = reducer(
      { ...initialState({ width: 200, height: 50, multi: true, warningsCount: 2 }), bodyLines: 500 },
      { type: 'results', hits: hits(100), total: 100, sort: 'date', query: '' },
    );
    const inspector = [
      { key: 'a', depth: 0, label: 'a', value: '', foldable: true, expanded: false },
      { key: 'a.b', depth: 1, label: 'b', value: '1', foldable: false, expanded: false },
    ];
    const states: AppState[] = [
      base,
      { ...base, cursor: 50, listTop: 40, selectedId: 50, bodyScroll: 10 },
      { ...base, focus: 'inspector', inspector, inspectorCursor: 0 },
      { ...base, focus: 'inspector', inspector, inspectorCursor: 1, expanded: new Set(['a']) },
      { ...base, mode: 'search', query: 'bitcoin etf' },
      { ...base, pulse: PULSE },
      { ...base, mode: 'pulse', pulse: PULSE, pulseCursor: 1 },
      { ...base, mode: 'confirm', prompt: { kind: 'open', url: 'https://x.test/', id: 0 } },
      { ...base, mode: 'link', prompt: { kind: 'link', digits: '12' } },
      { ...base, views: [{ name: 'v', query: 'x' }], view: 1 },
    ];
    for (const command of new Set(keymap.map((b) => b.command))) {
      const changed = states.some((s) => JSON.stringify(strip(reducer(s, { type: 'command', command }))) !== JSON.stringify(strip(s)));
      expect(changed, command).toBe(true);
    }
  });

  it('looks keys up by mode and focused pane', () => {
    const cases: Array<[string, Mode, PaneId, Command | undefined]> = [
      ['j', 'browse', 'list', 'down'],
      ['j', 'search', 'list', undefined],
      ['down', 'search', 'list', 'down'],
      ['enter', 'browse', 'list', 'choose'],
      ['enter', 'browse', 'inspector', 'foldToggle'],
      ['enter', 'search', 'list', 'endSearch'],
      ['esc', 'browse', 'list', 'back'],
      ['esc', 'search', 'list', 'endSearch'],
      ['ctrl+u', 'browse', 'body', 'halfUp'],
      ['ctrl+u', 'search', 'list', 'clearQuery'],
      ['ctrl+c', 'search', 'list', 'cancel'],
      ['space', 'browse', 'list', 'mark'],
      ['space', 'browse', 'inspector', 'foldToggle'],
      ['tab', 'browse', 'list', 'focusNext'],
      ['shift+tab', 'browse', 'body', 'focusPrev'],
      ['?', 'browse', 'list', 'help'],
      ['?', 'search', 'list', undefined],
      ['[', 'browse', 'body', 'viewPrev'],
      [']', 'browse', 'inspector', 'viewNext'],
      [']', 'search', 'list', undefined],
    ];
    for (const [name, mode, pane, want] of cases) expect(lookup(name, mode, pane), `${name} ${mode} ${pane}`).toBe(want);
  });

  it('with --multi, Tab marks in the list (as in fzf) and still moves focus elsewhere', () => {
    expect(lookup('tab', 'browse', 'list', true)).toBe('mark');
    expect(lookup('tab', 'browse', 'body', true)).toBe('focusNext');
    expect(lookup('shift+tab', 'browse', 'list', true)).toBe('focusPrev');
    expect(lookup('tab', 'browse', 'list', false)).toBe('focusNext');
  });
});

function strip(s: AppState) {
  return { ...s, expanded: [...s.expanded] };
}

describe('keyNames', () => {
  const cases: Array<[string, string, Record<string, boolean>, unknown[]]> = [
    ['plain letter', 'j', {}, [{ text: 'j' }]],
    ['a chunk stays whole', 'bitfarms', {}, [{ text: 'bitfarms' }]],
    ['arrow', '', { downArrow: true }, [{ name: 'down' }]],
    ['ctrl letter', 'd', { ctrl: true }, [{ name: 'ctrl+d' }]],
    ['DEL is backspace', '', { delete: true }, [{ name: 'backspace' }]],
    ['shift tab', '', { tab: true, shift: true }, [{ name: 'shift+tab' }]],
    ['escape', '', { escape: true, meta: true }, [{ name: 'esc' }]],
    ['return', '\r', { return: true }, [{ name: 'enter' }]],
    ['text then enter in one chunk', 'abc\r', {}, [{ text: 'abc' }, { name: 'enter' }]],
    ['embedded DEL and ctrl-w', 'ab\x7fc\x17', {}, [{ text: 'ab' }, { name: 'backspace' }, { text: 'c' }, { name: 'ctrl+w' }]],
    ['alt key is not text', 'x', { meta: true }, [{ name: 'alt+x' }]],
    ['C1 control dropped', 'a\x85b', {}, [{ text: 'a' }, { text: 'b' }]],
  ];
  it.each(cases)('%s', (_label, input, key, want) => {
    expect(keyNames(input, key)).toEqual(want);
  });
});

describe('prettyKey', () => {
  it.each([
    ['ctrl+d', 'Ctrl-d'],
    ['alt+p', 'Alt-p'],
    ['down', '↓'],
    ['pgdn', 'PgDn'],
    ['G', 'G'],
  ])('%s -> %s', (name, want) => expect(prettyKey(name)).toBe(want));
});
