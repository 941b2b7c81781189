// `--print-config`: the configuration in force as TOML (so it can be pasted into a config file),
// preceded by comments saying where it came from and where state and cache live.
import { stringify } from 'smol-toml';
import type { Config } from './config.js';
import type { ConfigSource } from './load-config.js';

/**
 * The text `--print-config` writes. `commands`: every command a `[keys]` entry may name, with its
 * keys in force and its help line, listed as comments (the `?` overlay shows keys, not names, so
 * this is where a user finds the names to remap).
 */
export function printConfig(config: Config, source: ConfigSource, folders: { state: string; cache: string }, commands: ReadonlyArray<{ command: string; keys: readonly string[]; help: string }> = []): string {
  const from =
    source.kind === 'file' ? source.file : source.kind === 'missing' ? `${source.file} (not found: defaults in force)` : '(none: --no-config)';
  const doc: Record<string, unknown> = { paths: config.paths, theme: config.theme };
  if (config.views.length) doc.views = config.views.map((v) => ({ ...v }));
  if (Object.keys(config.keys).length) doc.keys = config.keys;
  const lines = [`# config file: ${from}`, `# state folder: ${folders.state}`, `# cache folder: ${folders.cache}`, '', stringify(doc).trimEnd(), ''];
  if (commands.length) {
    const keys = commands.map((c) => `[${c.keys.map((k) => JSON.stringify(k)).join(', ')}]`);
    const nameW = Math.max(...commands.map((c) => c.command.length));
    const keysW = Math.max(...keys.map((k) => k.length));
    lines.push('# The commands a [keys] table can remap, with their keys in force:');
    commands.forEach((c, i) => lines.push(`# ${c.command.padEnd(nameW)} = ${keys[i].padEnd(keysW)}  # ${c.help}`));
    lines.push('');
  }
  return lines.join('\n');
}
