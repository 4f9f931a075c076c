import { entryInputSchema, type EntryFields } from '../schema';

/**
 * One entry with every kind of field filled (出納閉鎖: bilingual texts, Markdown, legal
 * bases with and without article and note, a related group, a chain link, a link,
 * tags, the previous fiscal year, a date rule), for tests of what is derived from an
 * entry's fields.
 */
export function exampleEntry(): EntryFields {
  return entryInputSchema.parse({
    slug: 'shutsuno-heisa',
    cycle: 'settlement',
    title: { ja: '出納閉鎖', en: 'Books close' },
    summary: { ja: '5月31日に締め切ります。' },
    purpose: {
      ja: '前年度の収支を確定させるためです。',
      en: 'To fix the figures.',
    },
    whatHappens: { ja: '- 会計課が締め切ります。\n- 各課が確認します。' },
    forNewStaff: { ja: '5月中に確認しましょう。' },
    legalBasis: [
      {
        law: '地方自治法',
        article: '第235条の5',
        note: '翌年度の5月31日をもって閉鎖する。',
      },
      { law: '地方財政法' },
    ],
    owner: 'group:default/kaikei-ka',
    relatedGroups: ['group:default/zaisei-ka'],
    participants: [
      {
        role: 'sections',
        note: {
          ja: '各課では：支払を締め切ります。',
          en: 'Each section: closes its payments.',
        },
      },
      { role: 'everyone' },
      {
        group: 'group:default/zaisei-ka',
        note: { ja: '財政課は：決算の見込みを立てます。' },
      },
    ],
    feedsInto: ['kessan-chosei'],
    links: [{ title: '例規集', url: 'https://example.jp/reiki' }],
    tags: ['決算', '出納整理期間'],
    concernsFiscalYear: 'previous',
    timing: { rules: [{ kind: 'date', on: { month: 5, day: 31 } }] },
    status: 'published',
  });
}
