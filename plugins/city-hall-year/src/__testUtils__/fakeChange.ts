import type { EntryChangeSince } from '@city-hall-year/backstage-plugin-city-hall-year-common';

/**
 * A change since the reader's last look, as the backend would give it for component
 * tests: an update of the fake year's 出納閉鎖 unless `changes` says otherwise.
 */
export function fakeChange(
  changes: Partial<EntryChangeSince> = {},
): EntryChangeSince {
  const slug = changes.slug ?? 'shutsuno-heisa';
  return {
    entryId: `id-${slug}`,
    slug,
    title: { ja: '出納閉鎖' },
    cycle: 'settlement',
    owner: 'group:default/kaikei-ka',
    actions: ['update'],
    changedFields: ['summary'],
    changedBy: ['user:default/nakamura.emi'],
    lastChangedAt: '2026-05-02T00:00:00.000Z',
    ...changes,
  };
}
