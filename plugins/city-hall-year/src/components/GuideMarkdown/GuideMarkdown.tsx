import { MarkdownContent } from '@backstage/core-components';

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

/** User-written markdown of the guide, rendered safely through Backstage's MarkdownContent. */
export function GuideMarkdown(props: { content: string }) {
  return <MarkdownContent content={joinJapaneseSoftBreaks(props.content)} />;
}
