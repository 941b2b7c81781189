// Which of an article's links lead anywhere: one scheme list (url-policy.ts) for opening, OSC 8
// hyperlinks and the renderer's link notes, so a link the open key would refuse never gets a number.
import { describe, expect, it } from 'vitest';
import { hyperlinkTarget } from '../../../src/core/text/hyperlink.js';
import { checkOpenable, isRefusedLink, LINK_SCHEMES } from '../../../src/core/text/url-policy.js';

describe('isRefusedLink', () => {
  it('refuses every scheme outside the list, however it is written', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:void(0)', ' javascript:x', 'java\tscript:x', 'vbscript:msgbox("x")', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd', 'ssh://host', 'c:\\Users\\a.md']) {
      expect(isRefusedLink(url), url).toBe(true);
    }
  });

  it('keeps the schemes a link may lead to, and addresses with no scheme (they can still be copied)', () => {
    for (const url of ['https://example.org/a', 'HTTP://example.org', 'mailto:desk@example.org', '/tags/btc', 'notes.md', '//cdn.example.org/x.png', '#top', '?page=2']) {
      expect(isRefusedLink(url), url).toBe(false);
    }
  });

  it('agrees with what is opened and hyperlinked: a scheme either allows is never refused', () => {
    for (const url of ['https://example.org/', 'http://example.org/', 'mailto:a@example.org', 'javascript:x', 'data:x', 'file:///x', 'ftp://example.org/']) {
      const leads = checkOpenable(url).ok || hyperlinkTarget(url) !== null;
      expect(!isRefusedLink(url), url).toBe(leads);
    }
    expect([...LINK_SCHEMES].sort()).toEqual(['http:', 'https:', 'mailto:']);
  });
});
