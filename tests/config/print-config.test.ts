// `--print-config` is where a user finds the command names a `[keys]` table takes: the `?`
// overlay shows keys and what they do, not the names.
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { printConfig } from '../../src/config/print-config.js';
import { COMMANDS, commandKeys, remapKeymap } from '../../src/state/keymap-remap.js';

const folders = { state: '/s', cache: '/c' };
const config = { paths: [], views: [], keys: { toggleSaved: ['S'] }, theme: 'dark' as const };

describe('--print-config', () => {
  const text = printConfig(config, { kind: 'file', file: '/cfg.toml' }, folders, commandKeys(remapKeymap(config.keys)));
  it('lists every command [keys] can remap, with the keys in force and what it does', () => {
    for (const c of COMMANDS) expect(text).toMatch(new RegExp(`^# ${c} +=`, 'm'));
    expect(text).toMatch(/^# toggleSaved += \["S"\] +# save \/ unsave/m);
    expect(text).toMatch(/^# down += \["j", "down"\] +# next row/m);
    expect(text).toMatch(/^# deleteWord += \["ctrl\+w"\] +# delete a word/m);
  });
  it('keeps the help of a command whose key another one took', () => {
    // Found by a tester: after `startSearch = ["s"]`, cycleSort (whose key was `s`) printed `# ` and nothing.
    const taken = printConfig(config, { kind: 'file', file: '/cfg.toml' }, folders, commandKeys(remapKeymap({ startSearch: ['s'] })));
    expect(taken).toMatch(/^# cycleSort += \[\] +# \S/m);
    expect(taken).not.toMatch(/# *$/m);
  });
  it('stays a config file that reads back as the configuration in force', () => {
    expect(parse(text)).toEqual({ paths: [], theme: 'dark', keys: { toggleSaved: ['S'] } });
  });
});
