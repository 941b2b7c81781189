// An AsciiDoc document header atop a Markdown file, read as Asciidoctor's header grammar says
// (front-matter/asciidoc-header.ts): the title, the author and revision lines, attribute entries.
import { describe, expect, it } from 'vitest';
import { readAsciidocHeader } from '../../../../src/core/load/front-matter/asciidoc-header.js';
import { readUndelimitedHeader } from '../../../../src/core/load/front-matter/index.js';

const read = (text: string) => {
  const r = readAsciidocHeader(text);
  return r ? { data: { ...r.data }, body: r.body } : null;
};

describe('AsciiDoc headers', () => {
  it.each([
    ['title, author, revision, attributes', '= T\nAnn Lee <a@x.io>\nv1.2, 2025-11-04: Fixed\n:description: D\n:keywords: a, b\n:toc:\n\nBody\n', { title: 'T', author: ['Ann Lee'], version: '1.2', date: '2025-11-04', description: 'D', keywords: 'a, b' }],
    ['a comment before the title, attributes only', '// from notes.adoc\n= T\n:author: Bo Chen\n:revdate: 2025-11-06\n\nBody\n', { title: 'T', author: ['Bo Chen'], date: '2025-11-06' }],
    ['two authors, a date-only revision line', '= T\nAnn; Bo <b@x.io>\n2025-11-08\n\nBody\n', { title: 'T', author: ['Ann', 'Bo'], date: '2025-11-08' }],
    ['a version alone', '= T\nAnn\nv3.0\n\nBody\n', { title: 'T', author: ['Ann'], version: '3.0' }],
    ['a title alone', '= T\n\nBody\n', { title: 'T' }],
    ['an attribute unset', '= T\n:author: Ann\n:author!:\n\nBody\n', { title: 'T' }],
  ])('%s', (_n, text, data) => {
    expect(read(text)).toEqual({ data, body: 'Body\n' });
  });

  it('is none without `= Title` first, or when prose follows the revision line', () => {
    for (const text of ['Title\n= x\n', '== Section\nAnn\n', '=Title\n', '= T\nAnn\nv1, 2025-01-01\nprose line\n\nBody']) expect(readAsciidocHeader(text)).toBeNull();
  });

  it('comes after the other undelimited headers: a Pandoc title block is still read as one', () => {
    expect(readUndelimitedHeader('% Title\n% Ann\n\n= Not a header\n')?.data.title).toBe('Title');
    expect(readUndelimitedHeader('= T\nAnn\n\nBody')?.data.title).toBe('T');
  });

  it('never takes an unsafe key', () => {
    expect(Object.keys(read('= T\n:__proto__: x\n:constructor: y\n\nBody\n')!.data)).toEqual(['title']);
  });
});
