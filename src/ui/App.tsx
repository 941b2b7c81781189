// The dashboard: the one place that reads input. Keys become reducer actions (use-keys.ts);
// search results and measured sizes are fed into the reducer during render so the frame that
// shows new results already has a valid cursor; onDone fires exactly once.
// The list answers first: a keystroke's frame shows the query and the cursor; the search
// (use-search.ts) and the newly selected article's body and inspector follow in frames of their
// own, after any keys already waiting. Every pane is memoised and gets stable props, so a frame
// re-renders only the panes whose input changed.
import { Box } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Article, LoadWarning } from '../core/article.js';
import { inspectorRows } from '../core/inspector-tree.js';
import type { SearchIndex, SortKey } from '../core/search.js';
import { innerHeight, innerWidth } from '../state/layout.js';
import { initialState, reducer } from '../state/reducer.js';
import { layoutOf, visibleHits } from '../state/selectors.js';
import { ArticleBody, bodyLineCount } from './ArticleBody.js';
import { ArticleList } from './ArticleList.js';
import { Help } from './Help.js';
import { Inspector } from './Inspector.js';
import { Pane } from './Pane.js';
import { SearchLine } from './SearchLine.js';
import { StatusBar } from './StatusBar.js';
import { useInputGuard } from './use-input-guard.js';
import { useKeys } from './use-keys.js';
import { afterPendingInput, frameCommitted } from './after-input.js';
import { useSearch } from './use-search.js';
import { WarningList } from './WarningList.js';

/** Props of App (see the CLI): the index, terminal size, options, and the exit callback. */
export interface AppProps {
  index: SearchIndex;
  version: number;
  initialQuery?: string;
  sort?: SortKey;
  includeDrafts?: boolean;
  multi?: boolean;
  mouse?: boolean;
  warnings: LoadWarning[];
  loading: { done: number; total: number } | null;
  width: number;
  height: number;
  now?: number;
  onDone(result: { kind: 'chosen'; articles: Article[] } | { kind: 'cancelled' }): void;
}

/** The interactive dashboard; renders exactly `height - 1` rows of at most `width` columns. */
export function App(p: AppProps) {
  const [mountedAt] = useState(() => Date.now());
  const now = p.now ?? mountedAt;
  const [state, dispatch] = useReducer(reducer, p, (props) =>
    initialState({
      width: props.width,
      height: props.height,
      query: props.initialQuery,
      sort: props.sort,
      multi: props.multi,
      warningsCount: props.warnings.length,
    }),
  );

  // Props the reducer mirrors: updated during render (React re-renders at once, before commit).
  if (state.width !== p.width || state.height !== p.height) dispatch({ type: 'resize', width: p.width, height: p.height });
  if (state.warningsCount !== p.warnings.length) dispatch({ type: 'warnings', count: p.warnings.length });

  const search = useSearch(p.index, p.version, state.query, state.sort, p.includeDrafts ?? false, now, state.cursor);
  if (search.ok && search.result.hits !== state.hits) {
    dispatch({
      type: 'results',
      hits: search.result.hits,
      total: search.result.total,
      approximate: search.result.approximate,
      sort: search.result.sort,
      query: search.query,
    });
  }

  const layout = layoutOf(state);
  // The body and inspector show `shownId`, which follows the selection once the list's frame is
  // out and no key is waiting: holding `j` moves the cursor at the keyboard's pace, and only the
  // article it stops on is laid out.
  const selectedId = state.selectedId;
  const [shownId, setShownId] = useState(selectedId);
  // A layout effect: it runs as the commit ends (the frame is written by then); a passive one
  // could wait for the next commit. Nothing is laid out for panes an overlay hides.
  const { overlay } = state;
  useLayoutEffect(
    () => (shownId === selectedId || overlay ? undefined : afterPendingInput(() => setShownId(selectedId))),
    [shownId, selectedId, overlay],
  );
  // Guarded: in the render that dispatches new results, the id can be one the index lost.
  const article = useMemo(
    () => (shownId === null ? null : orElse(() => p.index.article(shownId), null)),
    // version: the index grows in place while loading.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [p.index, p.version, shownId],
  );
  // Measuring must not crash on odd data either; the panes' own boundaries show the failure.
  const rows = useMemo(() => (article ? orElse(() => inspectorRows(article, state.expanded), []) : []), [article, state.expanded]);
  const bodyRect = layout.body;
  const bodyWidth = bodyRect ? innerWidth(bodyRect) : 0;
  const bodyLines = useMemo(() => (article && bodyWidth ? orElse(() => bodyLineCount(article, bodyWidth), 0) : 0), [article, bodyWidth]);
  if (rows !== state.inspector || bodyLines !== state.bodyLines) dispatch({ type: 'measure', bodyLines, inspector: rows });

  // Every commit of App is a frame written (ink draws in the commit): the clock use-search.ts
  // reads to tell a key typed at leisure from one that queued behind a frame.
  useLayoutEffect(frameCommitted);

  useInputGuard();
  useKeys(state, dispatch, p.mouse ?? false);

  const done = useRef(false);
  const { outcome } = state;
  useEffect(() => {
    if (!outcome || done.current) return;
    done.current = true;
    if (outcome.kind === 'cancelled') p.onDone({ kind: 'cancelled' });
    else p.onDone({ kind: 'chosen', articles: outcome.ids.map((id) => p.index.article(id)) });
  }, [outcome, p]);

  const marked = useMemo(() => new Set(state.marked), [state.marked]);
  const articleOf = useCallback((id: number) => p.index.article(id), [p.index]);
  const listRowsShown = layout.list.height;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const hits = useMemo(() => visibleHits(state), [state.hits, state.listTop, listRowsShown]);
  const width = Math.max(0, p.width);
  const frameHeight = Math.max(1, p.height - 1);
  const emptyMessage = state.query
    ? `no matches for "${state.query}"`
    : p.loading
      ? 'loading…'
      : 'no articles';

  return (
    <Box flexDirection="column" width={width} height={frameHeight} overflow="hidden">
      <SearchLine query={state.query} mode={state.mode} error={search.ok ? null : search.error} width={width} />
      <Box flexDirection={layout.kind === 'stacked' ? 'column' : 'row'} height={layout.paneHeight} width={width}>
        {state.overlay === 'help' ? (
          <Pane title="Help" width={width} height={layout.paneHeight} focused>
            <Help width={Math.max(0, width - 2)} height={Math.max(0, layout.paneHeight - 2)} />
          </Pane>
        ) : state.overlay === 'warnings' ? (
          <Pane title="Warnings" width={width} height={layout.paneHeight} focused>
            <WarningList warnings={p.warnings} width={Math.max(0, width - 2)} height={Math.max(0, layout.paneHeight - 2)} />
          </Pane>
        ) : (
          <>
            <Pane title={`Articles ${state.hits.length ? state.cursor + 1 : 0}/${state.total}${state.totalApproximate ? '+' : ''}`} width={layout.list.width} height={layout.list.height} focused={state.focus === 'list'}>
              <ArticleList
                hits={hits}
                start={state.listTop}
                cursor={state.cursor}
                article={articleOf}
                width={innerWidth(layout.list)}
                height={innerHeight(layout.list)}
                now={now}
                multi={state.multi}
                marked={marked}
                focused={state.focus === 'list'}
                emptyMessage={emptyMessage}
              />
            </Pane>
            {layout.body ? (
              <Pane title="Article" width={layout.body.width} height={layout.body.height} focused={state.focus === 'body'} resetKey={shownId}>
                <ArticleBody article={article} width={innerWidth(layout.body)} height={innerHeight(layout.body)} scroll={state.bodyScroll} focused={state.focus === 'body'} now={now} />
              </Pane>
            ) : null}
            {layout.inspector ? (
              <Pane title="Inspector" width={layout.inspector.width} height={layout.inspector.height} focused={state.focus === 'inspector'} resetKey={shownId}>
                <Inspector article={article} width={innerWidth(layout.inspector)} height={innerHeight(layout.inspector)} cursor={state.inspectorCursor} expanded={state.expanded} focused={state.focus === 'inspector'} />
              </Pane>
            ) : null}
          </>
        )}
      </Box>
      <StatusBar
        shown={state.total}
        shownIsLowerBound={state.totalApproximate}
        total={p.index.size}
        query={state.query}
        sort={state.usedSort}
        focus={state.focus}
        mode={state.mode}
        loading={p.loading}
        warnings={p.warnings.length}
        marked={state.marked.length}
        message={state.message}
        width={width}
      />
    </Box>
  );
}

function orElse<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
