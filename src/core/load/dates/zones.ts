// The zone written after a date's time, and the instant a wall-clock time in it is. A zone is a
// fixed offset (`+0100`, `-05:00`, `EST`, `CET`, `JST`) or a place whose offset follows its
// daylight-saving rules: an IANA name (`Europe/Berlin`, as Obsidian templates and RFC 9557's
// `[Europe/Berlin]` suffix write it) or the US generic names news sites write (`10:30 AM ET`:
// Eastern time, EST or EDT by the date). A place's offset is ICU's, through Intl.DateTimeFormat
// (Node has no other zone database; date-fns has none and @date-fns/tz is not a dependency). Its
// formatter is made on the first value naming that place, never for the other dates: ICU's
// zone data is paged in only then (written-date-formats.ts keeps English dates free of Intl).
//
// Go's `time.String()` writes the offset and the zone's abbreviation both
// (`2025-11-04 10:30:00 -0500 EST`, `+0300 +03`): the offset is the time's; the name a label.

/** A zone: an offset east of UTC in minutes, or an IANA place whose offset depends on the date. */
export type Zone = number | { place: string };

// RFC 2822's zone names (obsolete but still in feeds), the other North American and the European,
// Asian and Australian abbreviations feeds write. Left out as ambiguous: IST (India, Ireland,
// Israel), BST (British Summer Time, Bangladesh).
const ZONE_NAMES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  wet: 0, west: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180,
  sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, acdt: 630, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};
// The generic North American names (`ET`, `PT`): standard or daylight time, whichever the date has.
const PLACE_NAMES: Readonly<Record<string, string>> = {
  et: 'America/New_York', ct: 'America/Chicago', mt: 'America/Denver', pt: 'America/Los_Angeles', akt: 'America/Anchorage',
};
// Words that end a date rather than name a zone ("4 Nov", "Tuesday, Nov").
const DATE_WORD = /^(?:jan|feb|mar|apr|may|jun|june|jul|july|aug|sep|sept|oct|nov|dec)$/i;

const NUMERIC_ZONE = /\s(?:gmt|utc|ut)?([+-])(\d{2}):?(\d{2})$/i;
const NAMED_ZONE = /\s([a-z]{1,4})$/i;
// An IANA name (`Europe/Berlin`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5`) after a space or
// a time's seconds (`10:30:00Europe/Berlin` is nobody's; a space or `[...]` is needed).
const PLACE = /\s([A-Za-z][A-Za-z_-]*(?:\/[A-Za-z0-9_+-]+)+)$/;
// RFC 9557's suffix with no offset before it (`2025-11-04T10:30:00[Europe/Berlin]`; after an
// offset, dates.ts drops it): the place, `!` marking it critical, annotations (`[u-ca=iso8601]`) after.
const BRACKETED = /\[!?([A-Za-z][A-Za-z_-]*(?:\/[A-Za-z0-9_+-]+)*)\](?:\[[^\]]*\])*$/;
// Go's label after an offset: an abbreviation (`UTC`, `EST`) or, for zones without one, `+03`.
const GO_LABEL = /(\s[+-]\d{2}:?\d{2})\s+(?:[A-Za-z]{2,5}|[+-]\d{2}(?:\d{2})?)$/;
// Go's monotonic clock reading, which time.String() appends to a time.Now() (`m=+0.000012345`).
const GO_MONOTONIC = /\s+m=[+-]\d+(?:\.\d+)?$/;

/**
 * Splits a trailing zone off `s`: the text before it and the zone, or null for a name that is no
 * zone known here (`4 Nov 2025 XYZ`). With no zone written, the zone is null.
 */
export function takeZone(text: string): { rest: string; zone: Zone | null } | null {
  let s = text.replace(GO_MONOTONIC, '');
  const bracketed = BRACKETED.exec(s);
  if (bracketed) return placeZone(s.slice(0, bracketed.index).trimEnd(), bracketed[1]);
  s = s.replace(GO_LABEL, '$1');
  const numeric = NUMERIC_ZONE.exec(s);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[2]) > 14 || Number(numeric[3]) > 59) return null;
    return { rest: s.slice(0, numeric.index), zone: numeric[1] === '-' ? -minutes : minutes };
  }
  const place = PLACE.exec(s);
  if (place) return placeZone(s.slice(0, place.index), place[1]);
  const named = NAMED_ZONE.exec(s);
  if (named) {
    const name = named[1].toLowerCase();
    if (Object.hasOwn(ZONE_NAMES, name)) return { rest: s.slice(0, named.index), zone: ZONE_NAMES[name] };
    if (Object.hasOwn(PLACE_NAMES, name)) return { rest: s.slice(0, named.index), zone: { place: PLACE_NAMES[name] } };
    if (!/^(?:am|pm|a|p)$/i.test(name) && !DATE_WORD.test(name)) return null;
  }
  return { rest: s, zone: null };
}

// The zone of an IANA name ICU knows, or null (`Mars/Olympus`).
function placeZone(rest: string, place: string): { rest: string; zone: Zone } | null {
  return clockOf(place) === null ? null : { rest, zone: { place } };
}

// One formatter per place named (a corpus names few), kept up to a bound; null for an unknown one.
const CLOCKS = new Map<string, Intl.DateTimeFormat | null>();
const CLOCKS_KEPT = 64;

function clockOf(place: string): Intl.DateTimeFormat | null {
  let clock = CLOCKS.get(place);
  if (clock !== undefined) return clock;
  try {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone: place, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    clock = null; // RangeError: not a zone ICU knows
  }
  if (CLOCKS.size < CLOCKS_KEPT) CLOCKS.set(place, clock);
  return clock;
}

// The place's offset at instant `ms` in ms: its wall clock then, read as UTC, less the instant.
function offsetAt(clock: Intl.DateTimeFormat, ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of clock.formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant (epoch ms) of a wall-clock time in `zone`, the wall clock given as if it were UTC
 * (`wall`); null for a place ICU does not know. Luxon's reading of a time a clock change skips
 * (it moves forward: 02:30 on the spring change is 03:30 summer time) or repeats.
 */
export function instantIn(wall: number, zone: Zone | null): number | null {
  if (zone === null) return wall;
  if (typeof zone === 'number') return wall - zone * 60_000;
  const clock = clockOf(zone.place);
  if (clock === null) return null;
  const first = offsetAt(clock, wall);
  const guess = wall - first;
  const second = offsetAt(clock, guess);
  if (second === first) return guess;
  const retry = wall - second;
  const third = offsetAt(clock, retry);
  return second === third ? retry : wall - Math.min(second, third);
}
