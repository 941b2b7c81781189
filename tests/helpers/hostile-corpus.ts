// Writes a folder that attacks the reader in every way the safety issue names: code in front
// matter, bytes that drive the terminal, unbounded work, and a filesystem that is not what it
// seems. Good articles sit beside the bad ones; every test asserts they still load.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ESC = '\x1b';

/** What the generator wrote and what a loader must make of it. */
export interface HostileCorpus {
  dir: string;
  /** A file that exists only if code from the corpus ran. */
  marker: string;
  /** Titles of the good articles that must load. */
  goodTitles: string[];
  /** Relative paths that must produce a warning (each exactly once). */
  mustWarn: string[];
  /** Relative paths that must never be reported as loaded articles. */
  mustNotLoad: string[];
  cleanup(): void;
}

const front = (fields: string, body = 'Body text.\n') => `---\n${fields}\n---\n${body}`;

function good(i: number): [string, string] {
  const title = `Good article number ${i}`;
  return [
    `good/good-${i}.md`,
    front(
      `title: ${title}\ndescription: A normal article.\npublishedAt: '2025-11-${10 + i}T10:00:00Z'\nsource:\n  name: Example Wire\n  key: example\ntags: [BTC, SAFE]\nsentiment: NEUTRAL`,
      `## Heading\n\nSome **text** with a [link](https://example.com/${i}).\n`,
    ),
  ];
}

/** Creates the hostile folder in a fresh temp directory. */
export function writeHostileCorpus(): HostileCorpus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-hostile-'));
  const marker = path.join(dir, '..', `${path.basename(dir)}-PWNED`);
  const writeMarker = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
  const files: Record<string, string | Buffer> = {};
  const goodTitles: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const [rel, text] = good(i);
    files[rel] = text;
    goodTitles.push(`Good article number ${i}`);
  }

  // 1. Code from data.
  files['code/js.md'] = `---js\n{ title: (${writeMarker}, 'js ran') }\n---\nbody\n`;
  files['code/javascript.md'] = `---javascript\n${writeMarker}; module.exports = { title: 'x' }\n---\nbody\n`;
  files['code/coffee.md'] = `---coffee\ntitle: do -> ${writeMarker}\n---\nbody\n`;
  files['code/yaml-function.md'] = front(`title: !!js/function 'function () { ${writeMarker} }'`);
  files['code/yaml-regexp.md'] = front(`title: ok\npattern: !!js/regexp /a+/g`);
  files['code/yaml-python.md'] = front(`title: !!python/object/apply:os.system ["touch ${marker}"]`);
  files['code/proto.md'] = front(
    `title: Proto pollution attempt\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nsource:\n  __proto__:\n    polluted: yes`,
  );

  // 2. Bytes that drive the terminal, in every field a reader sees.
  files['escapes/title.md'] = front(
    `title: "Evil ${'\\e'}]0;HACKED TITLE${'\\a'} ${'\\e'}]52;c;ZWNobyBwd25lZA==${'\\a'} ${'\\e'}[2J${'\\e'}[31mred"\n` +
      `description: "desc \\x9b2J \\u202Eevil\\u202C \\x07 \\x7f"\nsource: "${'\\e'}]8;;http://evil${'\\e'}\\\\Src${'\\e'}]8;;${'\\e'}\\\\"\n` +
      `tags: ["${'\\e'}[5mBLINK", "\\u2066iso\\u2069"]\ncategory: "\\x1bPq#0${'\\e'}\\\\CAT"\nurl: "javascript:alert(1)${'\\e'}[2J"`,
    `# Body ${ESC}]0;body title\x07\n\nText ${ESC}[2J${ESC}[H cleared? \x9d52;c;AAAA\x9c and \u202Ereversed\u202C.\n\n` +
      '```\ncode ' + `${ESC}[31m red ${ESC}_APC${ESC}\\ \x00 nul` + '\n```\n\n' +
      `[link ${ESC}[1mbold](https://example.com/${ESC}[2J) ![img ${ESC}[8m](x.png)\n`,
  );
  files[`escapes/name-${ESC}]0;file${'\x07'}.md`] = front('title: Escape in the file name');

  // 3. Unbounded work.
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  files['work/billion-laughs.md'] = front(`title: Laughs\n${laughs.join('\n')}`);
  files['work/deep-nesting.md'] = front(`title: Deep\nx: ${'['.repeat(5000)}${']'.repeat(5000)}`);
  files['work/many-keys.md'] = front(
    `title: Keys\n${Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n')}`,
  );
  files['work/huge-file.md'] = front('title: Huge file', `${'word '.repeat(200)}\n`.repeat(3_000)); // ~3 MB
  files['work/long-line.md'] = front('title: One very long line', `${'x'.repeat(2_000_000)}\n`);

  // 4. The filesystem as it is.
  files['fs/binary.md'] = Buffer.concat([Buffer.from('---\ntitle: bin\n---\n'), Buffer.from([0, 1, 2, 0, 255, 254])]);
  files['fs/invalid-utf8.md'] = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from(' latin1\n---\nna\xefve\n', 'latin1')]);
  files['fs/bom-crlf.md'] = `\ufeff---\r\ntitle: BOM and CRLF\r\n---\r\nLine one\r\nLine two\r\n`;
  files['fs/empty.md'] = '';
  files['fs/unclosed.md'] = '---\ntitle: Never closed\nbody without the closing fence\n';

  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  fs.mkdirSync(path.join(dir, 'fs', 'folder.md'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'fs', 'folder.md', 'inside.md'), front('title: Inside a folder named .md'));
  fs.symlinkSync('..', path.join(dir, 'fs', 'loop'));
  fs.symlinkSync('nowhere.md', path.join(dir, 'fs', 'dangling.md'));
  fs.symlinkSync('/dev/zero', path.join(dir, 'fs', 'zero.md'));
  fs.writeFileSync(path.join(dir, 'fs', 'unreadable.md'), front('title: Unreadable'));
  fs.chmodSync(path.join(dir, 'fs', 'unreadable.md'), 0o000);
  execFileSync('mkfifo', [path.join(dir, 'fs', 'fifo.md')]);
  goodTitles.push('Inside a folder named .md');

  return {
    dir,
    marker,
    goodTitles,
    mustWarn: [
      'code/js.md',
      'code/javascript.md',
      'code/coffee.md',
      'code/yaml-function.md',
      'code/yaml-python.md',
      'work/billion-laughs.md',
      'work/deep-nesting.md',
      'work/many-keys.md',
      'work/huge-file.md',
      'fs/binary.md',
      'fs/empty.md',
      'fs/dangling.md',
      'fs/zero.md',
      'fs/fifo.md',
    ],
    mustNotLoad: ['code/js.md', 'code/javascript.md', 'code/coffee.md', 'fs/binary.md', 'fs/fifo.md', 'fs/zero.md'],
    cleanup: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(marker, { force: true });
    },
  };
}
