import type { Entry } from '@internal/plugin-city-hall-year-common';
import Typography from '@mui/material/Typography';
import { GuideMarkdown } from '../GuideMarkdown';

/** A bilingual Markdown text of an entry: the Japanese, then the English (if any) in a quieter tone. */
export function BilingualText(props: { text: Entry['purpose'] }) {
  return (
    <>
      <div lang="ja">
        <GuideMarkdown content={props.text.ja} />
      </div>
      {props.text.en && (
        <Typography
          component="div"
          variant="body2"
          color="text.secondary"
          lang="en"
          sx={{ mt: 1 }}
        >
          <GuideMarkdown content={props.text.en} />
        </Typography>
      )}
    </>
  );
}
