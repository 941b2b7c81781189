// JSON front matter's numbers as the author wrote them. JSON.parse hands back `1.50` as 1.5 and
// `2.10` as 2.1, so `{ "title": 1.50, "tags": [2.10, "x"] }` lost its zeros where YAML and TOML
// front matter keep them (engines.ts, toml-as-written.ts). Every number, at any depth as YAML's
// are, is made the string of its source text before the parse: each fills its own field then
// (dates read `1762252200`, `score` reads `0.7`, flags read `1`: load/flags.ts; text keeps `1.50`).
// `true`, `false` and `null` stay what they are: their spelling is their value.
//
// Node 20 has no JSON.parse source text (the reviver's `context.source` came in Node 21), hence
// the scan: strings are stepped over whole, and only a token JSON's grammar calls a number is
// quoted, so a document JSON.parse refuses is refused still, with JSON.parse's own message on
// the text as written.

// JSON's number (RFC 8259 section 6), at a token's start.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

// `source` with each number outside strings written as a string of its text.
function numbersQuoted(source: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 34 /* " */) {
      // The string's end: the next quote not escaped by a backslash.
      for (i++; i < source.length && source.charCodeAt(i) !== 34; i++) if (source.charCodeAt(i) === 92 /* \ */) i++;
      continue;
    }
    if (c !== 45 /* - */ && (c < 48 || c > 57)) continue;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(source);
    if (m === null) continue;
    out += `${source.slice(from, i)}"${m[0]}"`;
    i += m[0].length - 1;
    from = i + 1;
  }
  return from === 0 ? source : out + source.slice(from);
}

/** A JSON front-matter block parsed with its numbers as their source text; throws JSON.parse's error on invalid JSON. */
export function parseJsonAsWritten(source: string): unknown {
  const quoted = numbersQuoted(source);
  if (quoted === source) return JSON.parse(source);
  try {
    return JSON.parse(quoted);
  } catch {
    return JSON.parse(source); // its error names the place in the text as written
  }
}
