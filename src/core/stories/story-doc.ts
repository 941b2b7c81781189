// What grouping reads of an article (group.ts's StoryDoc): its date, outlet, title, description
// and lead paragraph.
import type { Article } from '../article.js';
import { leadParagraph } from '../text/index.js';
import type { StoryDoc } from './group.js';

// The first paragraph of a body in memory; a body still on disk (a loaded article) is not read
// for this: grouping 100k articles must not mean 100k file reads.
function leadOf(a: Article): string {
  if (a.bodyOnDisk) return '';
  return leadParagraph(a.body);
}

/** The grouping input for one article. */
export function storyDoc(a: Article): StoryDoc {
  return { publishedAt: a.publishedAt, source: a.sourceKey, title: a.title, description: a.description, lead: leadOf(a) };
}
