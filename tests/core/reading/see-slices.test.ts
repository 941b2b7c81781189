// Reading.seeInSlices, which the dashboard runs after the list is drawn: the same count and the
// same stored first-seen times as one see() call, with the caller's pause between slices.
import { describe, expect, it } from 'vitest';
import { Reading } from '../../../src/core/reading/reading.js';
import { tempDirs } from '../../helpers/temp-dirs.js';

const tmp = tempDirs('cnt-see-');

const articles = Array.from({ length: 7 }, (_, i) => ({ externalId: i % 2 ? `ext-${i}` : null, url: i % 3 ? `https://x.test/${i}` : null, path: `/news/${i}.md` }));

// A state folder whose previous session saw the first three articles and ended at t=2000.
function stateWithHistory(): string {
  const dir = tmp();
  const r = Reading.open(dir);
  r.see(articles.slice(0, 3), 1000);
  r.endSession(2000);
  return dir;
}

describe('Reading.seeInSlices', () => {
  it('counts and records as see() does, pausing between slices', async () => {
    const once = Reading.open(stateWithHistory());
    const sliced = Reading.open(stateWithHistory());
    let pauses = 0;
    const fresh = await sliced.seeInSlices(articles, async () => void (pauses += 1), 3, 5000);
    expect(fresh).toBe(once.see(articles, 5000));
    expect(fresh).toBe(4);
    expect(pauses).toBe(2);
    for (const a of articles) {
      expect([sliced.isNew(a), sliced.isRead(a)]).toEqual([once.isNew(a), once.isRead(a)]);
      expect(sliced.isNew(a)).toBe(articles.indexOf(a) >= 3);
    }
    once.close();
    sliced.close();
  });
});
