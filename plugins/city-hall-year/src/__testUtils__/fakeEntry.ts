import { storedFields } from '@city-hall-year/backstage-plugin-city-hall-year-common/testUtils';
import {
  type Entry,
  type EntryInput,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';

/** A published entry as the backend would give it, for component tests. */
export function fakeEntry(
  changes: Partial<EntryInput> = {},
  stored: Partial<Omit<Entry, keyof EntryInput>> = {},
): Entry {
  return {
    ...storedFields({
      slug: 'shutsuno-heisa',
      cycle: 'settlement',
      title: { ja: '出納閉鎖', en: 'Books close' },
      summary: { ja: '5月31日に締め切ります。' },
      purpose: { ja: '前年度の収支を**確定**させるためです。' },
      whatHappens: { ja: '会計課が締め切ります。' },
      forNewStaff: { ja: '5月中に未払いを確認しましょう。' },
      owner: 'group:default/kaikei-ka',
      timing: { rules: [{ kind: 'date', on: { month: 5, day: 31 } }] },
      status: 'published',
      ...changes,
    }),
    id: 'id-shutsuno-heisa',
    version: 3,
    createdBy: 'user:default/nakamura.emi',
    createdAt: '2026-04-01T00:00:00.000Z',
    updatedBy: 'user:default/nakamura.emi',
    updatedAt: '2026-05-01T03:00:00.000Z',
    ...stored,
  };
}
