import { permissionApiRef } from '@backstage/plugin-permission-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import {
  mockPermissionApi,
  renderInPlugin,
} from '../../__testUtils__/renderInPlugin';
import { EntryFaq } from './EntryFaq';

const ITEM = {
  id: '55555555-5555-4555-8555-555555555555',
  question: '4月に前年度の支払いができるのはなぜ？',
  answer: '**5月31日**までは出納整理期間です。',
  fromQuestion: '11111111-1111-4111-8111-111111111111',
};

async function renderFaq(options: {
  mayEdit: boolean;
  id: string;
  faq?: (typeof ITEM)[];
}) {
  const entry = fakeEntry({}, { id: options.id, version: 7 });
  entry.faq = options.faq ?? [ITEM];
  const api = {
    ...createFakeApi(),
    addFaqItem: jest.fn(async () => ({ ...ITEM, entryVersion: 8 })),
    updateFaqItem: jest.fn(async () => ({ ...ITEM, entryVersion: 8 })),
    deleteFaqItem: jest.fn(async () => ({
      entryId: entry.id,
      slug: entry.slug,
      version: 8,
      items: [],
    })),
  };
  const onChanged = jest.fn();
  await renderInPlugin(<EntryFaq entry={entry} onChanged={onChanged} />, {
    api,
    apis: [[permissionApiRef, mockPermissionApi(options.mayEdit)]],
  });
  return { api, entry, onChanged };
}

describe('EntryFaq', () => {
  it('shows the questions and their Markdown answers to every reader, and nothing to change', async () => {
    await renderFaq({ mayEdit: false, id: 'faq-reader' });
    const section = await screen.findByTestId('entry-faq');
    expect(section).toHaveAttribute('id', 'faq');
    expect(
      within(section).getByText(`Q. ${ITEM.question}`),
    ).toBeInTheDocument();
    expect(within(section).getByText('5月31日').tagName).toBe('STRONG');
    expect(
      within(section).getByText('From a question staff asked'),
    ).toBeInTheDocument();
    expect(within(section).queryByText('Edit')).toBeNull();
  });

  it('shows nothing when there is no FAQ and the reader may not write one', async () => {
    await renderFaq({ mayEdit: false, id: 'faq-empty', faq: [] });
    await waitFor(() => expect(screen.queryByTestId('entry-faq')).toBeNull());
  });

  it('lets the owners reword an item from the version they read, keeping where it came from', async () => {
    const { api, entry, onChanged } = await renderFaq({
      mayEdit: true,
      id: 'faq-owner',
    });
    fireEvent.click(await screen.findByText('Edit'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit the FAQ item',
    });
    fireEvent.change(within(dialog).getByTestId('faq-question'), {
      target: { value: ' 出納整理期間とは？ ' },
    });
    fireEvent.click(within(dialog).getByTestId('faq-save'));
    await waitFor(() =>
      expect(api.updateFaqItem).toHaveBeenCalledWith(
        entry.slug,
        ITEM.id,
        {
          question: '出納整理期間とは？',
          answer: ITEM.answer,
          fromQuestion: ITEM.fromQuestion,
        },
        7,
      ),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('lets the owners remove an item and add one', async () => {
    const { api, entry } = await renderFaq({
      mayEdit: true,
      id: 'faq-owner-2',
    });
    fireEvent.click(await screen.findByText('Remove'));
    await waitFor(() =>
      expect(api.deleteFaqItem).toHaveBeenCalledWith(entry.slug, ITEM.id, 7),
    );
    fireEvent.click(screen.getByTestId('faq-add'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('faq-save')).toBeDisabled();
    fireEvent.change(within(dialog).getByTestId('faq-question'), {
      target: { value: '決算はいつ？' },
    });
    fireEvent.change(within(dialog).getByTestId('faq-answer'), {
      target: { value: '8月31日までに調製します。' },
    });
    fireEvent.click(within(dialog).getByTestId('faq-save'));
    await waitFor(() =>
      expect(api.addFaqItem).toHaveBeenCalledWith(entry.slug, {
        question: '決算はいつ？',
        answer: '8月31日までに調製します。',
      }),
    );
  });
});
