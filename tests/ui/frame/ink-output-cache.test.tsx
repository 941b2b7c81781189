import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { shareInkOutputCaches } from '../../../src/ui/frame/ink-output-cache.js';

function Rows({ rows }: { rows: string[] }) {
  return (
    <Box flexDirection="column" width={20} overflow="hidden">
      {rows.map((r, i) => (
        <Text key={i} color={i === 1 ? 'red' : undefined} wrap="truncate-end">
          {r}
        </Text>
      ))}
    </Box>
  );
}

describe('shareInkOutputCaches', () => {
  it('applies to the installed ink (a version that moved its Output fails here, not silently)', async () => {
    expect(await shareInkOutputCaches()).toBe(true);
    expect(await shareInkOutputCaches()).toBe(true);
  });

  it('frames drawn with shared caches are the frames ink draws from scratch', async () => {
    const frames = (rowsList: string[][]) => {
      const r = render(<Rows rows={rowsList[0]} />);
      const out = [r.lastFrame()];
      for (const rows of rowsList.slice(1)) {
        r.rerender(<Rows rows={rows} />);
        out.push(r.lastFrame());
      }
      r.unmount();
      return out;
    };
    const script = [
      ['alpha', 'beta', 'a line far wider than the twenty columns'],
      ['alpha', 'gamma', 'a line far wider than the twenty columns'],
      ['日本語のタイトル', 'beta', 'alpha'],
      ['alpha', 'beta', 'a line far wider than the twenty columns'],
    ];
    const fresh = frames(script);
    await shareInkOutputCaches();
    expect(frames(script)).toEqual(fresh);
    expect(fresh[1]).toContain('gamma');
  });
});
