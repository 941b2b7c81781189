// Every cut of a long article shows in the body's rows where it happens (SECURITY.md, Bounded
// work): a line cut by the loader at LIMITS.maxLineLength, a file cut at the read cap, and the
// renderer's own source and row caps. Articles parsed from bytes, as the loader makes them.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/core/load/limits.js';
import { parseArticle } from '../../../src/core/load/parse.js';
import { renderMarkdown } from '../../../src/core/render/markdown.js';

function bodyRows(raw: Buffer, size = raw.length): string[] {
  const out = parseArticle(raw, { path: '/news/long.md', relPath: 'long.md', size, mtimeMs: 0, folderName: 'news' }, 0);
  if (!out.ok) throw new Error(out.reason);
  return renderMarkdown(out.article.body, 80).lines.map((line) => line.map((s) => s.text).join(''));
}

describe('cuts shown in the body', () => {
  it('a 700 KB file ending in a 300,000-character line: its last rows say the line was cut', () => {
    const raw = Buffer.from(`---\ntitle: Long\n---\n${'Some words and more words in a sentence that goes on.\n'.repeat(1_800)}\n${'é'.repeat(300_000)}\n`);
    expect(raw.length).toBeGreaterThan(690_000);
    const rows = bodyRows(raw);
    expect(rows.slice(-2).join(' ')).toContain(`${'é'.repeat(10)}… (line cut)`);
    expect(rows.join('\n').match(/é/g)?.length).toBe(LIMITS.maxLineLength);
  });

  it('a line cut in the middle of the body shows its mark there, before what follows', () => {
    const rows = bodyRows(Buffer.from(`---\ntitle: Mid\n---\nBefore.\n\n${'y '.repeat(20_000)}\n\nAfter the long line.\n`));
    const mark = rows.findIndex((r) => r.includes('… (line cut)'));
    expect(mark).toBeGreaterThan(0);
    expect(rows.findIndex((r) => r.includes('After the long line.'))).toBeGreaterThan(mark);
  });

  it('a file cut at the read cap ends with the cut', () => {
    const raw = Buffer.from(`---\ntitle: Capped\n---\n${'a line of words\n'.repeat(200)}THE-END\n`);
    const rows = bodyRows(raw.subarray(0, 1024), raw.length);
    expect(rows.at(-1)).toBe('… (truncated to 1 KiB)');
    expect(rows.join('\n')).not.toContain('THE-END');
  });
});
