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
