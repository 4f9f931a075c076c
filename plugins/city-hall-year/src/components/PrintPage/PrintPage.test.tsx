import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { PrintPage } from './PrintPage';

describe('PrintPage', () => {
  it('puts the requested year and its legend on one printable sheet', async () => {
    const api = createFakeApi();
    await renderInTestApp(
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        <PrintPage />
      </TestApiProvider>,
      {
        routeEntries: ['/city-hall-year/print?fy=2026&size=a4'],
        mountedRoutes: { '/city-hall-year': rootRouteRef },
      },
    );
    const sheet = await screen.findByTestId('print-page');
    expect(
      await within(sheet).findByTestId('timeline-bar-shutsuno-heisa'),
    ).toBeInTheDocument();
    expect(sheet).toHaveTextContent('City Hall Year — FY2026');
    // The legend names every cycle on the sheet, beside the lane of the same name.
    expect(within(sheet).getAllByText('Council')).toHaveLength(2);
    expect(api.requestedYears).toEqual([2026]);
    // Printed alone: the sheet lives directly in <body>, outside the app.
    expect(sheet.parentElement).toBe(document.body);
  });

  it('prints the FAQ on the sheets after the year only when asked for', async () => {
    const closing = fakeEntry();
    closing.faq = [
      {
        id: '55555555-5555-4555-8555-555555555555',
        question: '土日でも5月31日ですか？',
        answer: '法律で5月31日と決まっています。',
      },
    ];
    const api = {
      ...createFakeApi(),
      listEntries: jest.fn(async () => ({
        items: [closing],
        totalCount: 1,
        offset: 0,
        limit: 200,
      })),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        <PrintPage />
      </TestApiProvider>,
      {
        routeEntries: ['/city-hall-year/print?fy=2026&faq=1'],
        mountedRoutes: { '/city-hall-year': rootRouteRef },
      },
    );
    const faq = await screen.findByTestId('print-faq');
    expect(within(faq).getByText('Books close')).toBeInTheDocument();
    expect(
      within(faq).getByText('Q. 土日でも5月31日ですか？'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('print-faq-toggle')).toHaveAttribute(
      'href',
      '/city-hall-year/print?fy=2026',
    );
  });

  it('reads no entries for the year alone', async () => {
    const api = { ...createFakeApi(), listEntries: jest.fn() };
    await renderInTestApp(
      <TestApiProvider apis={[[cityHallYearApiRef, api]]}>
        <PrintPage />
      </TestApiProvider>,
      {
        routeEntries: ['/city-hall-year/print?fy=2026'],
        mountedRoutes: { '/city-hall-year': rootRouteRef },
      },
    );
    expect(
      await screen.findByTestId('timeline-bar-shutsuno-heisa'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('print-faq')).toBeNull();
    expect(api.listEntries).not.toHaveBeenCalled();
    expect(screen.getByTestId('print-faq-toggle')).toHaveAttribute(
      'href',
      '/city-hall-year/print?fy=2026&faq=1',
    );
  });
});
