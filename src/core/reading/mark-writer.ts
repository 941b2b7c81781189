// Mark changes on their way to state.db. A mark is the user's own state and must never be lost,
// and the dashboard's thread must never wait long: another program holding the database's write
// lock (a `sqlite3` shell inside `BEGIN IMMEDIATE`, a backup tool) once froze every key for the
// busy timeout (5 s) and then dropped the mark with `database is locked` (found by a tester).
// So a change is queued here (in memory, merged per article: the latest value of each mark wins),
// written at once with a short wait for the lock, and, when the lock is not had, kept and tried
// again in the background until it is written; the exit gives what is left a last, longer try.
// Another dashboard's writes take milliseconds, so two open at once still write at the first try.
import type Database from 'better-sqlite3';
import { errorMessage } from '../error-message.js';

/** How long a change made on a key waits for the write lock (ms) before it is queued for later. */
export const TRY_MS = 50;
/** How often queued changes are tried again while the lock is held elsewhere (ms). */
export const RETRY_MS = 400;
/** How long a background try waits for the lock (ms): the UI thread is blocked that long at most per try. */
export const RETRY_WAIT_MS = 10;
/** How long the exit waits for the lock when changes are still queued (ms). */
export const EXIT_TRY_MS = 3000;

/** Which mark a change sets. */
export type MarkColumn = 'read' | 'saved';

/** What is not written yet: `unsaved` articles whose marks wait, and why the last try failed (null: nothing failed). */
export interface SaveState {
  unsaved: number;
  reason: string | null;
}

// An article's queued marks: null where it is not changed (another dashboard's value is kept),
// `firstSeen` for a row the write inserts, `at` the time of the latest change.
interface Change {
  read: 0 | 1 | null;
  saved: 0 | 1 | null;
  firstSeen: number;
  at: number;
}

/** Whether `error` is SQLite's "the lock is held elsewhere" (SQLITE_BUSY and its extended codes, SQLITE_LOCKED). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** The reason said for a failed write: `state.db is locked by another program` when busy, else the error's message. */
export function writeFailure(error: unknown, file: string): string {
  return isBusy(error) ? `${file} is locked by another program` : errorMessage(error);
}

/**
 * The queue of mark changes of one database connection (see the header). `file`: the name the
 * reasons give the database. Every method is synchronous; none throws for a failed write.
 */
export class MarkWriter {
  private readonly pending = new Map<string, Change>();
  private timer: NodeJS.Timeout | null = null;
  private reason: string | null = null;
  private upsert: Database.Statement | null = null;
  // Until this time (epoch ms) the lock is taken to be held elsewhere: writes that may simply be
  // dropped (first sight) do not wait for it.
  private busyUntil = 0;
  /** Told when the state changes: a write failed (again), or the queued changes were written after one had. */
  onChange: ((state: SaveState) => void) | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {}

  /** What waits now. */
  get state(): SaveState {
    return { unsaved: this.pending.size, reason: this.reason };
  }

  /** What the last failed write threw (undefined after a write that succeeded). */
  get failure(): unknown {
    return this.reason === null ? undefined : this.error;
  }

  private error: unknown;

  /** Whether a write failed for the lock within the last RETRY_MS (set by any write, see() too: noteFailure). */
  get busy(): boolean {
    return Date.now() < this.busyUntil;
  }

  /**
   * Queues `column` = `value` for each of `keys` (`firstSeen(key)`: its first sight, for a row not
   * there yet; `now`: the change's time), then writes the queue, unless a try failed moments ago:
   * the background retry writes it then, and a key is never blocked on twice.
   */
  set(column: MarkColumn, keys: readonly string[], value: boolean, firstSeen: (key: string) => number, now: number): void {
    for (const key of keys) {
      const had = this.pending.get(key);
      const change: Change = had ?? { read: null, saved: null, firstSeen: firstSeen(key), at: now };
      change[column] = value ? 1 : 0;
      change.at = now;
      // Latest last: the queue is written in the order the articles were last changed.
      this.pending.delete(key);
      this.pending.set(key, change);
    }
    if (this.timer !== null) return;
    // The lock was found held moments ago (first sight's write, see()): queued for the retry, not waited for again.
    if (this.busy) this.noteFailure(this.error);
    else this.flush();
  }

  /**
   * Writes every queued change in one transaction, waiting up to `waitMs` for the lock, with
   * `also` (another write that belongs with them: the session's end) in it; true when nothing is
   * left queued. On failure the changes stay queued and a retry is scheduled.
   */
  flush(waitMs = TRY_MS, also?: () => void): boolean {
    if (this.pending.size === 0 && !also) return true;
    const batch = [...this.pending];
    try {
      this.db.pragma(`busy_timeout = ${waitMs}`);
      this.upsert ??= this.db.prepare(
        'INSERT INTO articles (key, read, saved, first_seen, changed) VALUES (@key, coalesce(@read, 0), coalesce(@saved, 0), @firstSeen, @at) ' +
          'ON CONFLICT(key) DO UPDATE SET read = coalesce(@read, read), saved = coalesce(@saved, saved), changed = @at',
      );
      const upsert = this.upsert;
      // IMMEDIATE: the lock is asked for first, so a busy database fails before anything is done.
      this.db
        .transaction(() => {
          for (const [key, c] of batch) upsert.run({ key, ...c });
          also?.();
        })
        .immediate();
    } catch (error) {
      this.noteFailure(error);
      return false;
    } finally {
      if (this.db.open && waitMs !== TRY_MS) this.db.pragma(`busy_timeout = ${TRY_MS}`);
    }
    this.pending.clear();
    this.stopRetry();
    this.reason = null;
    this.busyUntil = 0;
    this.tell();
    return true;
  }

  /** Records a failed write (`error`: what SQLite threw) and schedules the retry of what is queued. */
  noteFailure(error: unknown): void {
    // Not lengthened by a write that skipped its try (see()): one real try per RETRY_MS at most.
    if (isBusy(error) && !this.busy) this.busyUntil = Date.now() + RETRY_MS;
    this.error = error;
    if (this.pending.size === 0) return;
    this.reason = writeFailure(error, this.file);
    // A timer that does not keep the process alive: the exit's last try writes what is left.
    this.timer ??= setTimeout(() => {
      this.timer = null;
      if (this.db.open) this.flush(RETRY_WAIT_MS);
    }, RETRY_MS).unref();
    this.tell();
  }

  // Tells onChange of a state other than the one told last: a retry failing as the last did is not news.
  private tell(): void {
    const { unsaved, reason } = this.state;
    if (unsaved === this.told.unsaved && reason === this.told.reason) return;
    this.told = { unsaved, reason };
    this.onChange?.(this.state);
  }

  private told: SaveState = { unsaved: 0, reason: null };

  /** Stops the background retry (the connection is closing); what is queued stays queued. */
  stopRetry(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
