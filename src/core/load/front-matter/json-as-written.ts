// JSON front matter's numbers as the author wrote them. JSON.parse hands back `1.50` as 1.5 and
// `2.10` as 2.1, so `{ "title": 1.50, "tags": [2.10, "x"] }` lost its zeros where YAML and TOML
// front matter keep them (engines.ts, toml-as-written.ts). Every number, at any depth as YAML's
// are, is read as the string of its source text: each fills its own field then (dates read
// `1762252200`, `score` reads `0.7`, flags read `1`: load/flags.ts; text keeps `1.50`).
// `true`, `false` and `null` stay what they are: their spelling is their value.
//
// Node 20's JSON.parse gives no number's source text (the reviver's `context.source` came in
// Node 21); lossless-json's parser hands each number's text to `parseNumber`. A repeated key
// takes the later value, as JSON.parse and YAML front matter here do (engines.ts), where
// lossless-json would refuse the document.

import { parse } from 'lossless-json';

/** A JSON front-matter block (RFC 8259) parsed with its numbers as their source text; throws a SyntaxError naming the position on invalid JSON. */
export function parseJsonAsWritten(source: string): unknown {
  return parse(source, null, { parseNumber: (text) => text, onDuplicateKey: ({ newValue }) => newValue });
}
