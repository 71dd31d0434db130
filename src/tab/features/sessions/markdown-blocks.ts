/**
 * Session notes as the channel tab reads them. The Markdown itself is read by a kept library
 * (react-markdown on remark, rendered in NotesMarkdown.tsx with rehype-sanitize); here are the pure
 * parts that are ours: how the notes are cut into numbered paragraphs, which link targets are
 * allowed, raw HTML shown as the text it is, and where each coach annotation goes.
 *
 * The notes are cut into paragraphs exactly as the server cuts them (`paragraphsOf`), so paragraph n
 * here is the paragraph a coach's annotation `{ paragraph: n }` points to.
 */
import { paragraphsOf, type Annotation } from '../../../domain/outcomes';

/** Class names for the notes' elements (the page's styles). */
export interface MarkdownClasses {
  readonly heading?: string;
  readonly paragraph?: string;
  readonly list?: string;
  readonly quote?: string;
  readonly code?: string;
}

export interface NotesParagraph {
  /** The 0-based index annotations anchor to. */
  readonly index: number;
  /** The paragraph's Markdown source. */
  readonly source: string;
}

/** The notes as numbered paragraphs. */
export function parseNotes(markdown: string): NotesParagraph[] {
  return paragraphsOf(markdown).map((source, index) => ({ index, source }));
}

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/**
 * The link target kept, or '' for anything but http(s) and mailto (javascript:, data:, relative):
 * such a link is shown as its text only.
 */
export const safeHref = (url: string): string => (SAFE_HREF.test(url.trim()) ? url.trim() : '');

/** A Markdown syntax tree node, as much of it as htmlAsText needs (mdast). */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

/**
 * A remark plugin: raw HTML in the notes (`<script>`, `<b>`) becomes text, so the reader sees what
 * was written and nothing of it becomes an element. An HTML block becomes a paragraph of text.
 */
export function htmlAsText() {
  const visit = (node: MdNode) => {
    if (!node.children) return;
    const blockLevel = BLOCK_PARENTS.has(node.type);
    node.children = node.children.map((child) => {
      if (child.type !== 'html') {
        visit(child);
        return child;
      }
      const text: MdNode = { type: 'text', value: child.value ?? '' };
      return blockLevel ? { type: 'paragraph', children: [text] } : text;
    });
  };
  return (tree: MdNode) => visit(tree);
}

/**
 * Which paragraph each annotation belongs beside: its paragraph index, or the first paragraph that
 * contains its quote. Annotations whose paragraph or quote is no longer in the notes are `unplaced`.
 */
export function placeAnnotations(
  paragraphs: readonly NotesParagraph[],
  annotations: readonly Annotation[],
): { byParagraph: Map<number, Annotation[]>; unplaced: Annotation[] } {
  const byParagraph = new Map<number, Annotation[]>();
  const unplaced: Annotation[] = [];
  for (const a of [...annotations].sort((x, y) => x.createdAt.localeCompare(y.createdAt))) {
    const at =
      'paragraph' in a.anchor
        ? a.anchor.paragraph < paragraphs.length
          ? a.anchor.paragraph
          : -1
        : paragraphs.findIndex((p) => p.source.includes((a.anchor as { quote: string }).quote));
    if (at < 0) unplaced.push(a);
    else byParagraph.set(at, [...(byParagraph.get(at) ?? []), a]);
  }
  return { byParagraph, unplaced };
}
