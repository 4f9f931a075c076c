import {
  parseTimingNotation,
  type EntryInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fakeYear } from '../../__testUtils__/fakeYear';
import { previewDates } from './previewDates';

/** A timing as the editor makes it from the typed notation. */
const typed = (notation: string) =>
  parseTimingNotation(notation) as EntryInput['timing'];
const year = fakeYear(2026);

describe('previewDates', () => {
  it.each([
    ['5月31日', '5月31日'],
    ['10月〜11月', '10月〜11月'],
    // Anchored on 出納閉鎖, 31 May in the fake year.
    ['shutsuno-heisaの92日後', '8月31日'],
  ])('previews %s as %s', (notation, expected) => {
    expect(previewDates(typed(notation), 'kessan-chosei', year)).toBe(expected);
  });

  it('previews in English for an English reader', () => {
    expect(previewDates(typed('6月上旬、9月'), 'x', year, 'en')).toBe(
      'early June; September',
    );
  });

  it('is empty while the year is not loaded or the timing is invalid', () => {
    expect(previewDates(typed('5月31日'), 'x', undefined)).toBe('');
    expect(
      previewDates(
        { rules: 'soon' } as unknown as EntryInput['timing'],
        'x',
        year,
      ),
    ).toBe('');
  });

  it('says why when a relative date has no anchor this year', () => {
    expect(previewDates(typed('nowhereの3日後'), 'x', year)).toMatch(/nowhere/);
  });
});
