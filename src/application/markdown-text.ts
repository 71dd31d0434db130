/**
 * Markdown written by us around people's text, with kept libraries (mdast-util-to-markdown to write,
 * mdast-util-from-markdown to read people's own Markdown notes):
 * - `escapeMarkdown(text)`: any text (a title, a takeaway) as Markdown that SHOWS that text: a title
 *   `[click](https://evil)` stays those characters, not a link; `<script>` stays text, not HTML;
 *   `# x` or `1. x` at a line start stay text. For the bot's cards and the Markdown export.
 * - `text(value)` etc.: mdast nodes to build a document; `toMarkdownDocument(root)` writes it.
 * - `userMarkdown(markdown)`: people's notes as Markdown blocks, with raw HTML turned into visible
 *   text and links other than http(s)/mailto made inert.
 */
import type { BlockContent, ListItem, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { defaultHandlers, toMarkdown, type Handle, type Options } from 'mdast-util-to-markdown';

/** `- [ ] item` / `- [x] item` for list items with `checked` (as mdast-util-gfm-task-list-item writes them). */
const listItem: Handle = (node: ListItem, parent, state, info) => {
  const head = node.children[0];
  const checkable = typeof node.checked === 'boolean' && head?.type === 'paragraph';
  const box = `[${node.checked ? 'x' : ' '}] `;
  const tracker = state.createTracker(info);
  if (checkable) tracker.move(box);
  const value = defaultHandlers.listItem(node, parent, state, { ...info, ...tracker.current() });
  return checkable ? value.replace(/^(?:[*+-]|\d+\.)([\r\n]| {1,3})/, (marker) => marker + box) : value;
};

const OPTIONS: Options = { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', handlers: { listItem } };

/** Writes a document built from mdast nodes. */
export function toMarkdownDocument(root: Root): string {
  return toMarkdown(root, OPTIONS);
}

/** Text as Markdown that reads as exactly that text (no link, HTML, heading or list is made of it). */
export function escapeMarkdown(value: string): string {
  return toMarkdown({ type: 'paragraph', children: [text(value)] }, OPTIONS).replace(/\n$/, '');
}

// Small builders for documents.
export const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
export const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
export const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({
  type: 'heading',
  depth,
  children: [text(value)],
});
export const list = (items: ListItem[]): RootContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items,
});
export const item = (children: PhrasingContent[], checked?: boolean): ListItem => ({
  type: 'listItem',
  spread: false,
  ...(checked === undefined ? {} : { checked }),
  children: [paragraph(...children)],
});

const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/))/i;

/**
 * People's own Markdown (session notes) as blocks to put in a document: kept as Markdown (headings,
 * lists, emphasis, code, links), except raw HTML, which becomes text that shows the tags, and link or
 * image targets that are not http(s), mailto or local, which are emptied (`javascript:` goes nowhere).
 */
export function userMarkdown(markdown: string): RootContent[] {
  const tree = fromMarkdown(markdown);
  const FLOW = new Set(['root', 'blockquote', 'listItem']);
  const visit = (node: Nodes, parent?: Nodes): Nodes => {
    // HTML as a block becomes a paragraph of text; inline HTML becomes text.
    if (node.type === 'html') return parent && FLOW.has(parent.type) ? paragraph(text(node.value)) : text(node.value);
    if (
      (node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
      !SAFE_URL.test(node.url.trim())
    ) {
      node.url = '';
    }
    if ('children' in node) (node as { children: Nodes[] }).children = node.children.map((c) => visit(c, node));
    return node;
  };
  return (visit(tree) as Root).children;
}
