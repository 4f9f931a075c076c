/**
 * One article of a law as the starting content cites it, with what the article provides.
 * `article` is written exactly as the content writes it (第96条第1項第2号); a law without
 * an article is one of the city's own rules, whose article the owning department confirms.
 */
export interface LegalArticle {
  law: string;
  article?: string;
  provides: string;
}

/**
 * Every legal basis the shipped starting content cites, checked by hand against the law:
 * the content test refuses a citation that is not in this table and a row that no entry
 * cites any more, so a new citation is checked once, here, before it ships.
 */
export const LEGAL_ARTICLES: readonly LegalArticle[] = [
  // 地方自治法
  {
    law: '地方自治法',
    article: '第2条第14項',
    provides: '最少の経費で最大の効果を挙げるようにしなければならない',
  },
  {
    law: '地方自治法',
    article: '第2条第15項',
    provides: '常に組織と運営の合理化に努め、規模の適正化を図る',
  },
  {
    law: '地方自治法',
    article: '第16条第1項',
    provides: '議長は条例の議決の日から3日以内に長に送付する',
  },
  {
    law: '地方自治法',
    article: '第16条第2項',
    provides: '長は送付を受けた日から20日以内に条例を公布する',
  },
  {
    law: '地方自治法',
    article: '第16条第3項',
    provides: '条例は公布の日から起算して10日を経過した日から施行する',
  },
  {
    law: '地方自治法',
    article: '第96条第1項第2号',
    provides: '予算を定めることは議会の議決事件',
  },
  {
    law: '地方自治法',
    article: '第96条第1項第5号',
    provides: '政令の基準に従い条例で定める契約の締結は議会の議決事件',
  },
  {
    law: '地方自治法',
    article: '第102条',
    provides: '定例会と臨時会。定例会は条例で定める回数招集する',
  },
  {
    law: '地方自治法',
    article: '第102条第3項',
    provides: '臨時会は必要がある場合に、その事件に限り招集する',
  },
  {
    law: '地方自治法',
    article: '第102条第4項',
    provides: '臨時会に付議すべき事件は長があらかじめ告示する',
  },
  {
    law: '地方自治法',
    article: '第109条',
    provides: '条例で常任委員会・議会運営委員会・特別委員会を置くことができる',
  },
  {
    law: '地方自治法',
    article: '第124条',
    provides: '請願は議員の紹介により請願書を提出する',
  },
  {
    law: '地方自治法',
    article: '第125条',
    provides: '採択した請願の長などへの送付と処理の経過・結果の報告請求',
  },
  {
    law: '地方自治法',
    article: '第158条第1項',
    provides: '長の内部組織。直近下位の内部組織と分掌事務は条例で定める',
  },
  {
    law: '地方自治法',
    article: '第172条第3項',
    provides: '職員の定数は条例で定める',
  },
  {
    law: '地方自治法',
    article: '第179条',
    provides: '長の専決処分と、次の会議での報告・承認',
  },
  {
    law: '地方自治法',
    article: '第179条第3項',
    provides: '専決処分は次の会議で議会に報告し、承認を求める',
  },
  {
    law: '地方自治法',
    article: '第180条',
    provides: '議会の指定による専決処分',
  },
  {
    law: '地方自治法',
    article: '第180条第2項',
    provides: '議会の指定による専決処分は議会に報告する',
  },
  {
    law: '地方自治法',
    article: '第199条第2項',
    provides:
      '監査委員は必要があると認めるとき事務の執行を監査できる（行政監査）',
  },
  {
    law: '地方自治法',
    article: '第199条第4項',
    provides: '毎会計年度少なくとも1回以上期日を定めて監査する（定期監査）',
  },
  {
    law: '地方自治法',
    article: '第199条第7項',
    provides: '財政的援助を与えている団体、出資団体、指定管理者などの監査',
  },
  {
    law: '地方自治法',
    article: '第204条第2項',
    provides: '条例で常勤の職員に期末手当・勤勉手当などを支給できる',
  },
  {
    law: '地方自治法',
    article: '第204条第3項',
    provides: '給料・手当・旅費の額と支給方法は条例で定める',
  },
  {
    law: '地方自治法',
    article: '第211条',
    provides: '長は毎会計年度予算を調製し、年度開始前に議会の議決を経る',
  },
  {
    law: '地方自治法',
    article: '第211条第1項',
    provides: '予算の議決は年度開始前。市は年度開始前20日までに提出する',
  },
  {
    law: '地方自治法',
    article: '第213条',
    provides: '繰越明許費',
  },
  {
    law: '地方自治法',
    article: '第218条第1項',
    provides: '補正予算の調製と提出',
  },
  {
    law: '地方自治法',
    article: '第219条',
    provides: '議決された予算の長への送付と要領の公表',
  },
  {
    law: '地方自治法',
    article: '第220条第1項',
    provides: '長は政令の基準に従い予算の執行手続を定め、予算を執行する',
  },
  {
    law: '地方自治法',
    article: '第233条第1項',
    provides: '会計管理者は出納閉鎖後3か月以内に決算を調製し長に提出する',
  },
  {
    law: '地方自治法',
    article: '第233条第2項',
    provides: '長は決算を監査委員の審査に付する',
  },
  {
    law: '地方自治法',
    article: '第233条第3項',
    provides: '決算は監査委員の意見を付けて議会の認定に付する',
  },
  {
    law: '地方自治法',
    article: '第233条第4項',
    provides: '監査委員の審査の意見の決定は合議による',
  },
  {
    law: '地方自治法',
    article: '第233条第5項',
    provides: '認定に付するとき主要な施策の成果を説明する書類を併せて提出する',
  },
  {
    law: '地方自治法',
    article: '第233条の2',
    provides: '決算上の剰余金は翌年度の歳入に編入する',
  },
  {
    law: '地方自治法',
    article: '第235条の2第1項',
    provides: '現金の出納は毎月例日を定めて監査委員が検査する',
  },
  {
    law: '地方自治法',
    article: '第235条の5',
    provides: '出納は翌年度の5月31日をもって閉鎖する',
  },
  {
    law: '地方自治法',
    article: '第241条第5項',
    provides:
      '定額運用基金の運用状況の書類を監査委員の審査に付し議会に提出する',
  },
  {
    law: '地方自治法',
    article: '第242条',
    provides: '住民監査請求',
  },
  {
    law: '地方自治法',
    article: '第242条第6項',
    provides: '監査委員の監査と勧告は請求があった日から60日以内に行う',
  },
  {
    law: '地方自治法',
    article: '第243条の3第1項',
    provides: '条例の定めにより毎年2回以上財政事情を住民に公表する',
  },
  {
    law: '地方自治法',
    article: '第252条の17の5',
    provides:
      '総務大臣・知事による組織と運営の合理化のための助言・勧告と資料の提出の求め',
  },
  // 地方自治法施行令
  {
    law: '地方自治法施行令',
    article: '第121条の2',
    provides: '議会の議決に付すべき契約の基準（別表第三）',
  },
  {
    law: '地方自治法施行令',
    article: '第146条第2項',
    provides: '繰越計算書は翌年度5月31日までに調製し次の会議で報告する',
  },
  {
    law: '地方自治法施行令',
    article: '第166条の2',
    provides: '歳入不足のときの翌年度歳入の繰上充用',
  },
  // 地方公務員法
  {
    law: '地方公務員法',
    article: '第17条',
    provides: '任命の方法（採用・昇任・降任・転任）',
  },
  {
    law: '地方公務員法',
    article: '第17条の2',
    provides: '採用の方法（競争試験または選考）',
  },
  {
    law: '地方公務員法',
    article: '第18条',
    provides: '競争試験・選考の実施機関（人事委員会等）',
  },
  {
    law: '地方公務員法',
    article: '第21条の4',
    provides: '昇任の方法（競争試験または選考）',
  },
  {
    law: '地方公務員法',
    article: '第22条',
    provides: '条件付採用（6月の期間）',
  },
  {
    law: '地方公務員法',
    article: '第23条〜第23条の4',
    provides: '人事評価の根本基準、実施、結果に応じた措置、人事委員会の勧告',
  },
  {
    law: '地方公務員法',
    article: '第23条の2',
    provides: '任命権者は定期的に人事評価を行い、基準と方法を定める',
  },
  {
    law: '地方公務員法',
    article: '第23条の3',
    provides: '任命権者は人事評価の結果に応じた措置を講じる',
  },
  {
    law: '地方公務員法',
    article: '第24条',
    provides: '給与、勤務時間その他の勤務条件の根本基準（均衡の原則）',
  },
  {
    law: '地方公務員法',
    article: '第24条第5項',
    provides: '給与、勤務時間その他の勤務条件は条例で定める',
  },
  {
    law: '地方公務員法',
    article: '第26条',
    provides: '人事委員会の給料表に関する報告と勧告',
  },
  {
    law: '地方公務員法',
    article: '第39条',
    provides: '研修',
  },
  {
    law: '地方公務員法',
    article: '第58条',
    provides: '労働基準法などの適用とその一部除外',
  },
  {
    law: '地方公務員法',
    article: '第58条の2',
    provides: '人事行政の運営等の状況の報告と公表',
  },
  // 国の給与と予算
  {
    law: '国家公務員法',
    article: '第28条',
    provides: '人事院の俸給表に関する報告と勧告',
  },
  {
    law: '財政法',
    article: '第17条',
    provides: '各省各庁の長の見積書類の作製と財務大臣への送付',
  },
  {
    law: '予算決算及び会計令',
    article: '第8条',
    provides: '見積書類の財務大臣への送付期限（前年度8月31日まで）',
  },
  // 地方財政
  {
    law: '地方財政法',
    article: '第7条',
    provides: '剰余金の2分の1以上を翌々年度までに積立てまたは繰上償還に充てる',
  },
  {
    law: '地方交付税法',
    article: '第7条',
    provides: '翌年度の地方団体の歳入歳出総額の見込額の国会提出と公表',
  },
  {
    law: '地方交付税法',
    article: '第10条第3項',
    provides: '普通交付税の額は毎年8月31日までに決定する',
  },
  {
    law: '地方公共団体の財政の健全化に関する法律',
    article: '第3条',
    provides: '健全化判断比率の監査委員の審査、議会への報告と公表',
  },
  {
    law: '地方公共団体の財政の健全化に関する法律',
    article: '第22条',
    provides: '資金不足比率の監査委員の審査、議会への報告と公表',
  },
  {
    law: '地方公営企業法',
    article: '第30条',
    provides: '事業年度終了後2月以内の決算調製、監査委員の審査、議会の認定',
  },
  {
    law: '地方公営企業法',
    article: '第32条第2項',
    provides: '利益の処分は条例の定めにより、または議会の議決を経て行う',
  },
  // 労働と税
  {
    law: '労働基準法',
    article: '第33条第3項',
    provides: '公務のため臨時の必要がある場合の官公署の時間外・休日労働',
  },
  {
    law: '労働基準法',
    article: '第36条',
    provides: '時間外・休日労働の労使協定（36協定）',
  },
  {
    law: '所得税法',
    article: '第190条',
    provides: '年末調整',
  },
  // 計画
  {
    law: 'まち・ひと・しごと創生法',
    article: '第10条',
    provides: '市町村まち・ひと・しごと創生総合戦略',
  },
  // A national notice without force of law, cited as what asks for the step.
  {
    law: '総務大臣通知「今後の地方公会計の整備促進について」（平成27年1月23日）',
    provides: '統一的な基準による財務書類の作成の要請',
  },
  // The city's own rules: the owning department confirms the article.
  {
    law: '市議会会議規則',
    provides: '質疑の通告などの手続（条項は議事課が確認）',
  },
  {
    law: '鹿児島市総合計画策定条例',
    provides: '基本構想は議会の議決を経て定める（条項は政策企画課が確認）',
  },
];
