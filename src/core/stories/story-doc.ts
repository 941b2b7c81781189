// What grouping reads of an article (group.ts's StoryDoc): its date, outlet, title, description
// and lead paragraph; and what its facts are computed from (facts.ts FactsInput): that, the
// fields the pulse and the coins read, and its file's stamp.
import type { Article } from '../article.js';
import { leadParagraph } from '../text/index.js';
import { fileStamp, type FactsInput } from './facts.js';
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

/** The facts input of one article. */
export function factsInput(a: Article): FactsInput {
  return { ...storyDoc(a), path: a.path, sourceLabel: a.source, tags: a.tags, coinFields: a.coinFields ?? [], sentiment: a.sentiment, score: a.score ?? null, stickyWeight: a.stickyWeight, dateGuessed: a.dateGuessed, stamp: fileStamp(a.size, a.mtimeMs) };
}
