import chalk from 'chalk';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paint, type Paint } from '../../../src/ui/frame/paint.js';
import { cells } from '../frame.js';

let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});

const frameOf = (node: React.ReactElement) => {
  const r = render(node);
  const frame = r.lastFrame();
  r.unmount();
  return frame;
};

const STYLES: Paint[] = [
  {},
  { color: 'cyan' },
  { color: 'yellowBright', bold: true, underline: true },
  { color: '#ff8800', italic: true },
  { color: 'ansi256(141)', strikethrough: true },
  { color: 'rgb(10, 200, 30)', inverse: true },
  { bold: true, italic: true, underline: true, strikethrough: true, inverse: true },
];

describe('paint', () => {
  it('gives each style the cells ink draws for <Text> with the same props', () => {
    for (const style of STYLES) {
      expect(cells(frameOf(<Text>{paint('Bitcoin ETF', style)}</Text>)), JSON.stringify(style)).toEqual(
        cells(frameOf(<Text {...style}>Bitcoin ETF</Text>)),
      );
    }
  });

  it('nests as ink nests: a cursor row (inverse, bold) over coloured and bold runs', () => {
    const inner = paint(' 3h ', { color: 'gray' }) + paint('Bit', { color: 'yellowBright', bold: true, underline: true }) + 'coin' + paint(' BTC', { color: '#f7931a' });
    const ours = paint(inner, { inverse: true, bold: true });
    const inks = (
      <Text inverse bold>
        <Text color="gray"> 3h </Text>
        <Text color="yellowBright" bold underline>
          Bit
        </Text>
        coin
        <Text color="#f7931a"> BTC</Text>
      </Text>
    );
    expect(cells(frameOf(<Text>{ours}</Text>))).toEqual(cells(frameOf(inks)));
    // The comparison sees styles: the same text unstyled is different cells.
    expect(cells(frameOf(<Text>{ours}</Text>))).not.toEqual(cells(frameOf(<Text> 3h Bitcoin BTC</Text>)));
  });

  it('leaves empty text empty', () => {
    expect(paint('', { color: 'red', inverse: true })).toBe('');
  });
});
