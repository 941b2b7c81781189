// HTML tables read into the table model Markdown's tables use (html/html-table.ts) and list items
// cut into runs at their place (html/html-parts.ts), as htmlParts hands them to the block renderer.
import { describe, expect, it } from 'vitest';
import { LinkNotes } from '../../../src/core/render/link-notes.js';
import { htmlParts, type HtmlPart } from '../../../src/core/render/html/html-spans.js';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { lineText, type Span } from '../../../src/core/render/spans.js';

const words = (cells: Span[][]): string[] => cells.map((c) => c.map((s) => s.text).join(''));
// Each part in brief: a table as its header and rows of words, a run of text as its item place and words.
function brief(part: HtmlPart): unknown {
  if (part.kind === 'table') return { header: part.table.header && words(part.table.header), rows: part.table.rows.map(words), align: part.table.align };
  if (part.kind === 'pre') return { pre: part.text };
  if (part.kind === 'heading') return { depth: part.depth, text: part.spans.map((s) => s.text).join('') };
  return { ...(part.item ?? {}), text: part.spans.map((s) => s.text).join('') };
}
const parts = (html: string): unknown[] => htmlParts(html, new LinkNotes()).map(brief);

describe('HTML tables as the table model', () => {
  it.each([
    ['a first row of <th>s is the header', '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>', { header: ['A', 'B'], rows: [['1', '2']], align: [null, null] }],
    ['a <thead> row is the header, whatever its cells', '<table><thead><tr><td>A</td></tr></thead><tbody><tr><td>1</td></tr></tbody></table>', { header: ['A'], rows: [['1']], align: [null] }],
    ['<td>s only: no header', '<table><tr><td>a</td><td>b</td></tr></table>', { header: null, rows: [['a', 'b']], align: [null, null] }],
    ['align and text-align', '<table><tr><th align="right">A</th><th style="text-align:center">B</th></tr></table>', { header: ['A', 'B'], rows: [], align: ['right', 'center'] }],
    ['breaks in a cell start its lines, never piling up, blanks at their ends gone', '<table><tr><td>\n <p>a</p><p>b</p>c <br>d <br><br> e </td></tr></table>', { header: null, rows: [['a\nb\nc\nd\ne']], align: [null] }],
    ['cells with no <tr>, cells implied closed', '<table><td>a<td>b</table>', { header: null, rows: [['a', 'b']], align: [null, null] }],
    ['a table inside a cell is that cell\'s text', '<table><tr><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>', { header: null, rows: [['x │ y']], align: [null] }],
  ])('%s', (_what, html, table) => {
    expect(parts(html)).toEqual([table]);
  });

  it('puts a caption, and prose around the table, in parts of their own in order', () => {
    expect(parts('<p>Before</p><table><caption>Funding</caption><tr><td>a</td></tr></table><p>After</p>')).toEqual([
      { text: 'Before' }, { text: 'Funding' }, { header: null, rows: [['a']], align: [null] }, { text: 'After' },
    ]);
  });

  it('places a colspan cell over its columns and a rowspan cell down its column, marking the cells they cover', () => {
    const [part] = htmlParts('<table><thead><tr><th colspan="2" align="right">Price</th><th>Change</th></tr></thead><tr><td>BTC</td><td>1</td><td>+5%</td></tr><tr><td rowspan="2">ETH</td><td>2</td><td>-2%</td></tr><tr><td>3</td><td>+1%</td></tr><tr><td colspan="2">Total</td><td>6</td></tr></table>', new LinkNotes());
    expect(brief(part)).toEqual({
      header: ['Price', 'Price', 'Change'],
      rows: [['BTC', '1', '+5%'], ['ETH', '2', '-2%'], ['ETH', '3', '+1%'], ['Total', 'Total', '6']],
      align: ['right', 'right', null],
    });
    expect(part.kind === 'table' && part.table.covered).toEqual({
      header: [undefined, 'right', undefined],
      rows: [[undefined, undefined, undefined], [undefined, undefined, undefined], ['below', undefined, undefined], [undefined, 'right', undefined]],
    });
  });

  it('lets a rowspan reach past the cells of the rows below, and bounds hostile spans as HTML does', () => {
    expect(parts('<table><tr><td>a</td><td rowspan="2">b</td></tr><tr><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>')).toEqual([
      { header: null, rows: [['a', 'b'], ['c', 'b'], ['d', 'e']], align: [null, null] },
    ]);
    expect(parts('<table><tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toEqual([{ header: null, rows: [['a', 'b'], ['a', 'c']], align: [null, null] }]);
    const [wide] = htmlParts('<table><tr><td colspan="99999">x</td></tr></table>', new LinkNotes());
    expect(wide.kind === 'table' && wide.table.rows[0].length).toBe(1000);
  });

  it('ends a table left open with the block', () => {
    expect(parts('<table><tr><th>A</th></tr><tr><td>1')).toEqual([{ header: ['A'], rows: [['1']], align: [null] }]);
  });
});

describe('HTML headings and quotations', () => {
  it('makes <h1>-<h6> parts of their own at their level; inside a cell or an item they stay in its run', () => {
    expect(parts('<p>Intro</p><h2>Key <small>takeaways</small></h2><p>Text</p><h3>End</h3>')).toEqual([{ text: 'Intro' }, { depth: 2, text: 'Key takeaways' }, { text: 'Text' }, { depth: 3, text: 'End' }]);
    expect(parts('<ul><li><h4>In item</h4></li></ul>')).toEqual([{ indent: 2, marker: '• ', text: 'In item' }]);
    expect(parts('<h2>Left open')).toEqual([{ depth: 2, text: 'Left open' }]);
  });

  it('draws <q> between quotation marks, a quotation inside one between single marks', () => {
    expect(parts('<p>He said <q>it is <q>really</q> up</q>.</p>')).toEqual([{ text: 'He said “it is ‘really’ up”.' }]);
  });
});

describe('HTML list items at their place', () => {
  it('cuts nested items into runs, each at the column after its markers', () => {
    expect(parts('<ul><li>a<ul><li>b</li></ul>c</li><li>d</li></ul>')).toEqual([
      { indent: 2, marker: '• ', text: 'a' }, { indent: 4, marker: '◦ ', text: 'b' }, { indent: 2, text: 'c' }, { indent: 2, marker: '• ', text: 'd' },
    ]);
    expect(parts('<ol start="9"><li><p>x</p></li><li>y</li></ol>')).toEqual([{ indent: 3, marker: '9. ', text: 'x' }, { indent: 4, marker: '10. ', text: 'y' }]);
  });

  it('draws them under their item with no blank row, and a table like a Markdown table', () => {
    const rows = renderMarkdown('<ul><li>Support</li><li>Resistance<ul><li>nested item</li></ul></li></ul>\n\n<table><tr><th>Asset</th><th>Price</th></tr><tr><td>BTC</td><td>$89,500</td></tr></table>', 40).lines.map(lineText);
    expect(rows).toEqual(['• Support', '• Resistance', '  ◦ nested item', '', 'Asset │ Price', '──────┼────────', 'BTC   │ $89,500']);
  });
});
