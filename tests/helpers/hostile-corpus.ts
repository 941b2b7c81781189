// Writes a folder that attacks the reader in every way the safety issue names: code in front
// matter, bytes that drive the terminal, unbounded work, and a filesystem that is not what it
// seems. Good articles sit beside the bad ones; every test asserts they still load. The files are
// grouped by class so a missing class is easy to spot; each group returns its own expectations.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

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
  /** Relative paths that must load (hostile bytes inside, but data all the same). */
  mustLoad: string[];
  cleanup(): void;
}

type Files = Record<string, string | Buffer>;
interface Group {
  files: Files;
  mustWarn: string[];
  mustNotLoad: string[];
  mustLoad: string[];
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

// 1. Code from data: executable front-matter languages, constructor tags, prototype keys.
function codeGroup(marker: string): Group {
  const run = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
  const files: Files = {
    'code/js.md': `---js\n{ title: (${run}, 'js ran') }\n---\nbody\n`,
    'code/javascript.md': `---javascript\n${run}; module.exports = { title: 'x' }\n---\nbody\n`,
    'code/js-spaced.md': `--- JavaScript\n${run}\n---\nbody\n`,
    'code/coffee.md': `---coffee\ntitle: do -> ${run}\n---\nbody\n`,
    'code/coffeescript.md': `---coffeescript\ntitle: do -> ${run}\n---\nbody\n`,
    'code/typescript.md': `---ts\nexport default (${run})\n---\nbody\n`,
    'code/yaml-function.md': front(`title: !!js/function 'function () { ${run} }'`),
    'code/yaml-undefined.md': front(`title: Undefined\nx: !!js/undefined ''`),
    'code/yaml-long-tag.md': front(`title: !<tag:yaml.org,2002:js/function> 'function () { ${run} }'`),
    'code/yaml-regexp.md': front(`title: ok\npattern: !!js/regexp /a+/g`),
    'code/yaml-python.md': front(`title: !!python/object/apply:os.system ["touch ${marker}"]`),
    'code/yaml-ruby.md': front(`title: !ruby/object:Gem::Installer\n  i: x`),
    'code/proto.md': front(
      `title: Proto pollution attempt\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nsource:\n  __proto__:\n    polluted: yes`,
    ),
    'code/proto-merge.md': front(`title: Proto via merge key\nbase: &b\n  __proto__: { polluted: yes }\nchild:\n  <<: *b\n  ok: 1`),
    'code/proto-toml.md': `+++\ntitle = "Proto in TOML"\n[__proto__]\npolluted = true\n[constructor.prototype]\npolluted = true\n+++\nbody\n`,
    'code/proto-json.md': `;;;\n{"title": "Proto in JSON", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}\n;;;\nbody\n`,
  };
  const refused = ['code/js.md', 'code/javascript.md', 'code/js-spaced.md', 'code/coffee.md', 'code/coffeescript.md', 'code/typescript.md'];
  return {
    files,
    mustWarn: [...refused, 'code/yaml-function.md', 'code/yaml-undefined.md', 'code/yaml-regexp.md', 'code/yaml-long-tag.md', 'code/yaml-python.md', 'code/yaml-ruby.md'],
    mustNotLoad: refused,
    mustLoad: ['code/proto.md', 'code/proto-merge.md', 'code/proto-toml.md', 'code/proto-json.md'],
  };
}

// 2. Bytes that drive the terminal, in every field a reader sees, the file name and the body.
function escapesGroup(): Group {
  const e = '\\e';
  const files: Files = {
    'escapes/title.md': front(
      `title: "Evil ${e}]0;HACKED TITLE\\a ${e}]52;c;ZWNobyBwd25lZA==\\a ${e}[2J${e}[31mred"\n` +
        `description: "desc \\x9b2J \\u202Eevil\\u202C \\x07 \\x7f"\nsource: "${e}]8;;http://evil${e}\\\\Src${e}]8;;${e}\\\\"\n` +
        `tags: ["${e}[5mBLINK", "\\u2066iso\\u2069"]\ncategory: "\\x1bPq#0${e}\\\\CAT"\nurl: "javascript:alert(1)${e}[2J"`,
      `# Body ${ESC}]0;body title${BEL}\n\nText ${ESC}[2J${ESC}[H cleared? \x9d52;c;AAAA\x9c and \u202Ereversed\u202C.\n\n` +
        '```\ncode ' + `${ESC}[31m red ${ESC}_APC${ST} \x01 soh \x7f del` + '\n```\n\n' +
        `[link ${ESC}[1mbold](https://example.com/${ESC}[2J) ![img ${ESC}[8m](x.png)\n`,
    ),
    'escapes/pm-sos.md': front(
      `title: "PM ${e}^privacy message${e}\\\\ and SOS ${e}Xstart of string${e}\\\\ done"\nsentiment: "\\x9eNEG\\x9c"`,
      `PM ${ESC}^pm body${ST} SOS ${ESC}Xsos body${ST} 8-bit ${'\u009e'}pm${'\u009c'} ${'\u0098'}sos${'\u009c'} APC ${'\u009f'}apc${'\u009c'} end.\n`,
    ),
    'escapes/fields.md': front(
      `title: Escapes in every field\nsource:\n  name: "Wire ${e}[7mINVERSE"\n  key: "k${e}[0m"\nauthor: "${e}]2;author\\a"\n` +
        `categories: ["Mark${e}]0;cat\\aets", "\\u202Etxen"]\ntags: "a${e}[2K, b\\x9b1;1H, c\\x85d"\nlang: "e\\x1bcn"\n` +
        `sentiment: "POS${e}[31m"\ncoverImage: "https://img/${e}]8;;x${e}\\\\a.png"\ncanonical: "https://x/\\u2028next"`,
    ),
    'escapes/keys.md': front(
      `title: Escapes in front-matter keys\n"${e}]0;KEY TITLE\\a": value\nnested:\n  "${e}[2Jinner\\u202E": "${e}]52;c;AAAA\\a"\n  list: ["${e}[1mone", 2]`,
    ),
    'escapes/body-links.md': front(
      'title: Escapes in Markdown links and HTML',
      `[osc 8](https://a.example/${ESC}]8;;https://evil${ST}x) and <https://b.example/${ESC}[2J>\n\n` +
        `[ref link][r] and ![alt ${ESC}]0;t${BEL}](https://img/${ESC}[5m.png "title ${ESC}[2J")\n\n` +
        `[r]: https://c.example/${ESC}]52;c;QQ==${BEL} "ref ${ESC}[2J"\n\n` +
        `Entities: &#27;[2J &#x1b;]0;entity title&#x7; &#x9b;31m &#155;1m &#x202e;rev &#8238;rev &#0; &#x110000;\n\n` +
        `<div title="${ESC}[2J">html &#27;]0;html title&#7; block</div>\n\n` +
        `| h${ESC}[1m | &#27;[2J |\n|---|---|\n| cell ${ESC}]0;x${BEL} | \`${ESC}[31mcode\` |\n\n` +
        `## Heading ${ESC}[2J &#27;c\n\n> quote ${ESC}]0;q${BEL}\n\n- item ${ESC}[31m\n  - nested \u009b2J\n`,
    ),
    'escapes/toml.md': `+++\ntitle = "TOML \\u001b]0;pwn\\u0007 title"\ntags = ["\\u001b[5mx", "\\u009b2J"]\n+++\nbody\n`,
    'escapes/json.md': `;;;\n{"title": "JSON \\u001b[2J title \\u202e", "source": "\\u0090q\\u009c"}\n;;;\nbody\n`,
    'escapes/heading-title.md': `# Heading ${ESC}]0;via heading${BEL} title\n\nNo front matter at all.\n`,
    'escapes/utf8-c1.md': Buffer.from(front(`title: "C1 as UTF-8 \u009b2J\u0085 done"`, `raw \u009b31m red \u0090dcs\u009c\n`), 'utf8'),
    'escapes/line-separators.md': front(`title: "Line\\u2028separator\\u2029paragraph"`, 'one\u2028two\u2029three\n'),
    [`escapes/name-${ESC}]0;file${BEL}.md`]: front('title: Escape in the file name'),
    'escapes/name-\u202eevil.md': front('title: Bidi override in the file name'),
    'escapes/name-with\nnewline.md': front('title: Newline in the file name'),
    'escapes/name-\x9b31m-c1.md': front('title: C1 in the file name'),
  };
  return { files, mustWarn: [], mustNotLoad: [], mustLoad: Object.keys(files) };
}

// 3. Unbounded work: alias bombs, deep nesting, huge key counts, huge bodies and lines.
function workGroup(): Group {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  // ~1.2 MB of lists nested up to 60 deep: loads truncated, and the renderer must stay bounded.
  const nested = Array.from({ length: 9000 }, (_, i) => `${'  '.repeat(i % 60)}- item ${i} ${'*a '.repeat(20)}`).join('\n');
  const files: Files = {
    'work/billion-laughs.md': front(`title: Laughs\n${laughs.join('\n')}`),
    'work/deep-nesting.md': front(`title: Deep\nx: ${'['.repeat(5000)}${']'.repeat(5000)}`),
    'work/many-keys.md': front(`title: Keys\n${Array.from({ length: 5_000 }, (_, i) => `k${i}: ${i}`).join('\n')}`),
    'work/huge-front-matter.md': front(`title: Huge front matter\nblob: "${'x'.repeat(100_000)}"`),
    'work/huge-file.md': front('title: Huge file', `${'word '.repeat(200)}\n`.repeat(3_000)), // ~3 MB
    'work/nested-lists.md': front('title: A megabyte of nested lists', `${nested}\n`),
    'work/long-line.md': front('title: One very long line', `${'x'.repeat(2_000_000)}\n`),
    'work/unterminated-osc.md': front('title: Unterminated OSC', `start ${ESC}]0;${'y'.repeat(500_000)}\nend\n`),
    'work/emphasis.md': front('title: Quadratic emphasis', `${'*a '.repeat(60_000)}\n`),
    'work/deep-quote.md': front('title: Deep blockquote', `${'> '.repeat(3000)}deep\n\n${'['.repeat(3000)}x${']'.repeat(3000)}\n`),
    'work/many-links.md': front('title: Many links', Array.from({ length: 3000 }, (_, i) => `[l${i}](https://x.example/${i})`).join(' ') + '\n'),
  };
  const refused = ['work/billion-laughs.md', 'work/deep-nesting.md', 'work/many-keys.md', 'work/huge-front-matter.md'];
  return {
    files,
    mustWarn: [...refused, 'work/huge-file.md', 'work/nested-lists.md'],
    mustNotLoad: refused,
    mustLoad: ['work/huge-file.md', 'work/nested-lists.md', 'work/long-line.md', 'work/unterminated-osc.md', 'work/emphasis.md', 'work/deep-quote.md', 'work/many-links.md'],
  };
}

// 4. The filesystem as it is: encodings, empty and broken files; special files are made later.
function fsGroup(): Group {
  const files: Files = {
    'fs/binary.md': Buffer.concat([Buffer.from('---\ntitle: bin\n---\n'), Buffer.from([0, 1, 2, 0, 255, 254])]),
    'fs/invalid-utf8.md': Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from(' latin1\n---\nna\xefve\n', 'latin1')]),
    'fs/latin1.md': Buffer.from('---\ntitle: Latin-1 café crème\n---\nNaïve résumé, façade.\n', 'latin1'),
    'fs/utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: UTF-16 article\n---\nbody\n', 'utf16le')]),
    'fs/bom-crlf.md': `\ufeff---\r\ntitle: BOM and CRLF\r\n---\r\nLine one\r\nLine two\r\n`,
    'fs/empty.md': '',
    'fs/only-bom.md': '\ufeff',
    'fs/whitespace.md': ' \n\t\n',
    'fs/unclosed.md': '---\ntitle: Never closed\nbody without the closing fence\n',
  };
  const special = ['fs/dangling.md', 'fs/zero.md', 'fs/null.md', 'fs/fifo.md', 'fs/fifo-link.md'];
  return {
    files,
    mustWarn: ['fs/binary.md', 'fs/empty.md', 'fs/only-bom.md', 'fs/whitespace.md', ...special],
    mustNotLoad: ['fs/binary.md', 'fs/zero.md', 'fs/null.md', 'fs/fifo.md', 'fs/fifo-link.md'],
    mustLoad: ['fs/latin1.md', 'fs/utf16.md', 'fs/bom-crlf.md', 'fs/invalid-utf8.md', 'fs/folder.md/inside.md'],
  };
}

function makeSpecialFiles(dir: string): void {
  const at = (rel: string) => path.join(dir, rel);
  fs.mkdirSync(at('fs/folder.md'), { recursive: true });
  fs.writeFileSync(at('fs/folder.md/inside.md'), front('title: Inside a folder named .md'));
  fs.symlinkSync('..', at('fs/loop'));
  fs.symlinkSync('nowhere.md', at('fs/dangling.md'));
  fs.symlinkSync('/dev/zero', at('fs/zero.md'));
  fs.symlinkSync('/dev/null', at('fs/null.md'));
  fs.writeFileSync(at('fs/unreadable.md'), front('title: Unreadable'));
  fs.chmodSync(at('fs/unreadable.md'), 0o000);
  execFileSync('mkfifo', [at('fs/fifo.md')]);
  fs.symlinkSync('fifo.md', at('fs/fifo-link.md'));
}

/** Creates the hostile folder in a fresh temp directory. */
export function writeHostileCorpus(): HostileCorpus {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnt-hostile-'));
  const marker = path.join(dir, '..', `${path.basename(dir)}-PWNED`);
  const goodFiles: Files = {};
  const goodTitles: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const [rel, text] = good(i);
    goodFiles[rel] = text;
    goodTitles.push(`Good article number ${i}`);
  }
  const groups = [codeGroup(marker), escapesGroup(), workGroup(), fsGroup()];
  for (const files of [goodFiles, ...groups.map((g) => g.files)]) {
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(dir, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
  }
  makeSpecialFiles(dir);
  goodTitles.push('Inside a folder named .md', 'BOM and CRLF', 'UTF-16 article', 'Latin-1 café crème');

  return {
    dir,
    marker,
    goodTitles,
    mustWarn: groups.flatMap((g) => g.mustWarn),
    mustNotLoad: groups.flatMap((g) => g.mustNotLoad),
    mustLoad: [...Object.keys(goodFiles), ...groups.flatMap((g) => g.mustLoad)],
    cleanup: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(marker, { force: true });
    },
  };
}
