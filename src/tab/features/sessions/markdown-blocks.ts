/**
 * A tiny Markdown reader for session notes: headings, bullet and numbered lists, quotes, code
 * fences and paragraphs, with **bold**, *italic*, `code` and [links](https://…) inline. It produces
 * plain data (text is never HTML), so React renders every character as text: `<script>` in the notes
 * shows as `<script>`. Links are kept only for http(s) and mailto addresses. Pure.
 *
 * The notes are cut into paragraphs exactly as the server cuts them (`paragraphsOf`), so paragraph n
 * here is the paragraph a coach's annotation `{ paragraph: n }` points to.
 */
import { paragraphsOf, type Annotation } from '../../../domain/outcomes';

export type Inline =
  | { readonly kind: 'text' | 'strong' | 'em' | 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4 | 5 | 6; readonly inline: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'quote'; readonly inline: readonly Inline[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly inline: readonly Inline[] };

export interface NotesParagraph {
  /** The 0-based index annotations anchor to. */
  readonly index: number;
  /** The paragraph's Markdown source. */
  readonly source: string;
  readonly blocks: readonly Block[];
}

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*|__[^_]+__)|(\*[^*\s][^*]*\*|(?<!\w)_[^_\s][^_]*_(?!\w))|(\[[^\]]+\]\([^)\s]+\))/g;

/** Inline Markdown as text runs. Unsafe link targets (javascript:, data:, relative) stay visible as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (run: Inline) => {
    const last = out[out.length - 1];
    if (run.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + run.text };
    else if (run.text) out.push(run);
  };
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    const i = m.index ?? 0;
    if (i > at) push({ kind: 'text', text: text.slice(at, i) });
    const [whole, code, strong, em, link] = m;
    if (code) push({ kind: 'code', text: code.slice(1, -1) });
    else if (strong) push({ kind: 'strong', text: strong.slice(2, -2) });
    else if (em) push({ kind: 'em', text: em.slice(1, -1) });
    else if (link) {
      const lm = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(link)!;
      const [label, href] = [lm[1]!, lm[2]!];
      if (SAFE_HREF.test(href)) push({ kind: 'link', text: label, href });
      else push({ kind: 'text', text: whole });
    }
    at = i + whole.length;
  }
  if (at < text.length) push({ kind: 'text', text: text.slice(at) });
  return out;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;

/** One paragraph of the notes (no blank lines inside) as blocks. */
export function parseBlocks(paragraph: string): Block[] {
  const trimmed = paragraph.trim();
  if (trimmed.startsWith('```')) {
    const body = trimmed.replace(/^```[^\n]*\n?/, '').replace(/\n?```\s*$/, '');
    return [{ kind: 'code', text: body }];
  }
  const blocks: Block[] = [];
  let para: string[] = [];
  let quote: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', inline: parseInline(para.join('\n')) });
    if (quote.length) blocks.push({ kind: 'quote', inline: parseInline(quote.join('\n')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    para = [];
    quote = [];
    list = undefined;
  };
  for (const line of trimmed.split(/\r?\n/)) {
    const h = HEADING.exec(line);
    const b = BULLET.exec(line);
    const n = b ? null : NUMBERED.exec(line);
    const q = QUOTE.exec(line);
    if (h) {
      flush();
      blocks.push({ kind: 'heading', level: h[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, inline: parseInline(h[2]!) });
    } else if (b || n) {
      const ordered = !!n;
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push((b ?? n)![1]!);
    } else if (q) {
      if (!quote.length) flush();
      quote.push(q[1]!);
    } else if (list && /^\s+\S/.test(line)) {
      // An indented line continues the list item above.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (!para.length) flush();
      para.push(line);
    }
  }
  flush();
  return blocks;
}

/** The notes as numbered paragraphs of blocks. */
export function parseNotes(markdown: string): NotesParagraph[] {
  return paragraphsOf(markdown).map((source, index) => ({ index, source, blocks: parseBlocks(source) }));
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
        ? a.anchor.paragraph < paragraphs.length ? a.anchor.paragraph : -1
        : paragraphs.findIndex((p) => p.source.includes((a.anchor as { quote: string }).quote));
    if (at < 0) unplaced.push(a);
    else byParagraph.set(at, [...(byParagraph.get(at) ?? []), a]);
  }
  return { byParagraph, unplaced };
}
