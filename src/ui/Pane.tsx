// A bordered pane whose top border carries its title. Focus shows three ways so it reads with or
// without colour: the border colour, a bold title, and a `▶` marker before the title. The title
// row is painted once and placed (Lines.tsx): its count changes with every keystroke, and ink
// would measure a new `╭─▶ Articles …╮` grapheme by grapheme on every frame.
import { Box, Text } from 'ink';
import { Component, useEffect, type ReactNode } from 'react';
import { errorMessage } from '../core/error-message.js';
import { sanitizeLine } from '../core/text/index.js';
import { columns, fitWidth } from '../core/width/index.js';
import { paint } from './frame/paint.js';
import { PaintedRows, useSlotBlock } from './Lines.js';
import type { ListLane } from './list/list-lane.js';
import { theme } from './theme.js';

/** Props of Pane: its outer size; children get (width - 2) x (height - 2). */
export interface PaneProps {
  title: string;
  width: number;
  height: number;
  focused: boolean;
  /** Changing it clears a caught render error (App passes the selected article id). */
  resetKey?: string | number | null;
  children?: ReactNode;
  /** Where the pane registers how it paints its title row, for a cursor move drawn before React renders it (list/list-lane.ts). */
  lane?: ListLane;
}

/** The top border of a pane `width` columns wide (at least 4), carrying its title. */
export function titleRow(title: string, width: number, focused: boolean): string {
  const color = focused ? theme.focusBorder : theme.border;
  const label = fitWidth(`${focused ? '▶ ' : ''}${title}`, width - 4);
  const rest = Math.max(0, width - 3 - columns(label));
  return paint('╭─', { color }) + paint(label, { bold: focused, color: focused ? theme.focusBorder : undefined }) + paint(`${'─'.repeat(rest)}╮`, { color });
}

/** A bordered box with a titled top border. */
export function Pane({ title, width, height, focused, resetKey, children, lane }: PaneProps) {
  const color = focused ? theme.focusBorder : theme.border;
  const block = useSlotBlock();
  const drawn = width >= 4 && height >= 2;
  if (lane) lane.title = drawn ? { block, paint: (text, isFocused) => titleRow(text, width, isFocused) } : null;
  useEffect(() => () => void (lane && (lane.title = null)), [lane]);
  if (!drawn) return <Box width={Math.max(0, width)} height={Math.max(0, height)} />;
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <PaintedRows rows={[titleRow(title, width, focused)]} width={width} block={block} />
      <Box
        borderStyle="round"
        borderTop={false}
        borderColor={color}
        width={width}
        height={height - 1}
        flexDirection="column"
        overflowY="hidden"
      >
        <PaneBoundary key={resetKey ?? undefined} width={width - 2}>
          {children}
        </PaneBoundary>
      </Box>
    </Box>
  );
}

interface BoundaryProps {
  width: number;
  children?: ReactNode;
}

/** Keeps one pane's render failure (odd data reaching a view) from taking the dashboard down. */
class PaneBoundary extends Component<BoundaryProps, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(err: unknown) {
    return { error: errorMessage(err) };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <Text color={theme.error} wrap="truncate-end">
        {fitWidth(`cannot show this: ${sanitizeLine(this.state.error)}`, this.props.width)}
      </Text>
    );
  }
}
