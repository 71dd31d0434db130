/**
 * One paragraph of session notes, rendered by NotesMarkdown (react-markdown with rehype-sanitize),
 * which is loaded on demand: the Markdown library stays out of the side panel's and stage's bundle.
 * Until it has loaded, the paragraph shows as plain text (React text, never HTML).
 */
import { lazy, Suspense } from 'react';
import type { MarkdownClasses } from './markdown-blocks';

const NotesMarkdown = lazy(() => import('./NotesMarkdown'));

export type { MarkdownClasses };

export function MarkdownBlocks({ markdown, classes = {} }: { markdown: string; classes?: MarkdownClasses }) {
  return (
    <Suspense
      fallback={
        <p className={classes.paragraph} style={{ whiteSpace: 'pre-wrap' }}>
          {markdown}
        </p>
      }
    >
      <NotesMarkdown markdown={markdown} classes={classes} />
    </Suspense>
  );
}
