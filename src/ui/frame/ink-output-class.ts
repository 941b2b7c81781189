// ink's Output class (the frame buffer its renderer writes into) is not in ink's export map. The
// frame path wraps its `get()`, so it is loaded from the same file ink itself uses.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The prototype of the installed ink's Output, or undefined when the file is missing or not a class with `get()`. */
export async function inkOutputPrototype<P extends { get?: unknown }>(): Promise<P | undefined> {
  try {
    const url = new URL('./output.js', pathToFileURL(createRequire(import.meta.url).resolve('ink')));
    const Output = ((await import(url.href)) as { default?: { prototype?: P } }).default;
    const proto = Output?.prototype;
    return proto && typeof proto.get === 'function' ? proto : undefined;
  } catch {
    return undefined;
  }
}
