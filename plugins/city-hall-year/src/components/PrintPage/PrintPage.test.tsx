import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { cityHallYearApiRef } from '../../api';
import { fakeEntry } from '../../__testUtils__/fakeEntry';
import { createFakeApi } from '../../__testUtils__/fakeYear';
import { rootRouteRef } from '../../routes';
import { PrintPage, printZoom } from './PrintPage';

describe('printZoom', () => {
  // A3 landscape inside 8 mm margins: 281 mm, 1062 CSS pixels tall.
  const a3Height = (281 / 25.4) * 96;

  it('keeps each sheet’s own zoom while the year fits', () => {
    expect(printZoom('a3', 900)).toBe(1);
    expect(printZoom('a4', 900)).toBe(0.7);
    expect(printZoom('a3')).toBe(1);
  });

  it('shrinks a taller year to one A3 sheet, and to two A4 sheets', () => {
    const zoom = printZoom('a3', 1400);
    expect(zoom).toBeLessThan(1);
    expect(1400 * zoom).toBeLessThanOrEqual(a3Height);
    const a4 = printZoom('a4', 3000);
    expect(a4).toBeLessThan(0.7);
    expect(3000 * a4).toBeLessThanOrEqual(2 * (194 / 25.4) * 96);
  });
});

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
