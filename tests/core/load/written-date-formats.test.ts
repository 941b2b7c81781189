// Written (non-ISO) dates are read in UTC with date-fns and @date-fns/utc's minimal date class.
// The package's full UTCDate module makes three Intl.DateTimeFormat as it is imported (for its
// formatters), which pages ~5 MB of ICU's locale data into every program that loads a corpus.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('written dates', () => {
  it('are read without making an Intl.DateTimeFormat, as the module loads or as a date is read', async () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    const { readWrittenDate } = await import('../../../src/core/load/dates/written-date-formats.js');
    expect(readWrittenDate('Tue, 04 Nov 2025 10:30:00 GMT')).toEqual({ ok: true, ms: Date.UTC(2025, 10, 4, 10, 30), dateOnly: false });
    expect(readWrittenDate('November 4, 2025 3:05 pm +01:00')).toEqual({ ok: true, ms: Date.UTC(2025, 10, 4, 14, 5), dateOnly: false });
    expect(made).not.toHaveBeenCalled();
  });
});
