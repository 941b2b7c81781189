import { describe, expect, it } from 'vitest';
import { decodeWindows1252, repairMojibake } from '../../../src/core/load/mojibake.js';

describe('repairMojibake', () => {
  const repaired: Array<[string, string]> = [
    ['providingâ€¦', 'providing…'],
    ['Itâ€™s', 'It’s'],
    ['cafÃ©', 'café'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['â€” dash', '— dash'],
    ['Â£5 fee', '£5 fee'],
    ['Ã¢â‚¬â„¢ twice', '’ twice'],
    ['ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Привет'],
    ['ðŸš€ moon', '🚀 moon'],
    ['SÃƒO', 'SÃO'],
    // Latin-1 (not cp1252) readings of the same damage: C1 controls instead of `€`, `™`.
    ['â\u0080\u0099', '’'],
    ['Ã\u0080', 'À'],
  ];
  it.each(repaired)('repairs %j', (input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  const unchanged = [
    'SÃO PAULO',
    'naïve café résumé',
    'Straße…',
    '2×–3',
    'Ö’s',
    '€100 — great…',
    'Ã',
    'plain ascii',
    '',
    'Ãa and Â alone',
    'à€€ is an overlong sequence, not a character',
  ];
  it.each(unchanged)('leaves %j alone', (input) => {
    expect(repairMojibake(input)).toBe(input);
  });

  it('repairs ambiguous pairs only when the same text has clear damage', () => {
    expect(repairMojibake('Ã©tÃ© 2×–3')).toBe('été 2ז3');
  });
});

describe('decodeWindows1252', () => {
  const cases: Array<[number[], string]> = [
    [[0x43, 0x61, 0x66, 0xe9], 'Café'],
    [[0x80], '€'],
    [[0x93, 0x71, 0x94], '“q”'],
    [[0x85, 0x96, 0x97], '…–—'],
    [[0x81, 0x8d], '\u0081\u008d'],
  ];
  it.each(cases)('decodes %j', (bytes, expected) => {
    expect(decodeWindows1252(Uint8Array.from(bytes))).toBe(expected);
  });

  it('decodes long input the same as short pieces', () => {
    const bytes = new Uint8Array(20_000).fill(0xe9);
    expect(decodeWindows1252(bytes)).toBe('é'.repeat(20_000));
  });
});
