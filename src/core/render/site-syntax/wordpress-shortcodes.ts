// WordPress shortcodes, as exports to Markdown keep them (`[caption ...]<img ...> text[/caption]`,
// `[embed]https://youtu.be/x[/embed]`, `[audio mp3="..."][/audio]`, `[gallery ids="1,2"]`). Shown
// as written they are noise, and a bare URL inside one takes the closing tag into its address
// (`https://youtu.be/x[/embed]` in the Links list, which cannot be opened). Read as WordPress does:
// a caption is its content, a player is named with its address as a link note (the player tags of
// ../html-tags.ts), a gallery or playlist of attachment ids has nothing to show. Only WordPress's own
// and Jetpack's names, lower case as WordPress requires, and never a Markdown link's text
// (`[video](https://...)`, `[embed][1]`).

const NAMES = 'caption|wp_caption|embed|audio|video|gallery|playlist|youtube|vimeo|tweet|soundcloud|spotify|instagram|dailymotion';
const ANY = new RegExp(`\\[\\/?(?:${NAMES})[\\s\\]/=]`);
// `[embed attrs]URL[/embed]`: the address is the content.
const WITH_URL = /\[(embed|youtube|vimeo|tweet|soundcloud|spotify|instagram|dailymotion)((?:\s[^[\]]{0,500})?)\]\s*([^[\]\s]{1,2000})\s*\[\/\1\](?![([:])/g;
// One tag, open, closing or self-closed; Jetpack's `[youtube=URL]` too. Not before `(`, `[` or `:`
// (a link, a reference, a definition), but before a closing tag (`[audio ...][/audio]`).
const TAG = new RegExp(`\\[(\\/?)(${NAMES})(=[^\\s[\\]]{1,2000})?((?:\\s[^[\\]]{0,500})?)\\s*\\/?\\](?!\\(|\\[(?!\\/)|:)`, 'g');
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g;
const URL = /^https?:\/\/\S+$/;

// Where each player keeps its address: WordPress's `[audio]` and `[video]` by file type.
const SOURCES: Readonly<Record<string, readonly string[]>> = {
  audio: ['src', 'mp3', 'm4a', 'ogg', 'wav', 'wma', 'flac'],
  video: ['src', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv'],
};

function attributes(text: string): { named: Map<string, string>; url: string } {
  const named = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) named.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  const url = text.replace(ATTRIBUTE, ' ').split(/\s+/).find((t) => URL.test(t)) ?? '';
  return { named, url };
}

// The player as an HTML tag the renderer names (`[video][2]`), its address made safe inside quotes.
function player(name: string, url: string): string {
  const tag = name === 'audio' || name === 'video' ? name : 'iframe';
  const src = url.replace(/"/g, '%22').replace(/</g, '%3C').replace(/>/g, '%3E');
  return src ? `<${tag} src="${src}"></${tag}>` : `<${tag}></${tag}>`;
}

/** Whether `markdown` may hold a WordPress shortcode (a cheap test before reading line by line). */
export function hasWordPressShortcode(markdown: string): boolean {
  return ANY.test(markdown);
}

/** One line of prose (no code in it) with its WordPress shortcodes read. */
export function readWordPressShortcodes(text: string): string {
  if (!ANY.test(text)) return text;
  return text
    .replace(WITH_URL, (_all, name: string, _attrs: string, url: string) => player(name, url))
    .replace(TAG, (_all, closing: string, name: string, equals: string | undefined, attrs: string) => {
      if (closing || name === 'caption' || name === 'wp_caption' || name === 'gallery' || name === 'playlist') return '';
      const { named, url } = attributes(attrs);
      const keys = SOURCES[name] ?? ['url', 'src'];
      const address = equals?.slice(1) ?? keys.map((k) => named.get(k)).find((v) => v) ?? url;
      return player(name, address);
    });
}
