// htmlparser2, loaded at the first body that holds HTML, synchronously through the package's
// CommonJS build (as entities.ts loads its decoder): a parse thread reading bodies with no tag (most
// of a corpus) never compiles it, nor does a thread's bundle carry it.
import { createRequire } from 'node:module';

let loaded: typeof import('htmlparser2') | null = null;

/** htmlparser2's streaming Parser, loaded on first use. */
export function htmlParser(): typeof import('htmlparser2').Parser {
  return (loaded ??= createRequire(import.meta.url)('htmlparser2') as typeof import('htmlparser2')).Parser;
}
