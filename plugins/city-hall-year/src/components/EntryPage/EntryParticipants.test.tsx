import { screen, within } from '@testing-library/react';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { renderInPlugin } from '../../__testUtils__/renderInPlugin';
import { EntryParticipants } from './EntryParticipants';

describe('EntryParticipants', () => {
  it('names the roles and departments that take part, each with what they do', async () => {
    const entry = fakeEntry({
      participants: [
        {
          role: 'sections',
          note: {
            ja: '各課では：要求書をつくります。',
            en: 'Each section: drafts its requests.',
          },
        },
        { role: 'unitChiefs' },
        { group: 'group:default/zaisei-ka' },
      ],
    });
    await renderInPlugin(<EntryParticipants entry={entry} />);
    const list = screen.getByTestId('entry-participants');
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Every section');
    expect(items[0]).toHaveTextContent('Each section: drafts its requests.');
    expect(items[1]).toHaveTextContent('Unit chiefs (係長級)');
    expect(items[2]).toHaveTextContent('zaisei-ka');
    expect(list).not.toHaveTextContent('group:default');
  });

  it('says when only the owner takes part', async () => {
    await renderInPlugin(
      <EntryParticipants entry={fakeEntry({ participants: [] })} />,
    );
    expect(screen.getByTestId('entry-participants')).toHaveTextContent(
      'Only the owner department',
    );
  });
});
