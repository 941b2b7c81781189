// Waiting for a thing to be so, rather than for a time that stands in for it: on a loaded machine
// (CI's, two cores, load 8-20) a deferred render, a worker's write or a watch's batch lands
// seconds later than it does on a quiet one, and a fixed sleep then fails a test that is right.

/**
 * Retries `assert` every 10 ms until it stops throwing; rethrows its last error after `timeout` ms.
 * The default is generous because it is only ever waited out by a test that is failing anyway.
 */
export async function eventually(assert: () => void, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      assert();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
