// The SGR attributes a terminal has, as a state that sgr-minimise.ts follows through a write: an
// SGR's parameters read, checked against the forms modelled, applied, and the shortest parameters
// that take the terminal from one state to another. Apart from the byte walk that finds the
// escapes (sgr-minimise.ts), which calls these for each SGR it meets.

// The attributes followed, each as the parameter that sets it ('' when off or default, null when unknown).
const FG = 0;
const BG = 1;
const UNDERLINE_COLOUR = 2;
const BOLD = 3;
const DIM = 4;
const ITALIC = 5;
const UNDERLINE = 6;
const BLINK = 7;
const INVERSE = 8;
const HIDDEN = 9;
const STRIKE = 10;
const OVERLINE = 11;
/** How many attributes are followed: a State's length. */
export const COUNT = 12;
// The parameter that turns each attribute off (bold and dim share 22: handled on their own).
const OFF = ['39', '49', '59', '22', '22', '23', '24', '25', '27', '28', '29', '55'];
// Single parameters that set one attribute: parameter -> [attribute, value].
const SETS = new Map<number, [number, string]>([
  [1, [BOLD, '1']], [2, [DIM, '2']], [3, [ITALIC, '3']], [4, [UNDERLINE, '4']], [5, [BLINK, '5']], [6, [BLINK, '6']],
  [7, [INVERSE, '7']], [8, [HIDDEN, '8']], [9, [STRIKE, '9']], [53, [OVERLINE, '53']],
  [23, [ITALIC, '']], [24, [UNDERLINE, '']], [25, [BLINK, '']], [27, [INVERSE, '']], [28, [HIDDEN, '']], [29, [STRIKE, '']],
  [39, [FG, '']], [49, [BG, '']], [59, [UNDERLINE_COLOUR, '']], [55, [OVERLINE, '']],
]);
const EXTENDED: Record<number, number> = { 38: FG, 48: BG, 58: UNDERLINE_COLOUR };

/** Each attribute (FG, BG, …) as the parameter that sets it; '' when off or default, null when unknown. */
export type State = Array<string | null>;

// An SGR's parameters as numbers (parsed into this, not a new array, each time), and how many it can hold.
const PARAMS: number[] = new Array<number>(32).fill(0);

// Parameters of the SGR at `from` (just past `ESC [`) up to `end` (its `m`) into PARAMS (an empty
// one is 0): how many, or -1 for a form not modelled (a colon, a private marker, too many).
export function sgrParams(bytes: string, from: number, end: number): number {
  let count = 0;
  let n = 0;
  for (let i = from; i < end; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 0x3b /* ; */) {
      if (count === PARAMS.length - 1) return -1;
      PARAMS[count++] = n;
      n = 0;
    } else if (c >= 0x30 && c <= 0x39) n = n * 10 + (c - 0x30);
    else return -1;
  }
  PARAMS[count++] = n;
  return count;
}

// Whether the `count` parameters in PARAMS are all of the forms applySgr models.
export function modelled(count: number): boolean {
  const ps = PARAMS;
  for (let i = 0; i < count; i++) {
    const p = ps[i];
    if (p === 0 || p === 22 || SETS.has(p) || (p >= 30 && p <= 37) || (p >= 90 && p <= 97) || (p >= 40 && p <= 47) || (p >= 100 && p <= 107)) continue;
    if (EXTENDED[p] === undefined) return false;
    if (ps[i + 1] === 5 && i + 2 < count && ps[i + 2] <= 255) i += 2;
    else if (ps[i + 1] === 2 && i + 4 < count && ps[i + 2] <= 255 && ps[i + 3] <= 255 && ps[i + 4] <= 255) i += 4;
    else return false;
  }
  return true;
}

// The `count` parameters in PARAMS (modelled) applied to `state` in place.
export function applySgr(count: number, state: State): void {
  const ps = PARAMS;
  for (let i = 0; i < count; i++) {
    const p = ps[i];
    if (p === 0) state.fill('');
    else if (p === 22) {
      state[BOLD] = '';
      state[DIM] = '';
    } else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) state[FG] = CODES[p];
    else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) state[BG] = CODES[p];
    else {
      const set = SETS.get(p);
      if (set) state[set[0]] = set[1];
      else if (ps[i + 1] === 5) {
        state[EXTENDED[p]] = `${p};5;${ps[i + 2]}`;
        i += 2;
      } else {
        state[EXTENDED[p]] = `${p};2;${ps[i + 2]};${ps[i + 3]};${ps[i + 4]}`;
        i += 4;
      }
    }
  }
}
// Each plain colour parameter as text, made once.
const CODES = Array.from({ length: 108 }, (_, p) => String(p));

// The parameters that take the terminal from `has` to `wants` (its unknown attributes left alone), or null when they cannot be said so.
export function difference(has: State, wants: State): string | null {
  let codes = '';
  const boldOff = wants[BOLD] === '' && has[BOLD] !== '';
  const dimOff = wants[DIM] === '' && has[DIM] !== '';
  if (boldOff || dimOff) {
    // 22 turns both off: the other one is set again after it, so it must be known.
    if (wants[BOLD] === null || wants[DIM] === null) return null;
    codes = ';22';
    if (wants[BOLD] !== '') codes += `;${wants[BOLD]}`;
    if (wants[DIM] !== '') codes += `;${wants[DIM]}`;
  } else {
    if (wants[BOLD] && wants[BOLD] !== has[BOLD]) codes += `;${wants[BOLD]}`;
    if (wants[DIM] && wants[DIM] !== has[DIM]) codes += `;${wants[DIM]}`;
  }
  for (let a = 0; a < COUNT; a++) {
    if (a === BOLD || a === DIM) continue;
    const w = wants[a];
    if (w !== null && w !== has[a]) codes += `;${w === '' ? OFF[a] : w}`;
  }
  return codes.slice(1);
}

// A reset and the attributes `wants` has on, or null when some attribute of it is unknown.
export function fromReset(wants: State): string | null {
  let codes = '0';
  for (let a = 0; a < COUNT; a++) {
    const w = wants[a];
    if (w === null) return null;
    if (w !== '') codes += `;${w}`;
  }
  return codes;
}
