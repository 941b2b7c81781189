// The config file's public face: find it, read it, parse it (TOML, through smol-toml), check it,
// and fill in defaults. A missing file is not an error; anything wrong with one that exists is.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_CONFIG, validateConfig, type Config, type KeyVocabulary } from './config.js';
import { defaultConfigFile, expandHome } from './folders.js';
import { keyAtError, stringLeftOpen } from './toml-error-key.js';
import { lineOf } from './locate.js';

export { ConfigError, DEFAULT_CONFIG, type Config, type KeyVocabulary, type ThemeName, type View } from './config.js';
export { defaultConfigFile, stateDirectory } from './folders.js';

/** Where the configuration came from; for a file, the line its `paths` are on (null: none given), for messages about them. */
export type ConfigSource = { kind: 'file'; file: string; pathsLine?: number | null } | { kind: 'missing'; file: string } | { kind: 'disabled' };

/** How to find the file: `--config FILE`, `--no-config`, or the default place. */
export interface ConfigRequest {
  file?: string;
  disabled?: boolean;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

// smol-toml is loaded only when there is a file to parse: most runs have none, and its nine ES
// modules were a tenth of a warm --filter's module loading. Its CommonJS build is one file,
// loaded synchronously here (the parse and its error class come from the same build).
let toml: typeof import('smol-toml') | null = null;
const smolToml = (): typeof import('smol-toml') => (toml ??= createRequire(import.meta.url)('smol-toml') as typeof import('smol-toml'));

const OPEN_STRING = {
  line: 'a string with no closing quote',
  'multi-line': 'a multi-line string with no closing triple quote',
} as const;

// A config file is a few hundred bytes; anything this big is not one.
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The configuration in force and where it came from. Throws ConfigError for a file that exists
 * but cannot be read, parsed or understood; a `--config FILE` that does not exist is an error
 * too (the user named it), the default file missing is not.
 */
export function loadConfig(request: ConfigRequest, vocabulary: KeyVocabulary): { config: Config; source: ConfigSource } {
  if (request.disabled) return { config: DEFAULT_CONFIG, source: { kind: 'disabled' } };
  const home = request.home ?? os.homedir();
  const file = request.file ?? defaultConfigFile(request.env ?? process.env, home);
  let source: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new ConfigError(file, null, 'not a regular file');
    if (stat.size > MAX_CONFIG_BYTES) throw new ConfigError(file, null, 'too large to be a config file');
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && request.file === undefined) return { config: DEFAULT_CONFIG, source: { kind: 'missing', file } };
    throw new ConfigError(file, null, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${String(code)})`);
  }
  let doc: Record<string, unknown>;
  const { parse, TomlError } = smolToml();
  try {
    doc = parse(source) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      // smol-toml's message repeats the offending line with a caret; its first line says it all.
      const reason = `TOML syntax: ${error.message.split('\n')[0].replace(/^Invalid TOML document: /, '')}`;
      const at = error.line ?? null;
      const key = at === null ? null : keyAtError(source, at);
      // A string whose closing quote is missing: smol-toml reads the line break into it (or, for a
      // multi-line string, the rest of the file) and says only that.
      const open = key && at !== null ? stringLeftOpen(source, key.line) : null;
      if (key && open) throw new ConfigError(file, open.line, `"${key.key}": value not closed (${OPEN_STRING[open.kind]})`);
      // A value left open is reported where its key starts, with the line where parsing stopped.
      if (key && key.line !== at) throw new ConfigError(file, key.line, `"${key.key}": value not closed (${reason}, line ${at})`);
      throw new ConfigError(file, at, key ? `"${key.key}": ${reason}` : reason);
    }
    throw error;
  }
  const config = validateConfig(doc, file, source, vocabulary);
  // A relative entry is read from the config file's folder, as `~` is from the home folder: the
  // same file opens the same folders from any working directory (a tester's `paths = ["data"]`
  // worked in one directory and failed everywhere else).
  const folder = path.dirname(path.resolve(file));
  const paths = config.paths.map((p) => path.resolve(folder, expandHome(p, home)));
  return { config: { ...config, paths }, source: { kind: 'file', file, pathsLine: doc.paths === undefined ? null : lineOf(source, ['paths']) } };
}
