// Temporary directories for loader tests that need FIFOs, links, sockets and permissions,
// which cannot live in the repository as fixtures.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Creates a fresh temporary directory and returns its path. */
export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-loader-'));
}

/** Writes a file (creating parent folders) and returns its path. */
export function write(root: string, rel: string, content: string | Buffer): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A minimal valid article. */
export function article(title: string): string {
  return `---\ntitle: ${title}\ndate: 2024-01-01\n---\nBody of ${title}.\n`;
}

/** Makes a FIFO at root/rel. */
export function mkfifo(root: string, rel: string): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execSync(`mkfifo ${JSON.stringify(file)}`);
  return file;
}

/** Binds a Unix socket at root/rel; returns a function that closes it. */
export async function mksocket(root: string, rel: string): Promise<() => Promise<void>> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path.join(root, rel), resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Removes a temporary directory, restoring permissions first. */
export function cleanup(root: string): void {
  execSync(`chmod -R u+rwx ${JSON.stringify(root)}`);
  fs.rmSync(root, { recursive: true, force: true });
}
