import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { EntryInput } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { renderInPlugin } from '../../__testUtils__/renderInPlugin';
import { ParticipantsField } from './ParticipantsField';

type Participants = NonNullable<EntryInput['participants']>;

/** The field with its own state, reporting each change. */
function Harness(props: {
  initial: Participants;
  onChange: (p: Participants) => void;
}) {
  const [value, setValue] = useState(props.initial);
  return (
    <ParticipantsField
      value={value}
      onChange={next => {
        setValue(next);
        props.onChange(next);
      }}
      errorOf={path =>
        path === 'participants.1.group'
          ? 'not a Group in the catalog'
          : undefined
      }
    />
  );
}

describe('ParticipantsField', () => {
  it('adds a role, writes what it does in both languages, and removes it', async () => {
    const changes: Participants[] = [];
    await renderInPlugin(
      <Harness initial={[]} onChange={p => changes.push(p)} />,
    );
    fireEvent.click(screen.getByTestId('editor-participant-add'));
    expect(changes.at(-1)).toEqual([{ role: 'everyone' }]);
    fireEvent.change(screen.getByTestId('editor-participant-0-note-ja'), {
      target: { value: '全職員が：申告書を出します。' },
    });
    fireEvent.change(
      within(screen.getByTestId('editor-participant-0')).getByLabelText(
        'What they do (English)',
      ),
      { target: { value: 'Everyone: hands in the form.' } },
    );
    expect(changes.at(-1)).toEqual([
      {
        role: 'everyone',
        note: {
          ja: '全職員が：申告書を出します。',
          en: 'Everyone: hands in the form.',
        },
      },
    ]);
    // A second row takes the next role not used yet.
    fireEvent.click(screen.getByTestId('editor-participant-add'));
    expect(changes.at(-1)?.[1]).toEqual({ role: 'sections' });
    fireEvent.click(
      within(screen.getByTestId('editor-participant-0')).getByRole('button', {
        name: 'Remove',
      }),
    );
    expect(changes.at(-1)).toEqual([{ role: 'sections' }]);
  });

  it('shows the server’s complaint about a row where it belongs', async () => {
    await renderInPlugin(
      <Harness
        initial={[{ role: 'sections' }, { group: 'group:default/none' }]}
        onChange={() => {}}
      />,
    );
    expect(screen.getByTestId('editor-participant-1')).toHaveTextContent(
      'not a Group in the catalog',
    );
    expect(screen.getByTestId('editor-participant-0')).not.toHaveTextContent(
      'not a Group in the catalog',
    );
  });
});
