/**
 * Renders one paragraph of session notes with react-markdown (remark → rehype → React elements, no
 * HTML string anywhere). Raw HTML is shown as text (htmlAsText), the tree is cleaned by
 * rehype-sanitize (GitHub's schema), link targets other than http(s) and mailto are dropped (the link
 * shows as its text) and the rest open in a new tab with rel="noopener noreferrer". Images show their
 * alt text: notes load nothing from elsewhere. Notes headings sit below the page's own headings
 * (h3–h6, right below the Notes section's h2, never skipping a level: axe's heading-order). Loaded on demand by MarkdownBlocks.tsx, so only the pages
 * that show notes carry the Markdown library.
 */
import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { htmlAsText, safeHref, type MarkdownClasses } from './markdown-blocks';

const REMARK = [htmlAsText];
const REHYPE = [rehypeSanitize];

function componentsFor(classes: MarkdownClasses): Components {
  const heading = (Tag: 'h3' | 'h4' | 'h5' | 'h6') =>
    function Heading({ children }: { children?: ReactNode }) {
      return <Tag className={classes.heading}>{children}</Tag>;
    };
  return {
    h1: heading('h3'),
    h2: heading('h4'),
    h3: heading('h5'),
    h4: heading('h6'),
    h5: heading('h6'),
    h6: heading('h6'),
    p: ({ children }) => <p className={classes.paragraph}>{children}</p>,
    ul: ({ children }) => <ul className={classes.list}>{children}</ul>,
    ol: ({ children, start }) => (
      <ol className={classes.list} start={start}>
        {children}
      </ol>
    ),
    blockquote: ({ children }) => <blockquote className={classes.quote}>{children}</blockquote>,
    pre: ({ children }) => <pre className={classes.code}>{children}</pre>,
    a: ({ href, children }) =>
      href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        children
      ),
    img: ({ alt }) => <>{alt}</>,
  };
}

export default function NotesMarkdown({ markdown, classes = {} }: { markdown: string; classes?: MarkdownClasses }) {
  return (
    <Markdown remarkPlugins={REMARK} rehypePlugins={REHYPE} urlTransform={safeHref} components={componentsFor(classes)}>
      {markdown}
    </Markdown>
  );
}
