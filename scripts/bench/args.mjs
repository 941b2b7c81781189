// The command line of the bench scripts (bench.mjs, bench/exit-time.mjs, bench/watch-exit.mjs):
// options as `--name VALUE` pairs and bare `--flag`s, each script's positional words its own.

/**
 * The options in `argv` (default: this process's arguments after the script): `opt(name,
 * fallback)` is the word after `--name` (the fallback when `--name` is absent or last), `flag(name)`
 * whether `--name` is given; `argv` itself for what a script reads in its own way.
 */
export function benchArgs(argv = process.argv.slice(2)) {
  return {
    argv,
    opt: (name, fallback) => {
      const i = argv.indexOf(`--${name}`);
      return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
    },
    flag: (name) => argv.includes(`--${name}`),
  };
}
