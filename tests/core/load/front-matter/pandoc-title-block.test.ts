import { describe, expect, it } from 'vitest';
import { readUndelimitedHeader } from '../../../../src/core/load/front-matter/index.js';
import { readPandocTitleBlock } from '../../../../src/core/load/front-matter/pandoc-title-block.js';

describe("Pandoc's title block", () => {
  it('reads title, authors (split on ;) and date, and cuts them from the body', () => {
    const r = readPandocTitleBlock('% Title Here\n% Ana Lima; Doe, Jane\n% 2025-11-04\n\nBody.\n');
    expect(r).not.toBeNull();
    expect({ ...r!.data }).toEqual({ title: 'Title Here', authors: ['Ana Lima', 'Doe, Jane'], date: '2025-11-04' });
    expect(r!.body).toBe('Body.\n');
  });
  it('takes empty fields, a title alone, continuation lines and a date alone', () => {
    expect({ ...readPandocTitleBlock('% Only a title\nBody right after.\n')!.data }).toEqual({ title: 'Only a title' });
    expect(readPandocTitleBlock('% Only a title\nBody right after.\n')!.body).toBe('Body right after.\n');
    expect({ ...readPandocTitleBlock('%\n%\n% November 4, 2025\n\nx')!.data }).toEqual({ date: 'November 4, 2025' });
    expect({ ...readPandocTitleBlock('% A long\n  title\n% Ana\n\tLima\n')!.data }).toEqual({ title: 'A long title', authors: ['Ana Lima'] });
  });
  it('is no title block: more than three fields, no title nor date, `%` glued to text, not at the top', () => {
    expect(readPandocTitleBlock('% a\n% b\n% c\n% d\n\nx')).toBeNull();
    expect(readPandocTitleBlock('%\n% Ana Lima\n\nx')).toBeNull();
    expect(readPandocTitleBlock('%d percent\n\nx')).toBeNull();
    expect(readPandocTitleBlock('\n% Title\n')).toBeNull();
    expect(readPandocTitleBlock('50% of miners\n')).toBeNull();
  });
  it('is read where metadata lines are not (the header of a file with no delimited block)', () => {
    expect(readUndelimitedHeader('% Title\n% Ana\n% 2025-11-04\n\nBody.')?.body).toBe('Body.');
    expect(readUndelimitedHeader('Title: Meta\nDate: 2025-11-04\n\nBody.')?.data.title).toBe('Meta');
  });
});
