/**
 * Japanese UI texts of City Hall Year: every key of the translation ref, so that
 * nothing falls back to English.
 */
const ja = {
  'page.title': '市役所の一年',
  'page.subtitle': 'あなたの仕事が一年のどこにあるか',
  'yearSwitcher.previous': '前年度',
  'yearSwitcher.next': '翌年度',
  'yearSwitcher.current': '今年度',
  'monthList.title': '月ごとの流れ',
  'monthList.empty': 'この月の予定はありません。',
  'monthList.asNeeded': '必要に応じて',
  'monthList.month': '{{month}}',
  'cycles.council': '議会',
  'cycles.budget': '予算',
  'cycles.settlement': '決算',
  'cycles.planning': '計画',
  'cycles.personnel': '人事',
  'cycles.other': 'その他',
  'entry.concerns': '{{label}}分',
  'entry.owner': '担当',
  'errors.loadYear': '一年の流れを読み込めませんでした',
};

export default ja;
