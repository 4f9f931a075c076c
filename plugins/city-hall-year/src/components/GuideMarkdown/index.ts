export {
  GuideMarkdown,
  MarkdownSnippet,
  joinJapaneseSoftBreaks,
} from './GuideMarkdown';
