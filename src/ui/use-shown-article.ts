// The article the body and inspector show. It follows the list's selection BODY_FOLLOW_MS after
// the list's rows are out (drawn ahead of React or by it), once no key is waiting (and once typing
// pauses when a key came meanwhile that left the selection as it was: afterSettled): holding `j`
// moves the cursor at the keyboard's pace, only the article it stops on is laid out, and the
// terminal shows the moved cursor while this process is idle rather than busy laying out the body. When it follows, the new article's
// measurements (body rows, inspector rows: the reducer's scroll bounds) reach the reducer in the
// same step, so following costs one render of App, not one to show and one to measure.
import { useEffect, useLayoutEffect, useRef, useState, type Dispatch } from 'react';
import type { Article } from '../core/article.js';
import { shortcodesPending, type InspectorRow } from '../core/render/index.js';
import type { SearchIndex } from '../core/search/index.js';
import type { StoryMap } from '../core/stories/index.js';
import type { Action, AppState } from '../state/reducer.js';
import { inspectorRowsOf } from '../state/inspector-fold.js';
import { bodyLineCount, type StoryOther } from './ArticleBody.js';
import { afterSettled, BODY_FOLLOW_MS } from './input/after-input.js';

/** What the body and inspector panes show, and the measurements the reducer holds of it. */
export interface ShownArticle {
  id: number | null;
  article: Article | null;
  /** The other outlets of the article's story, listed in the body pane. */
  also: readonly StoryOther[];
  rows: readonly InspectorRow[];
  bodyLines: number;
  /**
   * Counts the times the renderer came to draw the shown body differently (gemoji's table, loaded
   * on demand, arrived): the body pane draws it again, and `bodyLines` was measured again with it.
   */
  drawn: number;
}

interface Inputs {
  index: SearchIndex;
  /** Counts in-place growth of the index (an id unknown a moment ago may resolve now). */
  version: number;
  stories: StoryMap | null;
  expanded: ReadonlySet<string>;
  bodyWidth: number;
}

const NO_OTHERS: readonly StoryOther[] = Object.freeze([]);

// The last value made by `make` for `key` (compared field by field): the render and the follow
// step ask for the same article's measurements, and must get the same objects.
function lastOf<K extends unknown[], V>(make: (...key: K) => V): (...key: K) => V {
  let last: { key: K; value: V } | null = null;
  return (...key: K) => {
    if (last && last.key.length === key.length && last.key.every((k, i) => k === key[i])) return last.value;
    const value = make(...key);
    last = { key, value };
    return value;
  };
}

function orElse<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** The measuring functions of one App (each keeps its last answer). */
function measurers() {
  // Guarded: in the render that dispatches new results, the id can be one the index lost.
  const article = lastOf((index: SearchIndex, _version: number, id: number | null) => (id === null ? null : orElse(() => index.article(id), null)));
  const also = lastOf((stories: StoryMap | null, index: SearchIndex, id: number | null): readonly StoryOther[] => {
    if (!stories || id === null || (stories.size[id] ?? 1) < 2) return NO_OTHERS;
    return stories.members(stories.story[id]).filter((m) => m !== id).map((m) => {
      const a = index.article(m);
      return { source: a.source, title: a.title };
    });
  });
  // `drawn` in the key: the same body at the same width can take fewer rows once shortcodes are emoji.
  const bodyLines = lastOf((a: Article | null, width: number, others: readonly StoryOther[], _drawn: number) => (a && width ? orElse(() => bodyLineCount(a, width, others), 0) : 0));
  return (i: Inputs, id: number | null, drawn: number): ShownArticle => {
    const a = article(i.index, i.version, id);
    const others = also(i.stories, i.index, id);
    // The reducer's own rows after a fold (inspectorRowsOf gives both the same array).
    return { id, article: a, also: others, rows: inspectorRowsOf(a, i.expanded), bodyLines: bodyLines(a, i.bodyWidth, others, drawn), drawn };
  };
}

// The measure step for `shown`, or null when the state already holds it.
function measureStep(state: AppState, shown: ShownArticle): Action | null {
  if (shown.rows === state.inspector && shown.article === state.inspectorArticle && shown.bodyLines === state.bodyLines && shown.id === state.shownId) return null;
  return { type: 'measure', bodyLines: shown.bodyLines, inspector: shown.rows, article: shown.article, id: shown.id };
}

/**
 * The shown article for `state` (App's reducer state; `latest` holds it between renders). Nothing
 * follows the selection while an overlay hides the panes. `followMs`: how long after this render's
 * commit a new selection is followed (0 when its list rows have been on the terminal for that long
 * already: a cursor move React renders late, input/held-actions.ts).
 */
export function useShownArticle(state: AppState, latest: { current: AppState }, dispatch: Dispatch<Action>, inputs: Inputs, followMs = BODY_FOLLOW_MS): ShownArticle {
  const [measure] = useState(measurers);
  const [drawn, setDrawn] = useState(0);
  const drawnNow = useRef(drawn);
  drawnNow.current = drawn;
  // The shown id with the index (and its stories) it is an id of: when the loaded index replaces
  // the warm start's page, ids mean other articles, and until the body follows the selection it
  // must still show the article it showed, not whichever one has its old id in the new index.
  const [shown, setShown] = useState<Shown>(() => ({ id: state.selectedId, index: inputs.index, stories: inputs.stories }));
  const now = useRef(inputs);
  now.current = inputs;
  // Read when the selection changes: a change that waits for this render's delay, not the next one's.
  const follow = useRef(followMs);
  follow.current = followMs;
  const selectedId = state.selectedId;
  const { overlay } = state;
  const current = shown.index === inputs.index;
  // A layout effect: it runs as the commit ends (the frame is written by then); a passive one
  // could wait for the next commit.
  useLayoutEffect(
    () =>
      (current && shown.id === selectedId) || overlay
        ? undefined
        : afterSettled(follow.current, () => {
            // Both updates in one turn of the event loop: React renders App once for them.
            const step = measureStep(latest.current, measure(now.current, selectedId, drawnNow.current));
            if (step) dispatch(step);
            setShown({ id: selectedId, index: now.current.index, stories: now.current.stories });
          }),
    [shown, current, selectedId, overlay, latest, dispatch, measure],
  );
  const result = measure(current ? inputs : { ...inputs, index: shown.index, stories: shown.stories }, shown.id, drawn);
  // A body with emoji shortcodes is shown as written until their table is in (it is loaded on
  // demand); then it is measured and drawn again, so the scroll bounds match the rows drawn.
  const shownArticle = result.article;
  useEffect(() => {
    const pending = shownArticle ? shortcodesPending(shownArticle.body) : null;
    if (!pending) return;
    let live = true;
    void pending.then(() => live && setDrawn((n) => n + 1));
    return () => {
      live = false;
    };
  }, [shownArticle]);
  // A width, expansion or drawing change measures again here (the follow step measured the usual case).
  const step = measureStep(state, result);
  if (step) dispatch(step);
  return result;
}

interface Shown {
  id: number | null;
  index: SearchIndex;
  stories: StoryMap | null;
}
