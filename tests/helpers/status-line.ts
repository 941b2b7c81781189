// What a shell wrapper wrote once the program it ran had ended (`cmd; echo "exit=$?" > FILE`): the
// shell creates the file before it writes the line, so on a busy machine a look between the two
// reads it empty. Read once the line is in.
import fs from 'node:fs';

/** The text of `file` once it ends with a newline; throws if it does not within `timeoutMs`. */
export async function statusLine(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8');
      if (text.endsWith('\n')) return text;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${file} was not written within ${timeoutMs / 1000} s`);
}
