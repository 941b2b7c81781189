#!/usr/bin/env node
// `npm run pin-assets`: writes src/core/coins/asset-manifest.json, the pinned copy of the asset
// list coins are detected against, from the installed `cryptocurrency-icons` package (a
// devDependency pinned to one version; its manifest is CC0). Only what detection reads is kept:
// symbol, name and brand colour, in the manifest's order. The header records where the list came
// from (package, version, publication date, the source file's SHA-256) so a test can tell the
// copy from a hand edit. The program itself reads only the pinned file: a user's install does not
// carry the package's 37 MB of icons for a 34 kB list.
// Options: --check (exit 1 when the pinned file differs from what the package gives; writes nothing)
//          --published YYYY-MM-DD (the version's publication date, from `npm view cryptocurrency-icons time`)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(repo, 'src/core/coins/asset-manifest.json');
const argv = process.argv.slice(2);
const require = createRequire(import.meta.url);

/** The pinned file's content as the installed package gives it (`published`: the version's date). */
export function pinnedManifest(published) {
  const manifestPath = require.resolve('cryptocurrency-icons/manifest.json');
  const raw = fs.readFileSync(manifestPath);
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(manifestPath), 'package.json'), 'utf8'));
  const entries = JSON.parse(raw.toString('utf8'));
  const assets = entries
    .filter((e) => typeof e.symbol === 'string' && typeof e.name === 'string')
    .map((e) => [e.symbol, e.name, typeof e.color === 'string' ? e.color : null]);
  const source = {
    package: pkg.name,
    version: pkg.version,
    published,
    license: pkg.license,
    file: 'manifest.json',
    sha256: createHash('sha256').update(raw).digest('hex'),
    generatedBy: 'scripts/pin-assets.mjs',
  };
  // One asset a line: a diff of a new version reads as the assets it adds and drops.
  return `{\n  "source": ${JSON.stringify(source)},\n  "assets": [\n${assets.map((a) => `    ${JSON.stringify(a)}`).join(',\n')}\n  ]\n}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = argv.indexOf('--published');
  const current = fs.existsSync(target) ? JSON.parse(fs.readFileSync(target, 'utf8')).source : null;
  const published = i >= 0 ? argv[i + 1] : current?.published;
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    process.stderr.write('pin-assets: give the version\'s publication date: --published YYYY-MM-DD (npm view cryptocurrency-icons time)\n');
    process.exit(2);
  }
  const text = pinnedManifest(published);
  if (argv.includes('--check')) {
    const same = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text;
    process.stdout.write(same ? 'asset-manifest.json matches the installed package\n' : 'asset-manifest.json differs from the installed package: run npm run pin-assets\n');
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(repo, target)} (${JSON.parse(text).assets.length} assets)\n`);
}
