// The asset list coins are detected against is a pinned copy of a published dataset (issue 13:
// "pinned, with its date in the README"): src/core/coins/asset-manifest.json, written by
// scripts/pin-assets.mjs from the cryptocurrency-icons package. Its header must say where it came
// from, agree with the package version package.json pins and the date the README gives, and the
// file must be exactly what the script makes from that package (no hand edits).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetOf, resolveCoin } from '../../../src/core/coins/index.js';
import { pinnedManifest } from '../../../src/core/coins/assets.js';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
const pinnedFile = path.join(repo, 'src/core/coins/asset-manifest.json');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const { source, assets } = pinnedManifest();

describe('the pinned asset list', () => {
  it('names its source: package, the exact version package.json pins, date, licence, checksum, generator', () => {
    expect(source.package).toBe('cryptocurrency-icons');
    expect(source.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies['cryptocurrency-icons']).toBe(source.version);
    expect(source.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(source.license).toBe('CC0-1.0');
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(path.join(repo, source.generatedBy))).toBe(true);
  });

  it('gives its version and date in the README', () => {
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    expect(readme).toContain(`version ${source.version}, published ${source.published}`);
  });

  it('is exactly what the script makes from the installed package, whose file has the recorded checksum', async () => {
    const require = createRequire(import.meta.url);
    const raw = fs.readFileSync(require.resolve('cryptocurrency-icons/manifest.json'));
    expect(createHash('sha256').update(raw).digest('hex')).toBe(source.sha256);
    const script = (await import(path.join(repo, 'scripts/pin-assets.mjs'))) as { pinnedManifest(published: string): string };
    expect(script.pinnedManifest(source.published)).toBe(fs.readFileSync(pinnedFile, 'utf8'));
  });

  it('is what detection uses: hundreds of assets, names and brand colours', () => {
    expect(assets.length).toBeGreaterThan(400);
    expect(resolveCoin('Solana')).toBe('SOL');
    expect(assetOf('btc')?.color).toMatch(/^#[0-9a-f]{6}$/);
    // A manifest asset the project's own list does not add.
    expect(assets.some(([symbol]) => symbol === 'XMR')).toBe(true);
    expect(resolveCoin('monero')).toBe('XMR');
  });
});
