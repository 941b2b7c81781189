// A bordered pane whose top border carries its title. Focus shows three ways so it reads with or
// without colour: the border colour, a bold title, and a `▶` marker before the title. The title
// row is painted once and placed (Lines.tsx): its count changes with every keystroke, and ink
// would measure a new `╭─▶ Articles …╮` grapheme by grapheme on every frame.
import { Box, Text } from 'ink';
import { Component, type ReactNode } from 'react';
import { sanitizeLine } from '../core/text/index.js';
import { columns, fitWidth } from '../core/width/index.js';
import { paint } from './frame/paint.js';
import { PaintedRows } from './Lines.js';
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
}

/** A bordered box with a titled top border. */
export function Pane({ title, width, height, focused, resetKey, children }: PaneProps) {
  const color = focused ? theme.focusBorder : theme.border;
  if (width < 4 || height < 2) return <Box width={Math.max(0, width)} height={Math.max(0, height)} />;
  const label = fitWidth(`${focused ? '▶ ' : ''}${title}`, width - 4);
  const rest = Math.max(0, width - 3 - columns(label));
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <PaintedRows rows={[paint('╭─', { color }) + paint(label, { bold: focused, color: focused ? theme.focusBorder : undefined }) + paint(`${'─'.repeat(rest)}╮`, { color })]} width={width} />
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
    return { error: err instanceof Error ? err.message : String(err) };
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
