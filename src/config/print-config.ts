// `--print-config`: the configuration in force as TOML (so it can be pasted into a config file),
// preceded by comments saying where it came from and where state and cache live.
import { stringify } from 'smol-toml';
import type { Config } from './config.js';
import type { ConfigSource } from './load-config.js';

/** The text `--print-config` writes. */
export function printConfig(config: Config, source: ConfigSource, folders: { state: string; cache: string }): string {
  const from =
    source.kind === 'file' ? source.file : source.kind === 'missing' ? `${source.file} (not found: defaults in force)` : '(none: --no-config)';
  const doc: Record<string, unknown> = { paths: config.paths, theme: config.theme };
  if (config.views.length) doc.views = config.views.map((v) => ({ ...v }));
  if (Object.keys(config.keys).length) doc.keys = config.keys;
  return [`# config file: ${from}`, `# state folder: ${folders.state}`, `# cache folder: ${folders.cache}`, '', stringify(doc), ''].join('\n');
}
