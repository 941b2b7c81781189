// Set-up shared by the tests that draw the whole dashboard through the compositor
// (ui/frame/ink-compositor.ts): colours on, so frames compare styles and not only text.
import chalk from 'chalk';
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, expect } from 'vitest';
import { drawFastFramesTo } from '../../../src/ui/frame/fast-frame.js';
import { installCompositor, setCompositorActive } from '../../../src/ui/frame/ink-compositor.js';
import { tick } from '../frame.js';

/** Installs the compositor (on, unless `active` is false) and full colour for the file's tests; restores both after. */
export function withCompositor(active = true): void {
  let level: typeof chalk.level;
  beforeAll(async () => {
    expect(await installCompositor()).toBe(true);
    if (active) setCompositorActive(true);
    level = chalk.level;
    chalk.level = 3;
  });
  afterAll(() => {
    drawFastFramesTo(null);
    chalk.level = level;
  });
}

/** Renders `app` as ink-testing-library does, on a stdout that says it is 120 columns wide. */
export function render120(app: ReactElement): ReturnType<typeof render> {
  const r = render(app);
  Object.defineProperty(r.stdout, 'columns', { get: () => 120, configurable: true });
  r.stdout.emit('resize');
  return r;
}

/** Waits until the screen holds still for three ticks of 25 ms (the body follows the list in a later frame); gives that frame. */
export async function stillFrame(r: { lastFrame(): string | undefined }): Promise<string> {
  let last = '';
  for (let still = 0; still < 3; ) {
    await tick(25);
    const now = r.lastFrame() ?? '';
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last;
}

/** Sends the fast frames' row patches to a list it returns (each patch a copy: row -> text), as if written. */
export function recordFastFrames(): Array<Map<number, string>> {
  const patches: Array<Map<number, string>> = [];
  drawFastFramesTo({ patch: (rows) => (patches.push(new Map(rows)), true) });
  return patches;
}
