// Runs the interactive dashboard on the terminal (even when stdout is a pipe) and resolves with
// what the user chose. Owns the lifecycle around <App/>: terminal set-up, progressive loading,
// resize, signals and the guarantee that the terminal is restored before anything is printed.
import type { Options } from './args.js';
import type { Config } from './config/load-config.js';
import type { Binding } from './state/keymap.js';
import type { Article, LoadWarning } from './core/article.js';
import type { Facts, FactsProgress, StoryInfo, StoryMap } from './core/stories/index.js';
import type { LoadProgress } from './ui/StatusBar.js';
import { PathError } from './core/files/index.js';
import { importBodyPreload, importSearchEngine } from './core/search/index.js';
import { readBodiesAhead } from './body-read-ahead.js';
import { IdsByPath } from './ids-by-path.js';
import { dashboardFacts, readWarmFacts, storiesComing } from './dashboard-facts.js';
import type { DashboardStart } from './dashboard-start.js';
import { forceColourLevel } from './terminal.js';
import { NAME } from './output.js';

/** How a dashboard session ended. */
export type DashboardOutcome =
  | { kind: 'chosen'; articles: Article[]; warnings: LoadWarning[]; storyOf?: (a: Article) => StoryInfo; marks?: (a: Article) => { read: boolean; saved: boolean; new: boolean } }
  | { kind: 'cancelled'; warnings: LoadWarning[] }
  | { kind: 'path-error'; message: string };
const PROGRESS_INTERVAL_MS = 100; // progress repaints at most this often: one per file would cost more than loading

/** What the configuration and the state folder bring to a dashboard session. */
export interface DashboardSetup {
  config: Config;
  keymap: readonly Binding[];
  /** The view to start on (1-based; 0 for All). */
  view: number;
  stateDir: string;
}

/**
 * Runs the dashboard on `paths` over the terminal and first frames `start` (dashboard-start.ts)
 * drew; resolves once the user chose, cancelled, or the folder could not be read.
 */
export async function runDashboard(options: Options, paths: string[], setup: DashboardSetup, start: DashboardStart): Promise<DashboardOutcome> {
  const { term, ui } = start;
  let warm = start.warm;
  let finished = false;
  const early = warm && options.cache ? readWarmFacts(paths, warm.rowIds, () => finished) : null; // read while the UI loads
  // chalk (inside ink) takes its colour level when first imported: the terminal's (terminal.ts).
  // ink also renders nothing until exit when it believes it runs under CI; a dashboard with a
  // terminal is never a CI log, so those variables are dropped before ink is imported.
  const unforceColour = forceColourLevel(term.colours);
  // React and ink's reconciler load their development builds (extra checks, several times slower
  // per frame) unless NODE_ENV says production: whatever the shell exports, production here (not with --debug).
  process.env.NODE_ENV = options.debug ? 'development' : 'production';
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const [{ render }, { createElement }, { App }, { loadCorpus }, { SearchIndex, indexAnswers }, { Reading, newCounted, newSinceMessage, readingUnavailableMessage }, { applyTheme }, { systemActions }, { preloadBodies }, { startLiveUpdates, prestartWatchProcess, warningsAfter, LiveView }, { attachWords, openWordsEarly }, { cacheDirectory, indexFile }] = await Promise.all([
    import('ink'),
    import('react'),
    import('./ui/App.js'),
    import('./core/load/index.js').then((face) => face.importLoader()),
    importSearchEngine(),
    import('./core/reading/index.js'),
    import('./ui/theme.js'),
    import('./system/actions.js'),
    importBodyPreload(),
    import('./live-updates.js'),
    import('./index-words.js'),
    import('./core/index/index.js'),
  ]);
  unforceColour();
  // The folder watch's process starts while the corpus loads, not after the list (subscriber.ts).
  prestartWatchProcess();
  const [{ FrameWriter }, { shareInkOutputCaches }, { installCompositor }, { drawFastFramesTo }] = await Promise.all([import('./ui/frame/frame-writer.js'), import('./ui/frame/ink-output-cache.js'), import('./ui/frame/ink-compositor.js'), import('./ui/frame/fast-frame.js')]);
  // ink's own frame building is the fallback for frames the compositor does not take; it keeps
  // its line caches across frames too.
  await shareInkOutputCaches();
  await installCompositor();
  // NO_COLOR leaves colour out, not bold or inverse: the mono theme (terminal.ts colourChoice).
  applyTheme(term.colours.noColour ? 'mono' : setup.config.theme);
  // Reading state is a convenience: a state folder that cannot be used (read-only home, a
  // database another program holds locked) is reported in the status line, never fatal.
  let reading: InstanceType<typeof Reading> | null = null;
  let startMessage: string | null = null;
  try {
    reading = Reading.open(setup.stateDir);
  } catch (error) {
    startMessage = readingUnavailableMessage(error);
  }
  process.on('exit', () => {
    try {
      const unsaved = reading?.endSession(); // marks a locked state.db kept out at the last try, said after the terminal is restored (its listener came first)
      if (unsaved) process.stderr.write(`${NAME}: ${unsaved}\n`);
    } catch {
      // The database went away; the marks already written are safe.
    }
  });

  return new Promise<DashboardOutcome>((resolve, reject) => {
    const index = new SearchIndex();
    let version = 0;
    let loading: LoadProgress | null = { done: 0, total: 0 };
    let warnings: LoadWarning[] = [];
    let stories: StoryMap | null = null;
    let facts: Facts | null = null;
    let factsProgress: FactsProgress | null = null;
    let storyOf: ((a: Article) => StoryInfo) | undefined;
    let size = { columns: term.output.columns || 80, rows: term.output.rows || 24 };
    const system = systemActions(term, () => frames.invalidate()); // after the editor the next frame is drawn whole
    // Live updates: article id by path, and what the UI is given of them (ids hidden, arrivals, edited articles' new ids).
    const ids = new IdsByPath((id) => index.article(id).path);
    const liveView = new LiveView();
    let live: { close(): Promise<void> } | null = null;

    // Coins, stories and the pulse's codes on the facts worker: loaded, kept up to date, counting (dashboard-facts.ts).
    const factsOf = dashboardFacts({
      index,
      group: options.group,
      cacheFile: options.cache ? indexFile(cacheDirectory(), paths) : null, early,
      finished: () => finished,
      onFacts: (computed) => {
        ({ facts, stories, storyOf } = computed);
        factsProgress = null;
        update();
      },
      // A big folder's first computation: the pulse counts the articles done meanwhile.
      onProgress: (progress) => {
        if (facts || finished) return;
        factsProgress = progress;
        update();
      },
      onWarmFacts: (computed) => void (warm && !finished && (({ facts, stories } = computed), update())), // while the warm page is shown
    });
    if (warm) factsOf.warm(warm.index, warm.rowIds);

    const finish = (outcome: DashboardOutcome) => {
      if (finished) return;
      finished = true;
      drawFastFramesTo(null);
      void live?.close();
      factsOf.close();
      instance.unmount();
      // Restore only once ink's last writes have reached the terminal, or they would be drawn
      // on the main screen after we left the alternate one.
      term.output.write('', () => {
        term.restore();
        resolve(outcome);
      });
    };

    const element = () =>
      createElement(App, {
        index: warm?.index ?? index, warmTotal: warm, version,
        initialQuery: options.query, sort: options.sort, includeDrafts: options.drafts, multi: options.multi, mouse: options.mouse,
        // What the facts worker found (dashboard-facts.ts), or how far its first computation got.
        stories, facts, counter: factsOf.counter, factsProgress,
        storiesComing: storiesComing({ group: options.group, stories, listWhole: !!warm || !loading || loading.what === 'text', progress: factsProgress }),
        warnings, loading, width: size.columns, height: size.rows,
        reading, views: setup.config.views, initialView: setup.view, keymap: setup.keymap, system, startMessage,
        arrivals: liveView.arrivals, hidden: liveView.hidden, replaced: liveView.replaced, liveNotice: liveView.notice,
        onDone: (result) =>
          finish(
            result.kind === 'chosen'
              ? { kind: 'chosen', articles: result.articles, warnings, storyOf, marks: reading?.chosenMarks(result.articles) }
              : { kind: 'cancelled', warnings },
          ),
      });

    const frames = new FrameWriter(term.output, term.fds.output);
    // A cursor move's list rows reach the terminal before React renders the key (ui/frame/fast-frame.ts).
    drawFastFramesTo(frames);
    const instance = render(element(), {
      stdout: frames as unknown as NodeJS.WriteStream,
      stdin: term.input,
      exitOnCtrlC: false,
      patchConsole: false,
      // ink's debug mode hands each whole frame to `frames`, which writes only the changed rows
      // (ui/frame-writer.ts), and skips ink's render throttle (maxFps, default 30: a frame that
      // followed another within ~34 ms waited for the next slot). The app spaces its own
      // loading repaints; a keystroke makes one frame, two when its search or body follows.
      debug: true,
    });
    ui.unmount = () => instance.unmount();
    const update = () => {
      if (!finished) instance.rerender(element());
    };
    instance.waitUntilExit().catch((error: unknown) => {
      term.restore();
      reject(error);
    });
    term.onResize((s) => {
      size = s;
      update();
    });

    let nextPaint = 0;
    // The facts asked for once the load knows every article's row (a warm start), read by the worker
    // while the articles are made; handed over with the list's first full frame, or once it is (`listed`).
    let listedNow = (): void => {};
    const listed = new Promise<void>((resolve) => (listedNow = resolve));
    let askedEarly = false;
    // The index's words for the rows told early (index-words.ts openWordsEarly), attached after the list.
    let wordsEarly: ReturnType<typeof openWordsEarly> | null = null;
    loadCorpus(paths, {
      maxFileSize: options.maxFileSize,
      cache: options.cache,
      clearCache: options.clearCache,
      collectAfter: 50_000, // the load's garbage collected before the list's first full render, the peak of a big one (load.ts)
      onRowIds: (rowIds) => void ((askedEarly = true), factsOf.load(rowIds, listed), (wordsEarly = openWordsEarly(paths, rowIds))),
      // Articles appear in the list as they stream in; the index grows in place.
      onArticles: (batch) => {
        index.add(batch);
        for (const a of batch) ids.setArticle(a);
        version += 1;
      },
      // The full text is indexed after the list, on its own thread; its progress takes the
      // status line's loading slot until it is done.
      onTextProgress: (done, total) => {
        if (finished) return;
        loading = done < total ? { done, total, what: 'text' } : null;
        const now = performance.now();
        if (loading !== null && now < nextPaint) return;
        nextPaint = now + PROGRESS_INTERVAL_MS;
        update();
      },
      onWalk: (found) => void ((loading = { done: 0, total: 0, found }), update()), // walk's count
      onProgress: (done, total) => {
        loading = { done, total };
        const now = performance.now();
        if (now < nextPaint) return;
        update();
        // A repaint re-runs the live query over everything loaded so far; on a big corpus that
        // grows, so repaints are spaced to at most a quarter of the main thread's time and the
        // load itself keeps the rest.
        const cost = performance.now() - now;
        nextPaint = now + Math.max(PROGRESS_INTERVAL_MS, 3 * cost);
      },
    }).then(
      (result) => {
        listedNow();
        warnings = result.warnings;
        loading = null;
        warm = null; // the loaded index replaces the warm start's first page
        [facts, stories] = [null, null]; // the page's facts name its ids: dropped for the list's own (here already if asked early: onRowIds)
        const early = factsOf.handOverNow();
        if (early) [{ facts, stories, storyOf }, factsProgress] = [early, null];
        version += 1;
        update();
        // Bodies read ahead now, or when a search needs one the index's words do not answer (body-read-ahead.ts); free words from the index (index-words.ts).
        const searchAgain = (): void => ((version += 1), update());
        const readAhead = readBodiesAhead({ index, wordsComing: result.textReady, preload: preloadBodies, indexAnswers, finished: () => finished, searchAgain });
        // Seen once the search is warmed (ReadAhead.prepared), in slices between keys (Reading.seeInSlices); then the "N new" message.
        const seen = (fresh: number): void => ((startMessage = newSinceMessage(fresh, reading!.previousEnd) ?? startMessage), update());
        const unseen = (error: unknown): void => ((startMessage = readingUnavailableMessage(error)), update());
        // Not `result` in the closure (see below): the list is handed over once, then let go.
        const sight = [result.articles];
        void readAhead.prepared.then(() => (finished ? undefined : reading?.seeInSlices(sight.pop() ?? [], () => new Promise((r) => setImmediate(r)), undefined, undefined, newCounted(options.drafts)).then(seen, unseen)));
        attachWords(index, paths, result, () => finished, readAhead.attached, readAhead.start, searchAgain, wordsEarly);
        if (!finished) {
          const hiddenNow = new Set<number>();
          live = startLiveUpdates({
            paths,
            index,
            maxFileSize: options.maxFileSize,
            cache: options.cache,
            ids,
            skipped: new Set(result.warnings.map((w) => w.path)),
            hidden: hiddenNow,
            onMerged: (added, fresh, replaced) => {
              if (finished) return;
              try {
                // A rename (or an edit) that gives the article another key: its marks go with it (Reading.carry).
                reading?.carry([...replaced].map(([was, now]) => [index.article(was), index.article(now)] as const));
                reading?.see(added);
              } catch {
                // The marks of the new articles start empty; nothing to report per article.
              }
              const gone = liveView.merged(hiddenNow, fresh, replaced);
              version += 1;
              update();
              factsOf.changed(gone); // counted at once: only the new articles' facts and stories are computed
            },
            onRoot: (root, gone) => void (finished || (liveView.root(root, gone), update())),
            onWarnings: (more, settled) => {
              const next = warningsAfter(warnings, more, settled);
              if (next !== warnings) ((warnings = next), update());
            },
          });
        }
        // Stories and the pulse's counts, from the index's rows (a cold load writes them after the list),
        // unless asked for already: the rows told early are result.indexIds (in-walk-order.ts heldRowIds). Not `result` in the closure: this scope's closures live on, and would keep its articles' list (10 MB at 1M).
        if (!askedEarly) void result.rowsWritten.then(((rowIds) => (ok: boolean) => factsOf.load(ok ? rowIds : null))(result.indexIds));
      },
      (error: unknown) => {
        if (error instanceof PathError) {
          finish({ kind: 'path-error', message: error.message });
        } else {
          term.restore();
          reject(error);
        }
      },
    );
  });
}
