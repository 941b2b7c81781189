import { render } from 'ink-testing-library';
import { expect, it } from 'vitest';
import { WarningList } from '../../src/ui/WarningList.js';

const reason = 'invalid YAML at line 3: unexpected end of the stream within a double quoted scalar';
const warnings = Array.from({ length: 6 }, (_, i) => ({ path: `/news/deep/folder/of/posts/broken-${i}.md`, reason }));

it('wraps each warning over the rows it needs and pages the rest, so every word can be read', () => {
  const pages: string[] = [];
  for (let p = 0; p < 3; p++) pages.push(render(<WarningList warnings={warnings} width={40} height={10} page={p} />).lastFrame() ?? '');
  expect(pages[0]).toMatch(/6 warnings — press any key to close/);
  expect(pages[0]).not.toEqual(pages[1]);
  // Rows end where the box does (a space there is not drawn): compare without white space.
  const joined = pages.join('').replace(/\s/g, '');
  for (let i = 0; i < 6; i++) expect(joined).toContain(`broken-${i}.md: ${reason}`.replace(/\s/g, ''));
  // No row is wider than the box.
  for (const line of pages.join('\n').split('\n')) expect(line.length).toBeLessThanOrEqual(40);
});

it('wraps a reason at its spaces, as the body does: no word is cut across rows (found by a tester at 80 columns)', () => {
  const long = "the front matter gives no date, so the list orders it using the file's time, which changes whenever the file is copied";
  for (const width of [40, 78]) {
    const frame = render(<WarningList warnings={[{ path: '/news/x/undated.md', reason: long }]} width={width} height={12} />).lastFrame() ?? '';
    const words = new Set(`/news/x/undated.md: ${long}`.split(' '));
    const rows = frame.split('\n').slice(2).map((row) => row.trim()).filter(Boolean);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) for (const word of row.split(' ')) expect(words, `"${word}" at ${width} columns`).toContain(word);
    for (const row of frame.split('\n')) expect(row.length).toBeLessThanOrEqual(width);
  }
});

it('shows a path as it is: control bytes as their pictures (␛, ␇), never dropped or raw; spaces kept; a word wider than the row still cut', () => {
  const frame = render(
    <WarningList
      warnings={[
        { path: '/news/broken-\x1b]0;HACK\x07.md', reason: 'bad YAML' },
        { path: '/news/two  spaces.md', reason: 'bad YAML' },
        { path: '/news/ok.md', reason: 'x'.repeat(50) },
      ]}
      width={40}
      height={12}
    />,
  ).lastFrame() ?? '';
  expect(frame).toContain('/news/broken-␛]0;HACK␇.md: bad YAML');
  expect(frame).toContain('/news/two  spaces.md: bad YAML');
  expect(frame).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  // As the body does it: the rest of the row filled, the word carried on in the next.
  expect(frame).toContain(`/news/ok.md: ${'x'.repeat(27)}\n${'x'.repeat(23)}`);
});
