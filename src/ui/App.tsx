// The dashboard: the one place that reads input. Keys become reducer actions (use-keys.ts);
// search results and measured sizes are fed into the reducer during render so the frame that
// shows new results already has a valid cursor; onDone fires exactly once.
// The list answers first: a keystroke's frame shows the query and the cursor; the search
// (use-search.ts) and the newly selected article's body and inspector follow in frames of their
// own, after any keys already waiting. Every pane is memoised and gets stable props, so a frame
// re-renders only the panes whose input changed.
import { Box } from 'ink';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { EVERY_MATCH } from '../core/search/index.js';
import { searchWithReading } from '../core/reading/index.js';
import { keymap as defaultKeymap } from '../state/keymap.js';
import { hintKey, keyHints } from '../state/keymap-remap.js';
import { innerHeight, innerWidth } from '../state/layout.js';
import { initialState, reducer, type Action, type AppState } from '../state/reducer.js';
import { bodyPercent, hitDepth, layoutOf, listRows, partlyMarked, pulseRows, visibleHits } from '../state/selectors.js';
import { groupingPercent } from '../state/pulse-line.js';
import { ArticleBody, bodyTitle } from './ArticleBody.js';
import { ArticleList, listTitle } from './ArticleList.js';
import { Help } from './Help.js';
import { Inspector } from './Inspector.js';
import { Pane } from './Pane.js';
import { PulseStrip } from './pulse/PulseStrip.js';
import { SearchLine } from './SearchLine.js';
import { StatusBar, statusOf } from './StatusBar.js';
import { useInputGuard } from './input/use-input-guard.js';
import { useKeys } from './input/use-keys.js';
import { rowMarksOf, useRowMarks } from './row-marks.js';
import { BODY_FOLLOW_MS, frameCommitted, inputIsBehind } from './input/after-input.js';
import { HeldActions } from './input/held-actions.js';
import { useShownArticle } from './use-shown-article.js';
import { useSessionClock } from './use-session-clock.js';
import { useEffectRunner } from './use-effects.js';
import { useUnreadCount } from './use-unread-count.js';
import { idsByPath } from '../state/index-swap.js';
import { hotOrderComing, listedHits, useAggregate } from './pulse/use-aggregate.js';
import { answerComing, keysWait, listedAnswer, listSearch, resultsStep } from './list/list-results.js';
import { useOrderWait } from './list/order-wait.js';
import { drawCursorMove, drawTyped, laneTitle, planCursorMove, useListLane } from './list/list-lane.js';
import { listLimit, SearchCache, useSearch, type AnsweredSearch } from './use-search.js';
import { ViewTabs } from './ViewTabs.js';
import { WarningList } from './WarningList.js';
import type { AppProps } from './app-props.js';

export type { AppProps } from './app-props.js';

/** The interactive dashboard; renders exactly `height - 1` rows of at most `width` columns. */
export function App(p: AppProps) {
  // The index can be replaced (the warm start's first page by the loaded one): what reads it from
  // a closure made once reads the current one.
  const indexRef = useRef(p.index);
  indexRef.current = p.index;
  const now = useSessionClock(p.index, p.version, p.now, p.clock);
  const [state, react] = useReducer(reducer, p, (props) =>
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
  // Actions reach React through `held`: a cursor move drawn ahead a moment later, anything else
  // after what is held (input/held-actions.ts). A render for new props takes held keys along first
  // (a render-phase update), so `latest` never falls behind what the key handler drew.
  const [held] = useState(() => new HeldActions(react));
  const dispatch = held.send;
  useEffect(() => () => held.dispose(), [held]);
  if (held.pending) held.release();
  const releasedLate = held.releasedLate; // keys whose answer has been on the terminal a while
  const reading = p.reading ?? null;
  const table = p.keymap ?? defaultKeymap;

  // Props the reducer mirrors: updated during render (React re-renders at once, before commit).
  if (state.width !== p.width || state.height !== p.height) dispatch({ type: 'resize', width: p.width, height: p.height });
  if (state.warningsCount !== p.warnings.length) dispatch({ type: 'warnings', count: p.warnings.length });
  if (p.arrivals && state.arrivals !== p.arrivals) dispatch({ type: 'arrived', ids: p.arrivals });
  if (p.replaced?.size && state.replaced !== p.replaced) dispatch({ type: 'replaced', map: p.replaced });
  const grouping = groupingPercent(p.factsProgress);
  if (state.grouping !== grouping) dispatch({ type: 'grouping', percent: grouping });

  const { request, query, hot, engineSort } = listSearch(p, state, now);
  const includeDrafts = p.includeDrafts ?? false;
  const readingVersion = reading?.version ?? 0;
  // The latest state and props for the key handler, which runs between renders.
  const latest = useRef(state);
  latest.current = state;
  const props = useRef(p);
  props.current = p;
  const [answers] = useState(() => new SearchCache());
  // A cursor move's rows and title drawn before this renders it (list/list-lane.ts).
  const lane = useListLane();
  lane.rendered = state;
  lane.titleOf ??= laneTitle(listTitle);
  lane.marksFor = (s) => rowMarksOf(reading, s, p.index);
  // A deferred search's answer arrives as one reducer step (one render), or as a redraw when it
  // changes no list (a malformed query's message).
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const answered = (outcome: AnsweredSearch) => {
    const step = resultsStep(latest.current, listedAnswer(props.current, outcome, null, false));
    if (step) dispatch(step);
    else redraw();
  };
  const search = useSearch(request, answers, answered);
  const stories = p.stories ?? null;
  // While the index is a warm start's first page of a bigger folder, or a load has found nothing yet, counts over it would be wrong.
  const partialIndex = (!!p.warmTotal && p.index.size < p.warmTotal.listed) || (!!p.loading && p.index.size === 0);
  const queryReadingVersion = /is:/i.test(query) ? readingVersion : 0;
  // The pulse, the hot order and the count over every match, after the list (use-aggregate.ts).
  const aggregate = useAggregate({
    index: p.index, search, query, sort: engineSort, hot, includeDrafts, now, reading,
    readingVersion: queryReadingVersion, hidden: p.hidden ?? null, facts: p.facts ?? null, counter: p.counter ?? null, progress: p.factsProgress ?? null,
    partial: partialIndex, held: request.held,
    // The counts reach the reducer with the aggregate (the hot order is listedHits' business: it follows in the render).
    // An aggregate of a search a key has already replaced (its render still pending) is left to that render.
    onCounted: (a) => {
      const step = hot || a.search !== answers.last() ? null : resultsStep(latest.current, listedAnswer(props.current, a.search as AnsweredSearch, a, false));
      if (step) dispatch(step);
    },
  });
  const pageLimit = listLimit(hitDepth(state));
  const listed = useMemo( // story sizes from the facts with `--no-group` (no stories): it folds no rows, but hot counts them
    () => listedHits(search, hot, aggregate, pageLimit, (id) => p.index.article(id), stories?.size ?? p.facts?.size ?? null, now),
    [search, hot, stories, p.facts, now, p.index, aggregate, pageLimit],
  );
  // Until the aggregate's hot order or the stories are in, keys that act on the rows wait for them (list/order-wait.ts).
  const hotComing = hotOrderComing({ hot, search, aggregate, facts: p.facts ?? null, counter: p.counter ?? null, progress: p.factsProgress ?? null });
  const orderWait = useOrderWait(hotComing || (!!p.storiesComing && !stories));
  // A replaced index (the warm start's by the loaded one) names articles by other ids: the
  // selection and marks follow their articles by path.
  const shownIndex = useRef(p.index);
  if (shownIndex.current !== p.index) {
    dispatch({ type: 'reindex', map: idsByPath(shownIndex.current, p.index) });
    shownIndex.current = p.index;
  }
  // New results (and their pulse when counted with them), or a pulse counted since; usually the
  // key handler has already put them in the state (keyStep below) and this finds nothing to do.
  const step = resultsStep(state, { ...listedAnswer(p, search, aggregate, hot), listed, final: !orderWait });
  if (step) dispatch(step);

  const layout = layoutOf(state);
  // What the body and inspector show: the selection, BODY_FOLLOW_MS after the list's frame (use-shown-article.ts).
  const bodyWidth = layout.body ? innerWidth(layout.body) : 0;
  const shown = useShownArticle(state, latest, dispatch, { index: p.index, version: p.version, stories, expanded: state.expanded, bodyWidth }, releasedLate ? 0 : BODY_FOLLOW_MS);
  const { id: shownId, article, also, drawn } = shown;
  // A row selected whose article the body has not followed yet (it reads after a pause); once it
  // has followed, no article means none could be read.
  const pending = article === null && state.selectedId !== null && shownId !== state.selectedId;
  // The body and inspector panes as elements made again only when what they show changes: a
  // keystroke that moves the list or types a query does not render them (nor their borders) at all.
  const [bodyRect, inspectorRect, focus] = [layout.body, layout.inspector, state.focus];
  const readPercent = bodyPercent(state);
  const bodyPane = useMemo(
    () =>
      bodyRect ? (
        <Pane title={bodyTitle(article ? readPercent : null)} width={bodyRect.width} height={bodyRect.height} focused={focus === 'body'} resetKey={shownId}>
          <ArticleBody article={article} width={innerWidth(bodyRect)} height={innerHeight(bodyRect)} scroll={state.bodyScroll} focused={focus === 'body'} now={now} also={also} drawn={drawn} pending={pending} />
        </Pane>
      ) : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bodyRect?.width, bodyRect?.height, focus === 'body', shownId, article, state.bodyScroll, now, also, readPercent, drawn],
  );
  const inspectorPane = useMemo(
    () =>
      inspectorRect ? (
        <Pane title="Inspector" width={inspectorRect.width} height={inspectorRect.height} focused={focus === 'inspector'} resetKey={shownId}>
          <Inspector article={article} width={innerWidth(inspectorRect)} height={innerHeight(inspectorRect)} cursor={state.inspectorCursor} expanded={state.expanded} focused={focus === 'inspector'} pending={pending} />
        </Pane>
      ) : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [inspectorRect?.width, inspectorRect?.height, focus === 'inspector', shownId, article, state.inspectorCursor, state.expanded],
  );

  // Every commit of App is a frame written (ink draws in the commit): the clock use-search.ts
  // reads to tell a key typed at leisure from one that queued behind a frame.
  useLayoutEffect(frameCommitted);

  useInputGuard();
  // A key that changes the search is searched as it is read, when the screen is up to date (or
  // `atOnce`: a key acting on the results needs them): App renders once for the key and its results.
  const keyStep = (next: AppState, atOnce = false): Action | null => {
    const ask = listSearch(props.current, next, now);
    // The hot order waits for the aggregate; a request already answered changes nothing.
    if (ask.hot || (!atOnce && answers.held(ask.request))) return null;
    // A recent answer (a backspace, a query typed again) is taken even with keys waiting: it costs nothing.
    const known = answers.recall(ask.request);
    if (!known && !atOnce && inputIsBehind()) return null;
    return resultsStep(next, listedAnswer(props.current, known ?? answers.answer(ask.request), null, false));
  };
  // Keys typed ahead wait for a list to act on, and for the answer of a view switched to in their burst (keysWait).
  const notYet = (s: AppState): boolean => keysWait(s, answers.last(), props.current.loading, props.current.index.size);
  // A key whose list answer was drawn ahead (a cursor move, a typed key) reaches React later
  // (held): its render would keep a core busy while the terminal takes the rows in.
  const drawAhead = (before: AppState, next: AppState): boolean => drawCursorMove(lane, before, next) || drawTyped(lane, before, next);
  useKeys(latest, held, p.mouse ?? false, table, keyStep, drawAhead, notYet, (before, next) => planCursorMove(lane, before, next), (s) => answerComing(s, answers.last()));
  useEffectRunner(state.effects, dispatch, { index: p.index, reading, system: p.system ?? null, query, includeDrafts: p.includeDrafts ?? false, held: request.held, bodyWidth, keyOf: (c) => hintKey(c, table) });

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

  const [marked, partly] = useMemo(() => [new Set(state.marked), partlyMarked(state)] as const, [state.marked, state.rawHits, state.rowInfo, state.stories]);
  const articleOf = useCallback((id: number) => p.index.article(id), [p.index]);
  const listRowsShown = layout.list.height;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const hits = useMemo(() => visibleHits(state), [state.hits, state.listTop, listRowsShown, state.mode]);
  const marks = useRowMarks(reading, state, p.index);
  // Exact, over every match (searched again for their ids when the list's search does not name them all), after the list (use-unread-count.ts).
  const again = () => searchWithReading(p.index, query, { sort: engineSort ?? undefined, includeDrafts, now, limit: EVERY_MATCH, idsOnly: true }, reading, queryReadingVersion, p.hidden ?? null, request.held);
  const unread = useUnreadCount(reading, readingVersion, { search, partial: partialIndex, again, size: p.index.size }, articleOf);
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
      <SearchLine query={state.query} mode={state.mode === 'search' ? 'search' : 'browse'} error={search.ok ? null : search.error} width={width} lane={lane} hints={keyHints(table)} />
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
            <Pane title={lane.titleOf(state)} width={layout.list.width} height={layout.list.height} focused={state.focus === 'list'} lane={lane}>
              <PulseStrip pulse={state.pulse} width={innerWidth(layout.list)} rows={pulseRows(state)} focused={state.mode === 'pulse'} cursor={state.pulseCursor} grouping={state.grouping} />
              <ArticleList
                rowInfo={state.rowInfo} byDate={state.usedSort === 'date'}
                hits={hits}
                start={state.listTop}
                cursor={state.cursor}
                article={articleOf}
                width={innerWidth(layout.list)}
                height={Math.min(innerHeight(layout.list), listRows(state))}
                now={now}
                multi={state.multi}
                marked={marked} partlyMarked={partly}
                focused={state.focus === 'list'}
                emptyMessage={emptyMessage}
                marks={marks}
                marksVersion={reading?.version ?? 0}
                lane={lane}
              />
            </Pane>
            {bodyPane}
            {inspectorPane}
          </>
        )}
      </Box>
      <StatusBar
        {...statusOf(state)}
        unreadIsLowerBound={unread?.lowerBound ?? false}
        total={p.warmTotal?.total ?? p.index.size - (p.hidden?.size ?? 0)}
        loading={p.loading}
        warnings={p.warnings.length} notice={p.liveNotice ?? null}
        width={width}
        unread={unread?.n ?? null} hints={keyHints(table)}
        lane={lane}
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
