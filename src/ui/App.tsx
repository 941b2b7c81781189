// The dashboard: the one place that reads input. Keys become reducer actions (use-keys.ts);
// search results and measured sizes are fed into the reducer during render so the frame that
// shows new results already has a valid cursor; onDone fires exactly once.
import { Box } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { pulseOf } from '../core/pulse/index.js';
import { hotOrder, type StoryMap } from '../core/stories/index.js';
import type { Article, LoadWarning } from '../core/article.js';
import { inspectorRows } from '../core/inspector-tree.js';
import type { SearchIndex } from '../core/search.js';
import { innerHeight, innerWidth } from '../state/layout.js';
import { initialState, reducer, type ListSort } from '../state/reducer.js';
import { layoutOf, listRows, pulseRows, visibleHits } from '../state/selectors.js';
import { ArticleBody, bodyLineCount, type StoryOther } from './ArticleBody.js';
import { ArticleList } from './ArticleList.js';
import { Help } from './Help.js';
import { Inspector } from './Inspector.js';
import { Pane } from './Pane.js';
import { PulseStrip } from './PulseStrip.js';
import { SearchLine } from './SearchLine.js';
import { StatusBar } from './StatusBar.js';
import { useInputGuard } from './use-input-guard.js';
import { useKeys } from './use-keys.js';
import { useSearch } from './use-search.js';
import { WarningList } from './WarningList.js';

/** Props of App (see the CLI): the index, terminal size, options, and the exit callback. */
export interface AppProps {
  index: SearchIndex;
  version: number;
  initialQuery?: string;
  sort?: ListSort;
  /** The corpus's stories once grouped (after loading); null or absent: one row per article. */
  stories?: StoryMap | null;
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

  // `hot` orders the engine's date order by hot score (core/stories/hot.ts).
  const hot = state.sort === 'hot';
  const search = useSearch(p.index, p.version, state.query, state.sort === 'hot' ? 'date' : state.sort, p.includeDrafts ?? false, now, state.cursor);
  const stories = p.stories ?? null;
  const listed = useMemo(() => {
    if (!search.ok) return null;
    const hits = search.result.hits;
    if (!hot) return hits;
    const byId = new Map(hits.map((h) => [h.id, h]));
    return hotOrder(hits.map((h) => h.id), (id) => p.index.article(id), stories?.size ?? null, now).map((id) => byId.get(id)!);
  }, [search, hot, stories, now, p.index]);
  if (search.ok && listed && (listed !== state.rawHits || stories !== state.stories)) {
    dispatch({
      type: 'results',
      hits: listed,
      total: search.result.total,
      approximate: search.result.approximate,
      sort: hot ? 'hot' : search.result.sort,
      query: state.query,
      stories,
    });
  }

  // The pulse is counted after the list is drawn, never before it; a count for an older result
  // is cancelled here or dropped by the reducer.
  const { resultsSeq, rawHits } = state;
  useEffect(() => {
    const timer = setTimeout(() => {
      dispatch({ type: 'pulse', pulse: pulseOf(rawHits.map((h) => p.index.article(h.id))), seq: resultsSeq });
    }, 0);
    return () => clearTimeout(timer);
  }, [resultsSeq, rawHits, p.index]);

  const layout = layoutOf(state);
  const selectedId = state.selectedId;
  // Guarded: in the render that dispatches new results, selectedId can still be the old one.
  const article = selectedId === null ? null : orElse(() => p.index.article(selectedId), null);
  // Measuring must not crash on odd data either; the panes' own boundaries show the failure.
  const rows = useMemo(() => (article ? orElse(() => inspectorRows(article, state.expanded), []) : []), [article, state.expanded]);
  const bodyRect = layout.body;
  // The other outlets of the selected article's story, listed in the body pane.
  const also = useMemo<StoryOther[]>(() => {
    if (!stories || selectedId === null || (stories.size[selectedId] ?? 1) < 2) return [];
    return stories.members(stories.story[selectedId]).filter((id) => id !== selectedId).map((id) => {
      const a = p.index.article(id);
      return { source: a.source, title: a.title };
    });
  }, [stories, selectedId, p.index]);
  const bodyLines = article && bodyRect ? orElse(() => bodyLineCount(article, innerWidth(bodyRect), also), 0) : 0;
  if (rows !== state.inspector || bodyLines !== state.bodyLines) dispatch({ type: 'measure', bodyLines, inspector: rows });

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
              <PulseStrip pulse={state.pulse} width={innerWidth(layout.list)} rows={pulseRows(state)} focused={state.mode === 'pulse'} cursor={state.pulseCursor} />
              <ArticleList
                rowInfo={state.rowInfo}
                hits={visibleHits(state)}
                start={state.listTop}
                cursor={state.cursor}
                article={(id) => p.index.article(id)}
                width={innerWidth(layout.list)}
                height={Math.min(innerHeight(layout.list), listRows(state))}
                now={now}
                multi={state.multi}
                marked={marked}
                focused={state.focus === 'list'}
                emptyMessage={emptyMessage}
              />
            </Pane>
            {layout.body ? (
              <Pane title="Article" width={layout.body.width} height={layout.body.height} focused={state.focus === 'body'} resetKey={state.selectedId}>
                <ArticleBody article={article} width={innerWidth(layout.body)} height={innerHeight(layout.body)} scroll={state.bodyScroll} focused={state.focus === 'body'} now={now} also={also} />
              </Pane>
            ) : null}
            {layout.inspector ? (
              <Pane title="Inspector" width={layout.inspector.width} height={layout.inspector.height} focused={state.focus === 'inspector'} resetKey={state.selectedId}>
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
