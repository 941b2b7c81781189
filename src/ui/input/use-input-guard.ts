// Ink 6.8 throws inside its own useInput when a terminal sends a CSI sequence it has no name for
// (Ctrl+F1 is `ESC[1;5P`, a stray pasted `ESC[31m`): `input` is undefined and `.startsWith`
// fails (vadimdemedes/ink#901, fixed only in ink 7, which needs Node 22). The throw escapes
// from ink's input event emitter and would end the dashboard. This guard makes such a key what
// it should be, a key the app does not use: the one input event is dropped, nothing else is.
import { useStdin } from 'ink';
import { useEffect } from 'react';

interface Emitter {
  emit(event: string | symbol, ...args: unknown[]): boolean;
}

/** Wraps ink's internal input emitter so an unnameable escape sequence is ignored, not fatal. */
export function guardInputEmitter(emitter: Emitter): () => void {
  const original = emitter.emit;
  emitter.emit = function guardedEmit(this: Emitter, event: string | symbol, ...args: unknown[]) {
    try {
      return original.call(this, event, ...args);
    } catch (error) {
      const data = args[0];
      const inkCouldNotNameKey =
        event === 'input' && typeof data === 'string' && data.startsWith('\x1b') && error instanceof TypeError;
      if (inkCouldNotNameKey) return true;
      throw error;
    }
  };
  return () => {
    emitter.emit = original;
  };
}

/** Installs guardInputEmitter on the running ink instance for the component's lifetime. */
export function useInputGuard(): void {
  const { internal_eventEmitter: emitter } = useStdin() as unknown as { internal_eventEmitter?: Emitter };
  useEffect(() => (emitter ? guardInputEmitter(emitter) : undefined), [emitter]);
}
