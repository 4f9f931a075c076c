import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One titled section of an entry's page, such as its purpose or its owner. */
export function EntrySection(props: {
  title: string;
  children: ReactNode;
  testId?: string;
  /** An anchor for links to the section (`#faq`). */
  id?: string;
}) {
  return (
    <Card
      variant="outlined"
      component="section"
      data-testid={props.testId}
      id={props.id}
    >
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {props.title}
        </Typography>
        {props.children}
      </CardContent>
    </Card>
  );
}
