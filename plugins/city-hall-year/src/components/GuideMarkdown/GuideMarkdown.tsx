import { Link } from '@backstage/core-components';
import Box from '@mui/material/Box';
import Markdown, { type Components } from 'react-markdown';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';

const WIDE = '\\u3000-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef';
const SOFT_BREAK_BETWEEN_WIDE = new RegExp(
  `([${WIDE}])[ \\t]*\\n[ \\t]*(?=[${WIDE}])`,
  'g',
);

/**
 * Japanese text written across several lines: Markdown turns a single line break
 * into a space, which Japanese does not have between characters. Such breaks are
 * joined; paragraphs, lists and English are left as they are.
 */
export function joinJapaneseSoftBreaks(markdown: string): string {
  return markdown.replace(SOFT_BREAK_BETWEEN_WIDE, '$1');
}

/**
 * GitHub-flavoured Markdown, and emphasis that works in Japanese: CommonMark does not
 * see 「**5月31日を過ぎると支払えません。**前任者」 as bold, because the closing
 * `**` follows punctuation and precedes a letter; remark-cjk-friendly reads it as a
 * Japanese writer means it.
 */
const REMARK_PLUGINS = [remarkGfm, remarkCjkFriendly];

/** Links through Backstage's Link (in-app routing, external links marked as such). */
const COMPONENTS: Components = {
  a: ({ href, title, children }) =>
    href ? (
      <Link to={href} title={title}>
        {children}
      </Link>
    ) : (
      <>{children}</>
    ),
};

/**
 * User-written markdown of the guide. Raw HTML is never rendered (it shows as the
 * text it is), and links keep only safe protocols (react-markdown's default).
 */
export function GuideMarkdown(props: { content: string }) {
  return (
    <Box
      className="city-hall-year-markdown"
      sx={theme => ({
        '& > :first-of-type': { mt: 0 },
        '& > :last-child': { mb: 0 },
        '& p': { my: 1 },
        '& table': {
          borderCollapse: 'collapse',
          border: `1px solid ${theme.palette.divider}`,
        },
        '& th, & td': {
          border: `1px solid ${theme.palette.divider}`,
          padding: theme.spacing(0.5, 1),
        },
        '& img': { maxWidth: '100%' },
        '& code': {
          fontFamily: 'monospace',
          backgroundColor: theme.palette.action.hover,
          borderRadius: 0.5,
          px: 0.5,
        },
      })}
    >
      <Markdown
        remarkPlugins={REMARK_PLUGINS}
        components={COMPONENTS}
        skipHtml={false}
      >
        {joinJapaneseSoftBreaks(props.content)}
      </Markdown>
    </Box>
  );
}

/** What a one- or two-line snippet keeps of markdown: emphasis, never blocks. */
const SNIPPET_ELEMENTS = ['strong', 'em', 'del', 'code'];

/**
 * Markdown as running text, for snippets such as search results: bold stays bold
 * (in Japanese too), while headings, lists, paragraphs and links become their text,
 * so no `**` or `-` of the syntax is left to read.
 */
export function MarkdownSnippet(props: { content: string }) {
  return (
    <Markdown
      remarkPlugins={REMARK_PLUGINS}
      allowedElements={SNIPPET_ELEMENTS}
      unwrapDisallowed
    >
      {joinJapaneseSoftBreaks(props.content)}
    </Markdown>
  );
}
