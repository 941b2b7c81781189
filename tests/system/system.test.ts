import { describe, expect, it } from 'vitest';
import { hasLocalClipboard, osc52 } from '../../src/system/clipboard.js';
import { commandFor, splitCommand } from '../../src/system/command-line.js';
import { editorCommand } from '../../src/system/editor.js';
import { checkOpenable } from '../../src/core/text/url-policy.js';

describe('checkOpenable', () => {
  it('allows http and https only', () => {
    expect(checkOpenable('https://news.test/a?b=1')).toEqual({ ok: true, url: 'https://news.test/a?b=1' });
    expect(checkOpenable('http://news.test')).toEqual({ ok: true, url: 'http://news.test/' });
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ssh://host', 'data:text/html,x']) {
      expect(checkOpenable(bad).ok, bad).toBe(false);
    }
    expect(checkOpenable('not a url')).toEqual({ ok: false, reason: 'not a valid URL' });
    expect(checkOpenable(null)).toEqual({ ok: false, reason: 'this article has no URL' });
  });
});

describe('commands from the environment', () => {
  it('splits like a shell without expanding anything', () => {
    expect(splitCommand(`code -w`)).toEqual(['code', '-w']);
    expect(splitCommand(`"my editor" --x 'a b' c\\ d $HOME`)).toEqual(['my editor', '--x', 'a b', 'c d', '$HOME']);
  });
  it('puts the target where %s is, else at the end, always as its own argument', () => {
    expect(commandFor('firefox --new-tab', 'https://x.test/;rm -rf ~')).toEqual(['firefox', '--new-tab', 'https://x.test/;rm -rf ~']);
    expect(commandFor('lynx -dump %s', 'https://x.test')).toEqual(['lynx', '-dump', 'https://x.test']);
    expect(commandFor('echo 100%% %s', 'u')).toEqual(['echo', '100%', 'u']);
  });
  it('picks $EDITOR, else $PAGER, else less', () => {
    expect(editorCommand('/a.md', { EDITOR: 'vim -R', PAGER: 'more' })).toEqual(['vim', '-R', '/a.md']);
    expect(editorCommand('/a.md', { PAGER: 'more' })).toEqual(['more', '/a.md']);
    expect(editorCommand('/a.md', {})).toEqual(['less', '/a.md']);
  });
});

describe('clipboard', () => {
  it('writes OSC 52 with base64 text', () => {
    expect(osc52('héllo')).toBe(`\x1b]52;c;${Buffer.from('héllo').toString('base64')}\x07`);
  });
  it('uses a local tool only with a display or on macOS / Windows', () => {
    expect(hasLocalClipboard({}, 'linux')).toBe(false);
    expect(hasLocalClipboard({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasLocalClipboard({}, 'darwin')).toBe(true);
  });
});
