// Sign-in sheet, ballots, notice and resolution notice, read back by mammoth and from their XML.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBallots, buildNotice, buildResolutionNotice, buildSignInSheet } from '../../../electron/documents/index';
import { footersXml, styleXml, xmlOf } from './docx-tools';
import { ballotData, noticeData, optionBallotData, resolutionNoticeData, signInData, urgentNoticeData } from './fixtures';
import { expectInOrder, textOf } from './read-back';

const count = (text: string, part: string) => text.split(part).length - 1;

/** Common GB/T 9704 page checks on any of our documents. */
function expectOfficialPage(buf: Buffer) {
  const doc = xmlOf(buf, 'word/document.xml');
  expect(doc).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
  expect(doc).toMatch(/<w:pgMar [^>]*w:top="2098"[^>]*\/>/);
  expect(styleXml(xmlOf(buf, 'word/styles.xml'), null)).toContain('w:eastAsia="仿宋_GB2312"');
  expect(xmlOf(buf, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  const footers = footersXml(buf);
  expect(footers.length).toBe(2);
  for (const f of footers) expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
}

/** The top-level tables' XML, each with the tables nested in it (a ballot's row of choices) left out. */
function topLevelTables(doc: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  let own = '';
  for (const m of doc.matchAll(/<w:tbl>|<\/w:tbl>/g)) {
    const open = m[0] === '<w:tbl>';
    if (open && depth === 0) {
      own = '';
      from = m.index + m[0].length;
    } else if (open && depth === 1) own += doc.slice(from, m.index);
    depth += open ? 1 : -1;
    if (!open && depth === 0) out.push(own + doc.slice(from, m.index));
    else if (!open && depth === 1) from = m.index + m[0].length;
  }
  return out;
}

/** Widths of every table: the grid, the table and each cell, all in DXA. */
function tables(doc: string) {
  return topLevelTables(doc).map((xml) => {
    const tblW = /<w:tblW ([^>]*)\/>/.exec(xml)![1]!;
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
    const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((r) => r[1]!);
    const cellWidths = [...xml.matchAll(/<w:tcW ([^>]*)\/>/g)].map((c) => c[1]!);
    return { xml, tblW, grid, rows, cellWidths };
  });
}

describe('签到表', () => {
  let buf: Buffer;
  let text: string;
  beforeAll(async () => {
    buf = await buildSignInSheet(signInData);
    text = await textOf(buf);
  });

  it('has the title, the meeting header, all 80 rows in order, and the totals to fill in', () => {
    expectInOrder(text, [
      '青石村2026年第三次村民代表会议签到表',
      '青石村村民委员会',
      '会议时间：2026年11月25日（星期三）9:00至11:40',
      '会议地点：青石村村民委员会二楼会议室',
      '序号',
      '姓名',
      '身份',
      '小组/户号',
      '签名',
      '备注',
      ...signInData.rows.flatMap((r, i) => [String(i + 1), r.name, ...(r.role ? [r.role] : []), r.groupOrHousehold!]),
      '应到＿＿＿人',
      '实到＿＿＿人',
      '统计人（签字）：',
    ]);
  });

  it('leaves 备注 blank for the pen: what each attends as is a column of its own', () => {
    const [t] = tables(xmlOf(buf, 'word/document.xml'));
    const cells = (row: string) =>
      [...row.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) => [...c[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(cells(t!.rows[0]!)).toEqual(['序号', '姓名', '身份', '小组/户号', '签名', '备注']);
    const first = cells(t!.rows[1]!);
    expect(first).toEqual(['1', signInData.rows[0]!.name, '村民代表', signInData.rows[0]!.groupOrHousehold, '', '']);
    for (const row of t!.rows.slice(1)) expect(cells(row).slice(4)).toEqual(['', '']);
  });

  it('lists 列席 — observers and members without a vote — apart, after the voters, with rows to spare', () => {
    expectInOrder(text, [
      '统计人（签字）：',
      '列席人员',
      '序号',
      '姓名',
      '单位或身份',
      '签名',
      '备注',
      '1',
      '周文华',
      '青石镇人民政府',
      '2',
      '孔繁星',
      '预备党员（无表决权）',
    ]);
    const observers = tables(xmlOf(buf, 'word/document.xml'))[1]!;
    expect(observers.rows).toHaveLength(1 + signInData.observers.length + 3);
    expect(observers.grid.reduce((a, b) => a + b, 0)).toBe(8845);
  });

  it('repeats the header row on every page: one w:tblHeader, on the first row', () => {
    const [t] = tables(xmlOf(buf, 'word/document.xml'));
    expect(t!.rows).toHaveLength(81);
    expect(t!.rows[0]).toContain('<w:tblHeader/>');
    expect(t!.rows[0]).toContain('<w:cantSplit/>');
    expect(t!.rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
  });

  it('gives widths in DXA on the table, the grid and every cell, adding up to the 156 mm text block', () => {
    const [t] = tables(xmlOf(buf, 'word/document.xml'));
    expect(t!.tblW).toContain('w:type="dxa"');
    expect(t!.tblW).toContain('w:w="8845"');
    expect(t!.grid).toHaveLength(6);
    expect(t!.grid.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(t!.cellWidths).toHaveLength(81 * 6);
    for (const c of t!.cellWidths) expect(c).toContain('w:type="dxa"');
    expect(t!.xml).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('is an official page', () => expectOfficialPage(buf));
});

describe('选票', () => {
  let proposal: Buffer;
  let options: Buffer;
  let proposalText: string;
  let optionsText: string;
  beforeAll(async () => {
    proposal = await buildBallots(ballotData);
    options = await buildBallots(optionBallotData);
    proposalText = await textOf(proposal);
    optionsText = await textOf(options);
  });

  it('prints as many proposal ballots as were issued, each with the subject, the three boxes and the instructions', () => {
    expect(count(proposalText, '表  决  票')).toBe(31);
    expect(count(proposalText, '表决事项：关于村东组道路硬化工程的议案')).toBe(31 + 1);
    // A no-break space between each choice and its box: they never part at a line end.
    expect(count(proposalText, '赞成\u00a0□')).toBe(31);
    expect(count(proposalText, '反对\u00a0□')).toBe(31);
    expect(count(proposalText, '弃权\u00a0□')).toBe(31);
    expect(count(proposalText, '在其后的方框内划“√”')).toBe(31);
    expect(proposalText).toContain('多划的为无效票；不划的视为弃权');
  });

  it('prints one box per option on an options ballot', () => {
    expect(count(optionsText, '选      票')).toBe(10);
    for (const o of optionBallotData.options) expect(count(optionsText, `□\u00a0${o}`)).toBe(10);
    expect(optionsText).toContain('只能选择一个方案，多选的为无效票');
  });

  it('cuts along dashed lines: two ballots a page in one column, four in two', () => {
    const [p] = tables(xmlOf(proposal, 'word/document.xml'));
    expect(p!.xml).toMatch(/<w:insideH w:val="dashed"/);
    expect(p!.grid).toEqual([8845]);
    expect(p!.rows).toHaveLength(31);
    const [o] = tables(xmlOf(options, 'word/document.xml'));
    expect(o!.xml).toMatch(/<w:insideV w:val="dashed"/);
    expect(o!.grid).toHaveLength(2);
    expect(o!.grid.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(o!.rows).toHaveLength(5);
    for (const t of [p!, o!]) for (const c of t.cellWidths) expect(c).toContain('w:type="dxa"');
  });

  it('ends with a 计票单 for the counters: every choice, the ballot figures and signature lines', () => {
    const sheet = proposalText.slice(proposalText.indexOf('计  票  单'));
    expectInOrder(sheet, [
      '计  票  单',
      '表决事项：关于村东组道路硬化工程的议案',
      '表决日期：2026年11月25日',
      '表决意见',
      '计票（划“正”字）',
      '票数',
      '赞成',
      '反对',
      '弃权',
      '合计',
      '发出选票 31 张',
      '监票人：',
      '计票人：',
      '监票人（签字）：',
      '计票人（签字）：',
    ]);
    const optSheet = optionsText.slice(optionsText.indexOf('计  票  单'));
    expectInOrder(optSheet, ['方案', ...optionBallotData.options, '合计', '发出选票 10 张']);
    const doc = xmlOf(proposal, 'word/document.xml');
    expect(doc).toMatch(/<w:pageBreakBefore\/>.*计 {2}票 {2}单/s);
  });

  it('puts the question decided on an options ballot, above its options', () => {
    expectInOrder(optionsText, ['选      票', '表决事项：村文化广场命名', ...optionBallotData.options.map((o) => `□\u00a0${o}`), '说明：']);
  });

  it('gives only a 记名 ballot a line for the voter’s signature', async () => {
    expect(proposalText).not.toContain('投票人（签名）');
    expect(optionsText).not.toContain('投票人（签名）');
    const named = await textOf(await buildBallots({ ...ballotData, method: '记名', count: 3 }));
    expect(count(named, '投票人（签名）：＿＿＿＿＿＿＿＿')).toBe(3);
    expect(named).toContain('除投票人签名外，请勿在选票上书写其他内容。');
    expect(named).not.toContain('多划的为无效票；不划的视为弃权。请勿在选票上书写其他内容。');
  });

  it('with no ballots to print, is the tally sheet alone', async () => {
    const text = await textOf(await buildBallots({ ...ballotData, count: 0 }));
    expect(text).not.toContain('表  决  票');
    expect(text).toContain('计  票  单');
  });

  it('is an official page', () => {
    expectOfficialPage(proposal);
    expectOfficialPage(options);
  });
});

describe('会议通知', () => {
  it('has the title, the audience, time, place, agenda, requirements and the org and notice date as 落款', async () => {
    const buf = await buildNotice(noticeData);
    const text = await textOf(buf);
    expectInOrder(text, [
      '关于召开青石村2026年第三次村民代表会议的通知',
      '全体村民代表：',
      '经研究，定于2026年11月25日（星期三）上午9:00在青石村村民委员会二楼会议室召开青石村2026年第三次村民代表会议。',
      '一、会议时间',
      '2026年11月25日（星期三）9:00至11:40。',
      '二、会议地点',
      '三、参会人员',
      '全体村民代表。',
      '四、会议议程',
      '1．审议村东组道路硬化工程实施方案。',
      '2．选择村文化广场名称。',
      '3．通报2026年度低保评议工作安排。',
      '五、有关要求',
      '青石村村民委员会',
      '2026年11月20日',
    ]);
    expect(text).not.toContain('临时召开');
    expectOfficialPage(buf);
  });

  it('states the special circumstances of a meeting called at short notice', async () => {
    const text = await textOf(await buildNotice(urgentNoticeData));
    expectInOrder(text, [
      '经研究',
      '本次会议为临时召开。特殊情况说明：受寒潮影响，道路硬化工程须在封冻前开工，需尽快作出决定。',
      '一、会议时间',
      '2026年11月24日',
    ]);
  });

  it('puts the organization two characters from the right and the date under it, two characters further right', () => {
    return buildNotice(noticeData).then((buf) => {
      const doc = xmlOf(buf, 'word/document.xml');
      const para = (text: string) => {
        const at = doc.indexOf(`>${text}</w:t>`);
        return doc.slice(doc.lastIndexOf('<w:p>', at), at);
      };
      const right = (p: string) => Number(/<w:ind [^>]*w:right="(\d+)"/.exec(p)![1]);
      const org = para('青石村村民委员会');
      const date = para('2026年11月20日');
      expect(org).toContain('<w:jc w:val="right"/>');
      expect(date).toContain('<w:jc w:val="right"/>');
      // GB/T 9704 §7.3.5.2: the date starts two characters right of the organization and ends at
      // least two characters from the edge. Organization: 8 characters; date: 8 digits (half
      // width) and 3 characters = 7.
      const char = 315;
      expect(right(date)).toBeGreaterThanOrEqual(2 * char);
      expect(right(org) + 8 * char - (right(date) + 7 * char)).toBe(2 * char);
      expect(right(date)).toBe(2 * char);
    });
  });
});

describe('决议公示', () => {
  it('lists each resolution with its number, text and vote figures, the posting period, the org, the date and a seal placeholder', async () => {
    const buf = await buildResolutionNotice(resolutionNoticeData);
    const text = await textOf(buf);
    expectInOrder(text, [
      '关于青石村2026年第三次村民代表会议决议事项的公示',
      '2026年11月25日，青石村村民委员会召开青石村2026年第三次村民代表会议，形成决议 2 项。',
      '一、关于实施村东组道路硬化工程的决议',
      '决议编号：〔2026〕7号',
      '决议内容：同意使用奖补资金',
      '表决情况：应到 45 人，实到 31 人，赞成 16 票，反对 10 票，弃权 5 票；超过实到人数的半数（15.5），通过。',
      '二、关于村文化广场命名的决议',
      '决议编号：〔2026〕8号',
      '表决情况：应到 45 人，实到 31 人；方案一 12 票，方案二 19 票',
      '三、公示期限',
      '公示期自2026年11月26日起至2026年12月10日止，共 15 日。',
      '依照有关法律规定，公示时间不少于 15 日。',
      '青石村村民委员会（盖章）',
      '2026年11月26日',
    ]);
    expectOfficialPage(buf);
  });

  it('leaves out the minimum sentence where no law sets one', async () => {
    const text = await textOf(await buildResolutionNotice({ ...resolutionNoticeData, minimumDays: null, postTo: '2026-12-02' }));
    expect(text).toContain('共 7 日。');
    expect(text).not.toContain('不少于');
  });
});

describe('every document is reproducible', () => {
  it('gives the same bytes for the same data', async () => {
    const builds: [string, () => Promise<Buffer>][] = [
      ['签到表', () => buildSignInSheet(signInData)],
      ['选票', () => buildBallots(optionBallotData)],
      ['会议通知', () => buildNotice(urgentNoticeData)],
      ['决议公示', () => buildResolutionNotice(resolutionNoticeData)],
    ];
    for (const [name, build] of builds) {
      const [a, b] = [await build(), await build()];
      expect(a.equals(b), name).toBe(true);
    }
  });
});
