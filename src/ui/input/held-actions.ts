// Key actions whose answer is already on the terminal, held back from React for a moment. A
// cursor move's list rows, and a typed key's search line, rows and status line, are drawn as the
// key is read (frame/fast-frame.ts); React's render of the same key (~1 ms of CPU for a move at
// 10k, 3-9 ms for a typed key's new rows on a loaded machine) changes nothing on screen, and run
// at once it keeps a core busy exactly while the terminal has to take the rows in: measured in tmux on two
// cores, its server read our rows 1.2-1.6 ms after we wrote them (median, loaded machine) with
// React rendering at once, and 0.3 ms with that render held back (fzf goes idle after it writes,
// and its rows are read as soon). The actions still reach the reducer in order: every other
// action (search answers, counts, the body's measurements, a key the fast frame cannot draw)
// first releases what is held, and App releases them before it renders for any other reason.
import type { Dispatch } from 'react';
import type { Action } from '../../state/reducer.js';
import { afterQuiet } from './after-input.js';

/** A dispatch that can hold key actions back until a timer, or until any other action comes. */
export class HeldActions {
  private held: Action[] = [];
  private cancel: (() => void) | null = null;
  private timed = false;

  constructor(private readonly dispatch: Dispatch<Action>) {}

  /** Keeps `action` for a later release (the key handler has applied it to its own state). */
  hold(action: Action): void {
    this.held.push(action);
  }

  /** Whether actions are held (App releases them before it renders for another reason). */
  get pending(): boolean {
    return this.held.length > 0;
  }

  /**
   * True when the last actions React received came from a timed release: their answer has been
   * on the terminal for `ms` already, so what follows the render (the body) need not wait again.
   */
  get releasedLate(): boolean {
    return this.timed;
  }

  /** Hands every held action to React, in order, now. */
  readonly release = (): void => this.flush(false);

  /**
   * Hands the held actions to React `ms` after the first of them was held, once input already
   * waiting has been read (after-input.ts); a key held meanwhile rides along with them.
   */
  releaseAfter(ms: number): void {
    if (this.cancel || this.held.length === 0) return;
    this.cancel = afterQuiet(ms, () => {
      this.cancel = null;
      this.flush(true);
    });
  }

  /** React's dispatch, after whatever is held: the reducer sees every action in the order it was made. */
  readonly send = (action: Action): void => {
    this.flush(false);
    this.timed = false;
    this.dispatch(action);
  };

  /** Drops the pending timer (the component is going away). */
  dispose(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private flush(timed: boolean): void {
    this.cancel?.();
    this.cancel = null;
    if (this.held.length === 0) return;
    const actions = this.held;
    this.held = [];
    this.timed = timed;
    for (const a of actions) this.dispatch(a);
  }
}
