// The FTS5 text of a pending row: made from the stored JSON only when it reads back as the row's
// own record; packed for posting between threads with the bodies as UTF-8 bytes; and a body
// written as those bytes is indexed exactly as the same body written as a string.
import { describe, expect, it } from 'vitest';
import { toRecord, type ArticleRecord } from '../../../src/core/article-record.js';
import type { ArticleMeta } from '../../../src/core/article.js';
import { articleText, packTexts, pendingText, unpackTexts } from '../../../src/core/index/article-text.js';
import { articleFields } from '../../../src/core/index/columns.js';
import { ftsTokens, matchingIds } from '../../../src/core/index/fts.js';
import type { ArticleText } from '../../../src/core/index/store.js';
import { foldText } from '../../../src/core/text/fold.js';
import { memoryIndex } from '../../helpers/memory-index.js';

const mem = memoryIndex();

function record(p: string, title: string, fields: Partial<ArticleMeta> = {}): ArticleRecord {
  const meta = {
    path: p, relPath: p.slice(1), title, description: 'Ethereum fees fall', publishedAt: null, dateGuessed: true, updatedAt: null, calendarDates: 0,
    source: 'Wire', sourceKey: 'wire', categories: ['markets'], tags: ['staking'], sentiment: null, score: null, lang: null, draft: false,
    stickyWeight: 0, url: null, format: 'yaml', size: 10, mtimeMs: 1, notes: [], coinFields: [], externalId: null, ...fields,
  } as unknown as ArticleMeta;
  return toRecord(meta, '1:1', 10, []);
}

describe('pendingText', () => {
  const row = { path: '/a.md', article: JSON.stringify(record('/a.md', 'Solana validators')) };

  it('makes the text of a row whose stored JSON is its own record', () => {
    const t = pendingText(row, 'the body mentions $btc');
    expect(t).toEqual(articleText(record('/a.md', 'Solana validators'), 'the body mentions $btc'));
    expect(t?.source).toBe('wire\nwire'); // folded as the search folds it
    expect(t?.coins).toEqual(expect.arrayContaining(['SOL', 'ETH', 'BTC']));
  });

  it('gives null for no body, JSON that does not parse, or a record of another path', () => {
    expect(pendingText(row, null)).toBeNull();
    expect(pendingText({ ...row, article: '{"not": json' }, 'b')).toBeNull();
    expect(pendingText({ ...row, path: '/b.md' }, 'b')).toBeNull();
  });
});

describe('packTexts / unpackTexts', () => {
  it('carries the short fields as they are and each body as its UTF-8 bytes, nulls in place', () => {
    const a = articleText(record('/a.md', 'Café'), 'crème brûlée — naïve');
    const b = articleText(record('/b.md', 'B'), '');
    const c = articleText(record('/c.md', 'C'), 'plain');
    const out = unpackTexts(packTexts([a, null, b, c]));
    expect(out.map((t) => (t === null ? null : Buffer.from(t.body as Uint8Array).toString('utf8')))).toEqual([a.body, null, '', 'plain']);
    expect(out.map((t) => t && { ...t, body: '' })).toEqual([a, null, b, c].map((t) => t && { ...t, body: '' }));
  });
});

describe('a body written as bytes', () => {
  it('is indexed exactly as the same body written as a string', () => {
    const ids = mem.store.put(['/s.md', '/b.md'].map((p) => ({
      path: p, size: 10, mtime: 1, dev: 1, ino: p.length, published: null, article: record(p, 'T'), lead: '', text: null, fields: articleFields(record(p, 'T')),
    })));
    const body = 'crème brûlée, naïve café; état-major 2026';
    const text = (b: ArticleText['body']): ArticleText => ({ title: 'T', description: '', tags: '', source: 'wire', category: '', body: b, coins: [] });
    expect(mem.store.putText([{ id: ids[0], text: text(body) }, { id: ids[1], text: text(Buffer.from(body, 'utf8')) }])).toBe(2);
    for (const word of ['creme', 'brulee', 'naive', 'cafe', 'etat', 'major', '2026']) expect(matchingIds(mem.db, [word], false)).toEqual(ids);
    const vocab = mem.db.prepare('SELECT term, doc FROM articles_vocab WHERE term IN (\'creme\', \'etat\')').all();
    expect(vocab).toEqual([{ term: 'creme', doc: 2 }, { term: 'etat', doc: 2 }]);
  });
});

describe('the short fields', () => {
  it('are indexed folded as the search folds them: a word typed without accents finds letters with a stroke', () => {
    // unicode61's remove_diacritics keeps ł ø đ ħ ı whole (Unicode gives them no decomposition);
    // the search folds them to l o d h i (text/fold.ts), so the index must hold them folded too.
    const r = record('/s.md', 'Łódź Fintech Raises Funds', {
      description: 'Søren Holm explains', source: 'Børsen', sourceKey: 'borsen', categories: ['Główne'], tags: ['Quy định', 'Yatırım', 'Ħlas'],
    });
    const ids = mem.store.put([{ path: '/s.md', size: 10, mtime: 1, dev: 1, ino: 1, published: null, article: r, lead: '', text: null, fields: articleFields(r) }]);
    expect(mem.store.putText([{ id: ids[0], text: articleText(r, '') }])).toBe(1);
    for (const word of ['lodz', 'soren', 'borsen', 'glowne', 'dinh', 'yatirim', 'hlas']) expect(matchingIds(mem.db, [word], false), word).toEqual(ids);
  });
});

describe('the list columns of a row', () => {
  it('hold the record\'s draft flag, sticky weight and whether it has warnings, written with the row: the secondary indexes read no JSON', () => {
    const warned = record('/w.md', 'W', { draft: true, stickyWeight: 3 });
    warned[23] = ['a date that does not parse'];
    const plain = record('/p.md', 'P');
    mem.store.put([warned, plain].map((r) => ({ path: r[0], size: 10, mtime: 1, dev: 1, ino: r[0].length, published: null, article: r, lead: '', text: null, fields: articleFields(r) })));
    const columns = (p: string): unknown => mem.db.prepare('SELECT draft, sticky, warned FROM articles WHERE path = ?').raw().get(p);
    expect(columns('/w.md')).toEqual([1, 3, 1]);
    expect(columns('/p.md')).toEqual([0, 0, 0]);
    // Written, not derived: the JSON edited afterwards does not change them.
    mem.db.prepare("UPDATE articles SET article = '[]' WHERE path = '/w.md'").run();
    expect(columns('/w.md')).toEqual([1, 3, 1]);
  });
});

describe('articleText coins', () => {
  it('lists the metadata\'s coins most trusted first, then the body\'s cashtags not among them, each once', () => {
    const r = record('/c.md', 'Solana and $ETH rally', { coinFields: ['BTC'], tags: ['XRP'], description: 'Cardano climbs' });
    // Front matter, tag, cashtag, title, description; then the body's: `$btc` and `$sol` are there already.
    expect(articleText(r, 'also $doge and $btc, $sol, $doge').coins).toEqual(['BTC', 'XRP', 'ETH', 'SOL', 'ADA', 'DOGE']);
    expect(articleText(r, 'no cashtag here').coins).toEqual(['BTC', 'XRP', 'ETH', 'SOL', 'ADA']);
    // A cashtag only in the description is found as in the title.
    expect(articleText(record('/d.md', 'Quiet day', { description: 'Fees paid in $SOL' }), '').coins).toEqual(['SOL']);
  });
});

describe('dashes as unicode61 reads them', () => {
  it('split tokens, written or folded, as ftsTokens splits a query: the index narrows `2024-2025` to the articles holding `2024–2025`', () => {
    // The index holds folded text (every dash a `-`), but what it holds is only ever compared
    // through unicode61's tokens: a dash must separate there as it does in ftsTokens.
    mem.db.exec("CREATE VIRTUAL TABLE temp.dashes USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE temp.dashes_vocab USING fts5vocab (temp, dashes, 'instance')");
    const dashes = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d'];
    const texts = dashes.flatMap((d) => [`layer${d}2 2024${d}2025`, foldText(`layer${d}2 2024${d}2025`)]);
    const insert = mem.db.prepare('INSERT INTO temp.dashes (rowid, x) VALUES (?, ?)');
    texts.forEach((t, i) => insert.run(i + 1, t));
    const tokens = (doc: number): string[] => mem.db.prepare('SELECT term FROM temp.dashes_vocab WHERE doc = ? ORDER BY offset').pluck().all(doc) as string[];
    texts.forEach((t, i) => {
      expect(tokens(i + 1), t).toEqual(['layer', '2', '2024', '2025']);
      expect(ftsTokens(t), t).toEqual(['layer', '2', '2024', '2025']);
    });
    expect(new Set(texts.filter((_, i) => i % 2 === 1))).toEqual(new Set(['layer-2 2024-2025']));
  });
});
