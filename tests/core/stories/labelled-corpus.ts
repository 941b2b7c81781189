// Loads a labelled story corpus (tests/fixtures/stories/*.json) and scores a grouping of it by
// pairwise precision and recall: of the pairs put in one story, how many share a label; of the
// pairs sharing a label, how many were put in one story.
import { readFileSync } from 'node:fs';
import type { StoryDoc } from '../../../src/core/stories/group.js';

export interface Labelled { story: string; source: string; at: string; title: string; description: string; lead: string }

/** The articles of a labelled corpus file. */
export function loadLabelled(file: string): Labelled[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { articles: Labelled[] }).articles;
}

/** The corpus as grouping input; `withLead` false drops the lead paragraph. */
export function docsOf(articles: readonly Labelled[], withLead = true): StoryDoc[] {
  return articles.map((a) => ({ publishedAt: Date.parse(a.at), source: a.source, title: a.title, description: a.description, lead: withLead ? a.lead : '' }));
}

/** Pairwise precision and recall of `story` (story id per article) against the labels. */
export function pairwise(articles: readonly Labelled[], story: ArrayLike<number>): { precision: number; recall: number } {
  let both = 0;
  let predicted = 0;
  let actual = 0;
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const p = story[i] === story[j];
      const a = articles[i].story === articles[j].story;
      if (p) predicted++;
      if (a) actual++;
      if (p && a) both++;
    }
  }
  return { precision: predicted ? both / predicted : 1, recall: actual ? both / actual : 1 };
}
