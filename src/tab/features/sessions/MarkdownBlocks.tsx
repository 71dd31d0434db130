/**
 * Renders parsed notes (markdown-blocks.ts) as React elements: every piece of text is a React text
 * node, so nothing in the notes can become HTML. Notes headings sit right below the Notes section's
 * h2 (h3–h6, never skipping a level: axe's heading-order), keeping the page outline intact.
 */
import { createElement, Fragment, type ReactNode } from 'react';
import type { Block, Inline } from './markdown-blocks';

export interface MarkdownClasses {
  readonly heading?: string;
  readonly paragraph?: string;
  readonly list?: string;
  readonly quote?: string;
  readonly code?: string;
  readonly inlineCode?: string;
}

export function renderInline(runs: readonly Inline[]): ReactNode[] {
  return runs.map((r, i) => {
    switch (r.kind) {
      case 'strong':
        return createElement('strong', { key: i }, r.text);
      case 'em':
        return createElement('em', { key: i }, r.text);
      case 'code':
        return createElement('code', { key: i }, r.text);
      case 'link':
        return createElement('a', { key: i, href: r.href, target: '_blank', rel: 'noopener noreferrer' }, r.text);
      default:
        return createElement(Fragment, { key: i }, r.text);
    }
  });
}

const HEADING_TAG = (level: number): 'h3' | 'h4' | 'h5' | 'h6' =>
  level <= 1 ? 'h3' : level === 2 ? 'h4' : level === 3 ? 'h5' : 'h6';

export function MarkdownBlocks({ blocks, classes = {} }: { blocks: readonly Block[]; classes?: MarkdownClasses }) {
  return createElement(
    Fragment,
    null,
    blocks.map((b, i) => {
      switch (b.kind) {
        case 'heading':
          return createElement(HEADING_TAG(b.level), { key: i, className: classes.heading }, renderInline(b.inline));
        case 'list':
          return createElement(
            b.ordered ? 'ol' : 'ul',
            { key: i, className: classes.list },
            b.items.map((item, j) => createElement('li', { key: j }, renderInline(item))),
          );
        case 'quote':
          return createElement('blockquote', { key: i, className: classes.quote }, renderInline(b.inline));
        case 'code':
          return createElement('pre', { key: i, className: classes.code }, b.text);
        default:
          return createElement('p', { key: i, className: classes.paragraph }, renderInline(b.inline));
      }
    }),
  );
}
