// Entries made up for the benchmarks and the fault suite: published, spread over the
// cycles, the months and the example organisation's departments.

/** Departments of the example organisation that own generated entries. */
export const OWNERS = [
  'zaisei-ka',
  'giji-ka',
  'kaikei-ka',
  'jinji-ka',
  'seisaku-kikaku-ka',
  'gyosei-kanri-ka',
];

const CYCLES = ['council', 'budget', 'settlement', 'planning', 'personnel'];
const PARTS = ['early', 'middle', 'late'];

/** `count` entries from number `from`, as YAML for `POST /import?format=yaml`. */
export function generatedEntriesYaml({ prefix, from = 0, count }) {
  let yaml = '';
  for (let i = from; i < from + count; i++) {
    const month = (i % 12) + 1;
    yaml += `- slug: ${prefix}-${i}
  cycle: ${CYCLES[i % CYCLES.length]}
  title: { ja: 手順${i}, en: Step ${i} }
  summary: { ja: ベンチマーク用の手順${i}です。 }
  purpose: { ja: 一年の流れの中での役割を示すためです。 }
  whatHappens: { ja: 担当課が手続きを進めます。 }
  forNewStaff: { ja: 担当になったら前任者の資料を読みましょう。 }
  owner: group:default/${OWNERS[i % OWNERS.length]}
  timing: { rules: [{ kind: months, from: { month: ${month}, part: ${
      PARTS[i % PARTS.length]
    } }, to: { month: ${month}, part: late } }] }
  status: published
`;
  }
  return yaml;
}

/** One published 財政課 entry whose summary is `summary`, for write loops. */
export function writableEntry(slug, summary) {
  return {
    slug,
    cycle: 'budget',
    title: { ja: '書き込み試験の手続', en: 'Write test step' },
    summary: { ja: summary },
    purpose: { ja: '書き込みが失われないことを確かめるためです。' },
    whatHappens: { ja: '書き込みを続けます。' },
    forNewStaff: { ja: '特にありません。' },
    owner: 'group:default/zaisei-ka',
    timing: {
      rules: [{ kind: 'months', from: { month: 10 }, to: { month: 11 } }],
    },
    status: 'published',
  };
}

/**
 * A published entry that starts `daysAhead` days after `now` in Japan (a yearly date),
 * so that a reminder is due for it whatever day the suite runs.
 */
export function upcomingEntry(slug, owner, now = new Date(), daysAhead = 5) {
  // The day in Asia/Tokyo (UTC+9, no daylight saving time) `daysAhead` days on.
  const day = new Date(now.getTime() + (9 * 60 + daysAhead * 24 * 60) * 60_000);
  const on = { month: day.getUTCMonth() + 1, day: day.getUTCDate() };
  // 29 February recurs as the 28th in other years; a reminder is still due for it.
  return {
    ...writableEntry(slug, `${daysAhead}日後に始まる手続です。`),
    title: { ja: 'まもなく始まる手続', en: 'A step that starts soon' },
    owner,
    timing: { rules: [{ kind: 'date', on }] },
    reminderDaysBefore: daysAhead + 2,
  };
}
