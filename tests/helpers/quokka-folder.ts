// A folder built so that typing `quokka tollgate` on a big index tells an exact answer from an
// early one: `newest` market notes (an hour apart, newest first; every fourth of the first 2,000
// mentions the tollgate in its body) and then `older` quokka tours, all older than the notes, whose
// bodies mention the tollgate. An answer drawn from the newest bodies alone misses every quokka.
// Shared by the search's unit test (meanwhile-empty) and the terminal test (typing-rows-tmux).
import fs from 'node:fs';
import path from 'node:path';

/** Writes the folder under `root/news` (subfolders of 1,000 files); returns that folder's path. */
export function writeQuokkaFolder(root: string, newest: number, older: number): string {
  const news = path.join(root, 'news');
  const start = Date.UTC(2026, 10, 1);
  for (let i = 0; i < newest + older; i++) {
    const dir = path.join(news, `f${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) fs.mkdirSync(dir, { recursive: true });
    const quokka = i >= newest;
    const title = quokka ? `Quokka tour ${i}` : `Market note ${i}`;
    const body = quokka ? `Walkers paid the tollgate fee on day ${i}.` : i < 2_000 && i % 4 === 0 ? `Drivers queued at the tollgate near harbour ${i}.` : `Prices moved a little on day ${i}.`;
    const at = new Date(start - i * 3_600_000).toISOString();
    fs.writeFileSync(path.join(dir, `n${i}.md`), `---\ntitle: ${title}\nsource: wire\npublishedAt: '${at}'\n---\n${body}\n`);
  }
  return news;
}
