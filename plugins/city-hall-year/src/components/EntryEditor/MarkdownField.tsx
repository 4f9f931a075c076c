import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { cityHallYearTranslationRef } from '../../translation';
import { GuideMarkdown } from '../GuideMarkdown';

type Bilingual = { ja: string; en?: string };

/** A bilingual markdown section with a preview rendered exactly as readers will see it. */
export function MarkdownField(props: {
  label: string;
  value: Bilingual;
  error?: string;
  testId: string;
  onChange: (value: Bilingual) => void;
}) {
  const { t } = useTranslationRef(cityHallYearTranslationRef);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2">
          {props.label}
        </Typography>
        <Tabs value={tab} onChange={(_e, v) => setTab(v)} sx={{ mb: 1 }}>
          <Tab value="write" label={t('editor.write')} />
          <Tab
            value="preview"
            label={t('editor.preview')}
            data-testid={`${props.testId}-preview-tab`}
          />
        </Tabs>
        <Grid container spacing={2}>
          {(['ja', 'en'] as const).map(language => (
            <Grid item xs={12} md={6} key={language}>
              {tab === 'write' ? (
                <TextField
                  fullWidth
                  multiline
                  minRows={4}
                  required={language === 'ja'}
                  label={
                    language === 'ja'
                      ? t('editor.markdownJa')
                      : t('editor.markdownEn')
                  }
                  value={props.value[language] ?? ''}
                  error={language === 'ja' && Boolean(props.error)}
                  helperText={language === 'ja' ? props.error : undefined}
                  onChange={e =>
                    props.onChange({
                      ...props.value,
                      [language]:
                        e.target.value || (language === 'en' ? undefined : ''),
                    })
                  }
                  inputProps={{
                    lang: language,
                    'data-testid': `${props.testId}-${language}`,
                  }}
                />
              ) : (
                <div
                  lang={language}
                  data-testid={`${props.testId}-${language}-preview`}
                >
                  <GuideMarkdown content={props.value[language] ?? ''} />
                </div>
              )}
            </Grid>
          ))}
        </Grid>
      </CardContent>
    </Card>
  );
}
