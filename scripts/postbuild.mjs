// Finishes the build: makes the built entry point executable (tsc keeps the shebang but not the
// mode bit) and copies the data files the program reads beside its modules (tsc emits only what
// is imported as code).
import { chmodSync, copyFileSync } from 'node:fs';
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
for (const file of ['core/coins/asset-manifest.json']) copyFileSync(new URL(`../src/${file}`, import.meta.url), new URL(`../dist/${file}`, import.meta.url));
