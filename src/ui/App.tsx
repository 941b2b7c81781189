// The dashboard: the one place that reads input. Keys become reducer actions (use-keys.ts);
// search results and measured sizes are fed into the reducer during render so the frame that
// shows new results already has a valid cursor; onDone fires exactly once.
// The list answers first: a keystroke's frame shows the query and the cursor; the search
// (use-search.ts) and the newly selected article's body and inspector follow in frames of their
// own, after any keys already waiting. Every pane is memoised and gets stable props, so a frame
// re-renders only the panes whose input changed.
import { Box } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { inspectorRows } from '../core/render/index.js';
import type { Hit } from '../core/search/index.js';
import { keymap as defaultKeymap } from '../state/keymap.js';
import { innerHeight, innerWidth } from '../state/layout.js';
import { initialState, reducer, type ListSort } from '../state/reducer.js';
import { effectiveQuery, layoutOf, listPosition, listRows, pulseRows, visibleHits } from '../state/selectors.js';
import { ArticleBody, bodyLineCount, type StoryOther } from './ArticleBody.js';
import { ArticleList, listTitle } from './ArticleList.js';
import { Help } from './Help.js';
import { Inspector } from './Inspector.js';
import { Pane } from './Pane.js';
import { PulseStrip } from './pulse/PulseStrip.js';
import { SearchLine } from './SearchLine.js';
import { promptText, StatusBar } from './StatusBar.js';
import { useInputGuard } from './input/use-input-guard.js';
import { useKeys } from './input/use-keys.js';
import { useRowMarks } from './row-marks.js';
import { afterQuiet, BODY_FOLLOW_MS, frameCommitted } from './input/after-input.js';
import { useEffectRunner } from './use-effects.js';
import { useUnreadCount } from './use-unread-count.js';
import { idsByPath } from '../state/index-swap.js';
import { listedHits, useAggregate } from './pulse/use-aggregate.js';
import { listLimit, useSearch } from './use-search.js';
import { ViewTabs } from './ViewTabs.js';
import { WarningList } from './WarningList.js';
import type { AppProps } from './app-props.js';

/** Most matches the status line's unread count is counted over (see `unread` in App). */
const EXACT_UNREAD_MAX = 200_000;
const NO_RANGES: Hit['titleMatches'] = Object.freeze([]);

export type { AppProps } from './app-props.js';

/** The interactive dashboard; renders exactly `height - 1` rows of at most `width` columns. */
export function App(p: AppProps) {
  const [mountedAt] = useState(() => Date.now());
  // The index can be replaced (the warm start's first page by the loaded one): what reads it from
  // a closure made once reads the current one.
  const indexRef = useRef(p.index);
  indexRef.current = p.index;
  const now = p.now ?? mountedAt;
  const [state, dispatch] = useReducer(reducer, p, (props) =>
    initialState({
      width: props.width,
      height: props.height,
      query: props.initialQuery,
      sort: props.sort,
      multi: props.multi,
      warningsCount: props.warnings.length,
      views: props.views,
      view: props.initialView,
      message: props.startMessage ?? null,
      history: props.reading ? orElse(() => props.reading!.history(), []) : [],
      describe: (id) => {
        const a = indexRef.current.article(id);
        return { url: a.url, title: a.title, path: a.path };
      },
    }),
  );
  const reading = p.reading ?? null;
  const table = p.keymap ?? defaultKeymap;

  // Props the reducer mirrors: updated during render (React re-renders at once, before commit).
  if (state.width !== p.width || state.height !== p.height) dispatch({ type: 'resize', width: p.width, height: p.height });
  if (state.warningsCount !== p.warnings.length) dispatch({ type: 'warnings', count: p.warnings.length });
  if (state.arrived !== (p.arrived ?? 0)) dispatch({ type: 'arrived', count: p.arrived ?? 0, latest: p.latestArrived ?? null });

  const query = effectiveQuery(state);
  const view = state.view > 0 ? state.views[state.view - 1] : undefined;
  const sort: ListSort | null = state.sort ?? view?.sort ?? null;
  // `hot` orders the engine's date order by hot score (core/stories/hot.ts).
  const hot = sort === 'hot';
  const engineSort = sort === 'hot' ? 'date' : sort;
  const includeDrafts = p.includeDrafts ?? false;
  const readingVersion = reading?.version ?? 0;
  const search = useSearch(p.index, p.version, query, engineSort, includeDrafts, now, state.cursor, reading, readingVersion, p.hidden ?? null);
  const stories = p.stories ?? null;
  // The pulse, the hot order and the count over every match, after the list (use-aggregate.ts).
  const aggregate = useAggregate({
    index: p.index, search, query, sort: engineSort, hot, includeDrafts, now, reading,
    readingVersion: /is:/i.test(query) ? readingVersion : 0, hidden: p.hidden ?? null, facts: p.facts ?? null, counter: p.counter ?? null,
  });
  const pageLimit = listLimit(state.cursor);
  const listed = useMemo(
    () => listedHits(search, hot, aggregate, pageLimit, (id) => p.index.article(id), stories?.size ?? null, now),
    [search, hot, stories, now, p.index, aggregate, pageLimit],
  );
  const total = p.warmTotal?.listed ?? (aggregate ? aggregate.total : search.ok ? search.result.total : 0);
  const approximate = aggregate ? aggregate.approximate : search.ok && (search.result.approximate ?? false);
  // A replaced index (the warm start's by the loaded one) names articles by other ids: the
  // selection and marks follow their articles by path.
  const shownIndex = useRef(p.index);
  if (shownIndex.current !== p.index) {
    dispatch({ type: 'reindex', map: idsByPath(shownIndex.current, p.index) });
    shownIndex.current = p.index;
  }
  // The pulse is drawn once counted; a count for an older result never reaches the reducer. Until
  // the facts exist a result bigger than the list's hits cannot be counted: the strip says so.
  const uncountable = !p.facts && search.ok && (search.result.approximate || search.result.hits.length < search.result.total);
  const pulse = aggregate ? aggregate.pulse : uncountable ? null : state.pulse;
  if (search.ok && listed && (listed !== state.rawHits || stories !== state.stories || total !== state.total)) {
    // One step for the result and its pulse (counted with it when the search named every match).
    dispatch({
      type: 'results',
      hits: listed,
      total,
      approximate,
      sort: hot ? 'hot' : search.result.sort,
      query: search.query,
      stories,
      pulse,
    });
  } else if (pulse !== state.pulse) {
    dispatch({ type: 'pulse', pulse, seq: state.resultsSeq });
  }

  const layout = layoutOf(state);
  // The body and inspector show `shownId`, which follows the selection BODY_FOLLOW_MS after the
  // list's frame is out, once no key is waiting: holding `j` moves the cursor at the keyboard's
  // pace, only the article it stops on is laid out, and the terminal shows the moved cursor while
  // this process is idle rather than busy laying out the body.
  const selectedId = state.selectedId;
  const [shownId, setShownId] = useState(selectedId);
  // A layout effect: it runs as the commit ends (the frame is written by then); a passive one
  // could wait for the next commit. Nothing is laid out for panes an overlay hides.
  const { overlay } = state;
  useLayoutEffect(
    () => (shownId === selectedId || overlay ? undefined : afterQuiet(BODY_FOLLOW_MS, () => setShownId(selectedId))),
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
  // The other outlets of the shown article's story, listed in the body pane.
  const also = useMemo<StoryOther[]>(() => {
    if (!stories || shownId === null || (stories.size[shownId] ?? 1) < 2) return [];
    return stories.members(stories.story[shownId]).filter((id) => id !== shownId).map((id) => {
      const a = p.index.article(id);
      return { source: a.source, title: a.title };
    });
  }, [stories, shownId, p.index]);
  const bodyWidth = bodyRect ? innerWidth(bodyRect) : 0;
  const bodyLines = useMemo(() => (article && bodyWidth ? orElse(() => bodyLineCount(article, bodyWidth, also), 0) : 0), [article, bodyWidth, also]);
  if (rows !== state.inspector || bodyLines !== state.bodyLines) dispatch({ type: 'measure', bodyLines, inspector: rows });

  // Every commit of App is a frame written (ink draws in the commit): the clock use-search.ts
  // reads to tell a key typed at leisure from one that queued behind a frame.
  useLayoutEffect(frameCommitted);

  useInputGuard();
  useKeys(state, dispatch, p.mouse ?? false, table);
  useEffectRunner(state.effects, dispatch, { index: p.index, reading, system: p.system ?? null, query, includeDrafts: p.includeDrafts ?? false, bodyWidth: innerWidth(layout.body) });

  // The start notice can come after the load (how many are new is known only then).
  useEffect(() => {
    if (p.startMessage) dispatch({ type: 'notice', message: p.startMessage });
  }, [p.startMessage]);

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
  const hits = useMemo(() => visibleHits(state), [state.hits, state.listTop, listRowsShown, state.mode]);
  const marks = useRowMarks(reading, state, p.index);
  // Over every match once the aggregate has them (exact), else over the hits in hand (`N+`); past
  // EXACT_UNREAD_MAX matches the hits in hand (a look-up per match costs ~0.5 us: 0.1 s at 200k).
  const everyMatch = aggregate && !aggregate.approximate && aggregate.ids && aggregate.ids.length <= EXACT_UNREAD_MAX ? aggregate.ids : null;
  const everyHit = useMemo(() => (everyMatch ? Array.from(everyMatch, (id): Hit => ({ id, score: 1, titleMatches: NO_RANGES })) : null), [everyMatch]);
  // Once per result set or reading change, after the frame that shows them (use-unread-count.ts).
  // While the aggregate of a result bigger than its hits is on its way (the facts are there to
  // count it), the last count stays rather than a lower bound over the hits for a frame or two.
  const partial = !everyMatch && state.rawHits.length < state.total;
  const countComing = partial && !!p.facts && search.ok && aggregate === null;
  const unread = useUnreadCount(reading, readingVersion, everyHit ?? state.rawHits, articleOf, partial, countComing);
  const width = Math.max(0, p.width);
  const frameHeight = Math.max(1, p.height - 1);
  const emptyMessage = query
    ? `no matches for "${query}"`
    : p.loading && p.loading.what !== 'text'
      ? 'loading…'
      : 'no articles';

  // Boxes clip only vertically: every row is already cut to its width by the component drawing
  // it (truncate-end, cutSpans), and a horizontal clip makes ink slice every line of every frame.
  return (
    <Box flexDirection="column" width={width} height={frameHeight} overflowY="hidden">
      <SearchLine query={state.query} mode={state.mode === 'search' ? 'search' : 'browse'} error={search.ok ? null : search.error} width={width} />
      {state.views.length > 0 ? <ViewTabs views={state.views} active={state.view} width={width} /> : null}
      <Box flexDirection={layout.kind === 'stacked' ? 'column' : 'row'} height={layout.paneHeight} width={width}>
        {state.overlay === 'help' ? (
          <Pane title="Help" width={width} height={layout.paneHeight} focused>
            <Help width={Math.max(0, width - 2)} height={Math.max(0, layout.paneHeight - 2)} keymap={table} page={state.overlayPage} />
          </Pane>
        ) : state.overlay === 'warnings' ? (
          <Pane title="Warnings" width={width} height={layout.paneHeight} focused>
            <WarningList warnings={p.warnings} width={Math.max(0, width - 2)} height={Math.max(0, layout.paneHeight - 2)} page={state.overlayPage} />
          </Pane>
        ) : (
          <>
            <Pane title={listTitle(listPosition(state), state.total, state.totalApproximate)} width={layout.list.width} height={layout.list.height} focused={state.focus === 'list'}>
              <PulseStrip pulse={state.pulse} width={innerWidth(layout.list)} rows={pulseRows(state)} focused={state.mode === 'pulse'} cursor={state.pulseCursor} />
              <ArticleList
                rowInfo={state.rowInfo}
                hits={hits}
                start={state.listTop}
                cursor={state.cursor}
                article={articleOf}
                width={innerWidth(layout.list)}
                height={Math.min(innerHeight(layout.list), listRows(state))}
                now={now}
                multi={state.multi}
                marked={marked}
                focused={state.focus === 'list'}
                emptyMessage={emptyMessage}
                marks={marks}
                marksVersion={reading?.version ?? 0}
              />
            </Pane>
            {layout.body ? (
              <Pane title="Article" width={layout.body.width} height={layout.body.height} focused={state.focus === 'body'} resetKey={shownId}>
                <ArticleBody article={article} width={innerWidth(layout.body)} height={innerHeight(layout.body)} scroll={state.bodyScroll} focused={state.focus === 'body'} now={now} also={also} />
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
        unreadIsLowerBound={unread?.lowerBound ?? false}
        total={p.warmTotal?.total ?? p.index.size - (p.hidden?.size ?? 0)}
        query={state.query}
        sort={state.usedSort}
        focus={state.focus}
        mode={state.mode}
        loading={p.loading}
        warnings={p.warnings.length}
        marked={state.marked.length}
        message={state.message}
        width={width}
        prompt={promptText(state.prompt)}
        unread={unread?.n ?? null}
        fresh={state.arrived - state.shownArrived}
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
