// The minutes read back by mammoth (text) and from the package's XML — never from our own objects.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMinutes } from '../../../electron/documents/index';
import type { MinutesData } from '../../../electron/documents/types';
import { eastAsiaFontOf, footersXml, styleXml, unzip, xmlOf } from './docx-tools';
import { ABSENT, minutesData, ON_LEAVE, PRESENT } from './fixtures';
import { expectInOrder, textOf } from './read-back';

let record: Buffer;
let summary: Buffer;
let recordText: string;
let summaryText: string;

beforeAll(async () => {
  record = await buildMinutes(minutesData, '记录');
  summary = await buildMinutes(minutesData, '纪要');
  recordText = await textOf(record);
  summaryText = await textOf(summary);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('会议记录 read back by mammoth', () => {
  it('has the title, the header block, the items, the resolutions, 散会 and the signatures, in that order', () => {
    expectInOrder(recordText, [
      '青石村2026年第三次村民代表会议记录',
      '会议名称：青石村2026年第三次村民代表会议',
      '会议时间：2026年11月25日（星期三）9:00至11:40',
      '会议地点：青石村村民委员会二楼会议室',
      `主持人：\t${PRESENT[0]}`,
      `记录人：\t${PRESENT[1]}`,
      '参会人数：应到 45 人，实到 31 人（占应到人数的 68.9%）',
      '出席人员：',
      '请假人员：',
      '缺席人员：',
      '早退人员：',
      '列席人员：',
      '报到部门：',
      '会议依据：《中华人民共和国村民委员会组织法》',
      '一、关于村东组道路硬化工程实施方案的议题',
      '二、关于村文化广场命名的议题',
      '三、通报2026年度低保评议工作安排',
      '决议事项',
      '会议于11:40散会。',
      '主持人（签字）：',
      '记录人（签字）：',
      '2026年11月25日',
    ]);
  });

  it('names every attendee in the 出席 line, and those on leave with their reasons, and the absent', () => {
    const attendance = recordText.slice(recordText.indexOf('出席人员：'), recordText.indexOf('请假人员：'));
    for (const name of PRESENT) expect(attendance).toContain(name);
    expect(attendance).toContain(`${PRESENT[30]}（迟到，9:25到会）`);
    const leave = recordText.slice(recordText.indexOf('请假人员：'), recordText.indexOf('缺席人员：'));
    for (const name of ON_LEAVE) expect(leave).toContain(name);
    expect(leave).toContain(`${ON_LEAVE[0]}（外出务工）`);
    expect(leave).toContain(`${ON_LEAVE[1]}（因病住院）`);
    const absent = recordText.slice(recordText.indexOf('缺席人员：'), recordText.indexOf('早退人员：'));
    for (const name of ABSENT) expect(absent).toContain(name);
    expect(recordText).toContain(`早退人员：${PRESENT[29]}（11:05离会）`);
    expect(recordText).toContain('列席人员：青石镇人民政府周文华、钱立新；青石村党支部孔繁星');
    expect(recordText).toContain('报到部门：镇农业农村办许志远（9:10报到）');
  });

  it('prints each item’s presenter, speeches and proposal', () => {
    const item1 = recordText.slice(recordText.indexOf('一、关于村东组'), recordText.indexOf('二、关于村文化广场'));
    expectInOrder(item1, [
      '（一）议题说明',
      `汇报人：${PRESENT[2]}。`,
      '（二）讨论发言',
      `${PRESENT[3]}：道路硬化是群众多年的期盼`,
      `${PRESENT[4]}：预算偏高`,
      '施工期间要安排好老人孩子的出行',
      `${PRESENT[5]}：集体收入`,
      '（三）提出的议案',
      '关于村东组道路硬化工程的议案（提出人：村民委员会；状态：通过）',
      '（四）表决情况',
    ]);
    const item3 = recordText.slice(recordText.indexOf('三、通报'), recordText.indexOf('决议事项'));
    expect(item3).toContain(`汇报人：${PRESENT[11]}。`);
    expect(item3).not.toContain('表决情况');
  });

  it('prints the paper-ballot vote: method, figures with shares of those present, ballots, tellers and the stored explanation verbatim', () => {
    const vote = recordText.slice(recordText.indexOf('（四）表决情况'), recordText.indexOf('二、关于村文化广场'));
    expectInOrder(vote, [
      '表决事项：关于村东组道路硬化工程的议案',
      '表决方式：无记名投票表决；表决时实到 31 人。',
      '发出选票 31 张，收回 31 张，其中有效票 31 张，无效票 0 张。',
      '表决结果：赞成 16 票（占实到人数的 51.6%），反对 10 票（占实到人数的 32.3%），弃权 5 票（占实到人数的 16.1%），通过。',
      `监票人：${PRESENT[6]}、${PRESENT[7]}；计票人：${PRESENT[8]}。`,
      `结果说明：${minutesData.items[0]!.votes[0]!.explanation}`,
    ]);
  });

  it('prints the options vote with one line per option', () => {
    const vote = recordText.slice(recordText.indexOf('二、关于村文化广场'), recordText.indexOf('三、通报'));
    expectInOrder(vote, [
      '表决方式：举手表决；表决时实到 31 人。',
      '方案一：青石文化广场，得 12 人（占实到人数的 38.7%）。',
      '方案二：石溪广场，得 19 人（占实到人数的 61.3%）。',
      '表决结果：通过。',
      `结果说明：${minutesData.items[1]!.votes[0]!.explanation}`,
    ]);
  });

  it('lists the resolutions with their numbers', () => {
    const part = recordText.slice(recordText.indexOf('决议事项'), recordText.indexOf('散会'));
    expectInOrder(part, [
      '1．关于实施村东组道路硬化工程的决议（决议编号：〔2026〕7号）',
      '同意使用奖补资金和村集体经济收入48.6万元',
      '2．关于村文化广场命名的决议（决议编号：〔2026〕8号）',
      '村文化广场命名为“石溪广场”。',
    ]);
  });

  it('ends with the attendees’ signature page and the corrections as an appendix', () => {
    const tail = recordText.slice(recordText.indexOf('记录人（签字）'));
    expectInOrder(tail, [
      '参会人员签字',
      '序号',
      '姓名',
      '签字',
      '备注',
      `1\n\n${PRESENT[0]}`,
      `31\n\n${PRESENT[30]}`,
      '附件',
      '更正记录',
      `1．2026年11月28日，${PRESENT[1]}更正：第一项议题中道路宽度“4.5米”应为“5米”。`,
    ]);
    expect(recordText).toContain('附件：更正记录');
  });

  it('says 无 where nobody was on leave or absent, and leaves out empty optional lines', async () => {
    const d: MinutesData = {
      ...minutesData,
      onLeave: [],
      absent: [],
      leftEarly: [],
      observers: [],
      departments: [],
      resolutions: [],
      addenda: [],
      attendeeSignatures: false,
    };
    const text = await textOf(await buildMinutes(d));
    expect(text).toContain('请假人员：无');
    expect(text).toContain('缺席人员：无');
    expect(text).not.toContain('早退人员');
    expect(text).not.toContain('列席人员');
    expect(text).not.toContain('报到部门');
    expect(text).toContain('本次会议未形成决议。');
    expect(text).not.toContain('参会人员签字');
    expect(text).not.toContain('更正记录');
  });

  it('survives text a person pasted in: control characters, line breaks, XML specials', async () => {
    const d: MinutesData = {
      ...minutesData,
      items: [
        {
          title: '<b>议题</b> & “引号”',
          presenter: null,
          description: '第一段\u0007\r\n\r\n第二段\t结束',
          speeches: [{ speaker: 'A&B', content: 'x < y > z' }],
          proposals: [],
          votes: [],
        },
      ],
    };
    const text = await textOf(await buildMinutes(d));
    expect(text).toContain('一、<b>议题</b> & “引号”');
    expect(text).toContain('第一段\n\n第二段 结束');
    expect(text).toContain('A&B：x < y > z');
  });
});

describe('会议纪要 (GB/T 9704 §10.3)', () => {
  it('has the dated title, the matters, the decisions, then 出席/请假/列席 lines', () => {
    expectInOrder(summaryText, [
      '青石村2026年第三次村民代表会议纪要',
      '（2026年11月25日）',
      '2026年11月25日 9:00，青石村村民委员会在青石村村民委员会二楼会议室召开青石村2026年第三次村民代表会议。',
      '应到 45 人，实到 31 人（占应到人数的 68.9%）',
      '一、关于村东组道路硬化工程实施方案的议题',
      '对“关于村东组道路硬化工程的议案”经无记名投票表决，赞成 16 票（占实到人数的 51.6%），反对 10 票（占实到人数的 32.3%），弃权 5 票（占实到人数的 16.1%），通过。',
      '二、关于村文化广场命名的议题',
      '三、通报2026年度低保评议工作安排',
      '会议议定事项',
      '〔2026〕7号',
      '〔2026〕8号',
      '出席：',
      '请假：',
      '缺席：',
      '列席：',
    ]);
    const present = summaryText.slice(summaryText.indexOf('出席：'), summaryText.indexOf('请假：'));
    for (const name of PRESENT) expect(present).toContain(name);
  });

  it('sets the 出席/请假/列席 labels in 黑体 and the names in 仿宋', () => {
    const doc = xmlOf(summary, 'word/document.xml');
    const styles = xmlOf(summary, 'word/styles.xml');
    for (const label of ['出席：', '请假：', '列席：']) {
      const at = doc.indexOf(`>${label}<`);
      const para = doc.slice(doc.lastIndexOf('<w:p>', at), doc.indexOf('</w:p>', at));
      const runs = para.split('<w:r>').slice(1);
      expect(eastAsiaFontOf(styles, para, runs[0]!), label).toBe('黑体');
      expect(eastAsiaFontOf(styles, para, runs[1]!), label).toBe('仿宋_GB2312');
    }
  });
});

describe('the package’s XML', () => {
  it('sets A4 and the GB/T 9704 margins in twips', () => {
    const doc = xmlOf(record, 'word/document.xml');
    expect(doc).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    const mar = /<w:pgMar [^>]*\/>/.exec(doc)![0];
    // 37, 26, 35 and 28 mm.
    expect(mar).toContain('w:top="2098"');
    expect(mar).toContain('w:right="1474"');
    expect(mar).toContain('w:bottom="1984"');
    expect(mar).toContain('w:left="1587"');
    // The 22-line pitch is recorded for Word's page setup; no grid type, so nothing snaps to it.
    expect(doc).toContain('<w:docGrid w:linePitch="579"/>');
  });

  it('sets the official fonts as East Asian fonts, with Latin fallbacks, through styles', () => {
    const styles = xmlOf(record, 'word/styles.xml');
    const defaults = styleXml(styles, null);
    expect(defaults).toMatch(/<w:rFonts w:ascii="FangSong" w:cs="FangSong" w:eastAsia="仿宋_GB2312" w:hAnsi="FangSong"\/>/);
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(styleXml(styles, 'Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(styleXml(styles, 'Heading1')).toContain('w:eastAsia="黑体"');
    expect(styleXml(styles, 'Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(styleXml(styles, 'GBHei')).toContain('w:eastAsia="黑体"');
    expect(styleXml(styles, 'GBKai')).toContain('w:eastAsia="楷体_GB2312"');
    // …and what a reader sees: each kind of paragraph resolves to its font.
    const doc = xmlOf(record, 'word/document.xml');
    const fontOf = (text: string) => {
      const at = doc.indexOf(`>${text}`);
      expect(at, text).toBeGreaterThan(0);
      const para = doc.slice(doc.lastIndexOf('<w:p>', at), at);
      return eastAsiaFontOf(styles, para, para.slice(para.lastIndexOf('<w:r>')));
    };
    expect(fontOf('青石村2026年第三次村民代表会议记录')).toBe('方正小标宋简体');
    expect(fontOf('一、关于村东组道路硬化工程实施方案的议题')).toBe('黑体');
    expect(fontOf('（二）讨论发言')).toBe('楷体_GB2312');
    expect(fontOf('同意使用奖补资金')).toBe('仿宋_GB2312');
    expect(fontOf('会议名称：')).toBe('黑体');
    const fonts = xmlOf(record, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('sets 3号 body text, two characters in, on an exact 28.95 pt line, and the 2号 title', () => {
    const styles = xmlOf(record, 'word/styles.xml');
    const defaults = styleXml(styles, null);
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('w:line="579" w:lineRule="exact"');
    // 0.25 pt narrower characters: 28 of them fit the 156 mm line.
    expect(defaults).toContain('<w:spacing w:val="-5"/>');
    const bodyStyle = styleXml(styles, 'GBBody');
    expect(bodyStyle).toContain('w:firstLine="640"');
    expect(bodyStyle).toContain('<w:jc w:val="both"/>');
    expect(styleXml(styles, 'Title')).toContain('<w:sz w:val="44"/>');
    expect(styleXml(styles, 'Title')).toContain('<w:jc w:val="center"/>');
    const doc = xmlOf(record, 'word/document.xml');
    expect(doc.split('<w:pStyle w:val="GBBody"/>').length).toBeGreaterThan(40);
    expect(doc.split('<w:pStyle w:val="Heading1"/>').length - 1).toBe(4); // 三项议题 + 决议事项
  });

  it('numbers pages “— N —” with a PAGE field, odd pages right and even pages left', () => {
    const settings = xmlOf(record, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const doc = xmlOf(record, 'word/document.xml');
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    const footers = footersXml(record);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(f).toContain('— </w:t>');
      expect(f).toContain(' —</w:t>');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('gives the signature table its widths in DXA on the table, the grid and every cell', () => {
    const doc = xmlOf(record, 'word/document.xml');
    expect(doc).toMatch(/<w:tblW w:type="dxa" w:w="8845"\/>|<w:tblW w:w="8845" w:type="dxa"\/>/);
    const grid = [...doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
    const cells = [...doc.matchAll(/<w:tcW ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(cells.length).toBe(4 * 32);
    for (const c of cells) expect(c).toContain('w:type="dxa"');
  });

  it('carries the meeting date, not the clock, in its properties', () => {
    const core = xmlOf(record, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-25T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-25T00:00:00Z</dcterms:modified>');
    expect(core).toContain('<dc:title>青石村2026年第三次村民代表会议记录</dc:title>');
    expect(core).toContain('<dc:creator>青石村村民委员会</dc:creator>');
  });
});

describe('re-export', () => {
  it('gives byte-identical files for the same data, whatever the clock says', async () => {
    const first = await buildMinutes(minutesData);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-19T13:47:21Z'));
    const second = await buildMinutes(minutesData);
    const summaryLater = await buildMinutes(minutesData, '纪要');
    vi.useRealTimers();
    expect(second.equals(first)).toBe(true);
    expect(second.equals(record)).toBe(true);
    expect(summaryLater.equals(summary)).toBe(true);
  });

  it('changes when the data changes', async () => {
    const other = await buildMinutes({ ...minutesData, addenda: [...minutesData.addenda, { date: '2026-12-01', text: '补充一处更正。', by: PRESENT[1]! }] });
    expect(other.equals(record)).toBe(false);
    expect(await textOf(other)).toContain(`2．2026年12月1日，${PRESENT[1]}更正：补充一处更正。`);
  });

  it('is a well-formed package: every part listed in [Content_Types].xml', () => {
    const parts = unzip(record);
    const types = parts.get('[Content_Types].xml')!.toString('utf8');
    for (const name of parts.keys()) {
      if (name.endsWith('.rels') || name === '[Content_Types].xml' || name.endsWith('.xml') === false) continue;
      const ext = name.split('.').pop()!;
      expect(types.includes(`PartName="/${name}"`) || types.includes(`Extension="${ext}"`), name).toBe(true);
    }
  });
});
