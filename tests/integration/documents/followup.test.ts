// The 实施结果公示 and the 四议两公开登记表, read back by mammoth, from their XML and, where
// installed, by LibreOffice and poppler. RENDER_DOC_SAMPLES=1 also writes page 1 of each to docs/*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMatterRegistration, buildResultNotice } from '../../../electron/documents/index';
import { pdfText, renderPdfs, renderSkipReason, xmlOf } from './docx-tools';
import { blankRegistrationData, ORG, plainResultNoticeData, registrationData, resultNoticeData, STEPS, VILLAGE_LAW } from './followup-fixtures';
import { expectA4Pages, expectInOrder, squash, textOf, writeDocSamples } from './read-back';

if (renderSkipReason) console.warn(`[documents/followup] render checks skipped: ${renderSkipReason}`);

const count = (text: string, part: string) => text.split(part).length - 1;

const STEP_NAMES = [
  '第一步党组织提议',
  '第二步“两委”会议商议',
  '第三步党员大会审议',
  '第四步村民会议或村民代表会议决议',
  '第五步决议公开',
  '第六步实施结果公开',
];
const NOTICE_TITLE = '关于《关于实施村东组道路硬化工程的决议》实施结果的公示';
const POSTING = '公示期：2026年12月23日至2027年1月6日（共15日）。';

describe('实施结果公示', () => {
  let buf: Buffer;
  let text: string;
  beforeAll(async () => {
    buf = await buildResultNotice(resultNoticeData);
    text = squash(await textOf(buf));
  });

  it('names the resolution, what it decided, who carried it out, when, the result, the progress and the posting period', () => {
    expectInOrder(
      text,
      [
        NOTICE_TITLE,
        '2026年11月25日，青石村村民委员会召开青石村2026年第三次村民代表会议，作出《关于实施村东组道路硬化工程的决议》（〔2026〕7号）。',
        '一、决议内容',
        '决议编号：〔2026〕7号',
        '决议内容：同意使用奖补资金和村集体经济收入48.6万元硬化村东组道路1.2公里',
        '二、实施情况',
        '责任人（单位）：青石村村民委员会（责任人：村委会副主任李秀英）',
        '完成时限：2026年12月31日',
        '完成时间：2026年12月22日（按期完成）',
        '实施结果：村东组道路硬化1.2公里已全部完工',
        '结余1.7万元转入村集体经济账户。',
        '三、进展记录',
        '实施过程中的进展情况如下：',
        '日期进展情况完成比例',
        ...resultNoticeData.progress.flatMap((p) => [p.text, `${p.percent}%`]),
        '四、公示期限',
        `${POSTING}依照${VILLAGE_LAW}规定，公示期不少于15日。`,
        '公示地点：青石村村务公开栏及各村民小组公示栏。',
        '公示期内如有意见，请向村务监督委员会（联系人：赵德明，电话：13805716688）反映。',
        `${ORG}（盖章）`,
        '2026年12月23日',
      ].map(squash),
    );
    for (const d of ['2026年12月1日', '2026年12月8日', '2026年12月16日']) expect(text).toContain(d);
  });

  it('leaves out what is not given: no law line, place or table; the organization takes the opinions; a late finish says so', async () => {
    const plain = squash(await textOf(await buildResultNotice(plainResultNoticeData)));
    expect(plain).toContain('完成时间：2026年12月22日（逾期3日）');
    expect(plain).toContain('三、公示期限');
    expect(plain).toContain(`${POSTING}公示期内如有意见，请向${ORG}反映。`);
    for (const absent of ['进展记录', '不少于', '公示地点']) expect(plain).not.toContain(absent);
    const noLaw = squash(await textOf(await buildResultNotice({ ...plainResultNoticeData, minimumDays: 15, deadline: null })));
    expect(noLaw).toContain('依照有关法律规定，公示期不少于15日。');
    expect(noLaw).toContain('完成时间：2026年12月22日实施结果：');
    expect(noLaw).not.toContain('完成时限');
  });

  it('refuses a period shorter than the minimum, or ending before it starts, in Chinese', async () => {
    await expect(buildResultNotice({ ...resultNoticeData, postTo: '2027-01-05' })).rejects.toThrow('公示期共14日，少于规定的15日。');
    await expect(buildResultNotice({ ...resultNoticeData, minimumDays: null, postTo: '2026-12-22' })).rejects.toThrow('早于开始日期');
  });

  it('falls back to a plain title, and gives the same bytes for the same data', async () => {
    const untitled = await textOf(await buildResultNotice({ ...resultNoticeData, resolution: { ...resultNoticeData.resolution, title: '村文化广场命名' } }));
    expect(untitled).toContain('关于《村文化广场命名》决议实施结果的公示');
    expect((await buildResultNotice(resultNoticeData)).equals(buf)).toBe(true);
  });

  it('repeats the progress table’s header row, with widths in DXA filling the text block', () => {
    const tbl = /<w:tbl>(.*?)<\/w:tbl>/s.exec(xmlOf(buf, 'word/document.xml'))![1]!;
    const rows = [...tbl.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
  });
});

describe('四议两公开登记表', () => {
  let buf: Buffer;
  let text: string;
  beforeAll(async () => {
    buf = await buildMatterRegistration(registrationData);
    text = squash(await textOf(buf));
  });

  it('prints the matter, then the six steps in order with date, form, attendance, ratio, content and township officials', () => {
    const meeting = (i: number) => {
      const s = STEPS[i]!;
      const [y, m, d] = s.date!.split('-').map(Number);
      return [
        STEP_NAMES[i]!,
        '日期',
        `${y}年${m}月${d}日`,
        '形式',
        s.form!,
        '应到人数',
        `${s.expected}人`,
        '实到人数',
        `${s.present}人`,
        '比例',
        s.ratio!,
        s.content!.split('\n')[0]!,
        '乡镇（街道）参会人员及职务',
        s.townshipOfficials!,
        '主持人签字',
        '记录人签字',
      ];
    };
    expectInOrder(
      text,
      [
        '四议两公开登记表',
        '填报单位：青石村村民委员会',
        '填报日期：2026年12月20日',
        '事项名称',
        '村东组道路硬化工程',
        '事项内容',
        registrationData.content,
        ...[0, 1, 2, 3].flatMap(meeting),
        STEP_NAMES[4]!,
        '公开时间',
        '2026年11月26日',
        '公开形式',
        '公示栏',
        '公开内容',
        STEPS[4]!.content!,
        '群众反映情况',
        '经办人签字',
        '审核人签字',
        STEP_NAMES[5]!,
        '公开时间',
        '公开形式',
        '公开内容',
      ].map(squash),
    );
  });

  it('marks step 2 as held with step 1, and only when it was', async () => {
    expect(count(text, '（与第一步合并召开）')).toBe(1);
    expect(text).toContain('第二步“两委”会议商议（与第一步合并召开）');
    const separate = squash(
      await textOf(await buildMatterRegistration({ ...registrationData, steps: STEPS.map((s) => ({ ...s, mergedWithPrevious: false })) })),
    );
    expect(separate).not.toContain('合并召开');
  });

  it('leaves the cells of a step not yet done blank: the last step has its labels and nothing else', () => {
    const last = text.slice(text.indexOf(STEP_NAMES[5]!));
    expect(last).toBe(squash(`${STEP_NAMES[5]}公开时间公开形式公开内容群众反映情况经办人签字审核人签字`));
  });

  it('prints all six blocks on an empty form, with signature cells for every step', async () => {
    const blank = squash(await textOf(await buildMatterRegistration(blankRegistrationData)));
    expectInOrder(blank, STEP_NAMES);
    expect(count(blank, '主持人签字')).toBe(4);
    expect(count(blank, '经办人签字')).toBe(2);
    expect(blank).not.toMatch(/\d+人/);
    expect(blank).not.toContain('2026年11月');
  });

  it('keeps every row whole, repeats each step’s title row, and starts steps 3 and 5 on a new page', () => {
    const doc = xmlOf(buf, 'word/document.xml');
    const tables = [...doc.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);
    expect(tables).toHaveLength(7);
    for (const t of tables) {
      const rows = [...t.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
      for (const r of rows) expect(r).toContain('<w:cantSplit/>');
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
    }
    for (const t of tables.slice(1)) expect([...t.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)][0]![1]).toContain('<w:tblHeader/>');
    // each break sits on the paragraph just before step 3's and step 5's table
    const between = doc.split(/<w:tbl>.*?<\/w:tbl>/s);
    expect(between.map((p) => p.includes('<w:pageBreakBefore/>'))).toEqual([false, false, false, true, false, true, false, false]);
  });
});

describe.skipIf(renderSkipReason != null)('follow-up documents rendered by LibreOffice', () => {
  let rendered: ReturnType<typeof renderPdfs>;
  let pdf: (name: string) => string;
  const longEntry = { ...STEPS[0]!, content: `${STEPS[0]!.content}\n`.repeat(8) };

  beforeAll(async () => {
    rendered = renderPdfs({
      'result-notice': await buildResultNotice(resultNoticeData),
      'matter-registration': await buildMatterRegistration(registrationData),
      'matter-blank': await buildMatterRegistration(blankRegistrationData),
      'matter-long': await buildMatterRegistration({ ...registrationData, steps: [longEntry, ...STEPS.slice(1)] }),
    });
    pdf = rendered.pdf;
    writeDocSamples(pdf, ['result-notice', 'matter-registration']);
  }, 240_000);

  afterAll(() => rendered?.cleanup());

  it('prints on A4: the notice on one or two pages, the form on three', () => {
    const expected: Record<string, [number, number]> = {
      'result-notice': [1, 2],
      'matter-registration': [3, 3],
      'matter-blank': [3, 3],
      'matter-long': [4, 4],
    };
    expectA4Pages(pdf, expected);
  });

  it('shows the resolution number, the progress and the posting period on the notice', () => {
    const text = squash(pdfText(pdf('result-notice')));
    for (const part of [
      NOTICE_TITLE,
      '〔2026〕7号',
      ...resultNoticeData.progress.flatMap((p) => [p.text, `${p.percent}%`]),
      POSTING,
      '公示期不少于15日',
      `${ORG}（盖章）`,
    ])
      expect(text).toContain(squash(part));
  });

  it('lays the form out two steps a page, with the six step names and the ratios', () => {
    const pages = [1, 2, 3].map((p) => squash(pdfText(pdf('matter-registration'), p)));
    expectInOrder(pages[0]!, [
      '四议两公开登记表',
      '事项名称',
      STEP_NAMES[0]!,
      '5/5（100.0%）',
      STEP_NAMES[1]!,
      '（与第一步合并召开）',
      '8/9（88.9%）',
      '记录人签字',
    ]);
    expectInOrder(pages[1]!, [STEP_NAMES[2]!, '38/45（84.4%）', STEP_NAMES[3]!, '31/45（68.9%）', '记录人签字']);
    expectInOrder(pages[2]!, [STEP_NAMES[4]!, '公示栏', STEP_NAMES[5]!, '审核人签字']);
  });

  it('moves step 2 on whole when step 1 runs long, and still starts step 3 on a page of its own', () => {
    const pages = [1, 2, 3, 4].map((p) => squash(pdfText(pdf('matter-long'), p)));
    expect(pages[0]).toContain(STEP_NAMES[0]);
    expect(pages[0]).not.toContain(STEP_NAMES[1]);
    expect(pages[1]).toContain(STEP_NAMES[1]);
    expect(pages[1]).not.toContain(STEP_NAMES[2]);
    expect(pages[2]).toContain(STEP_NAMES[2]);
    expect(pages[3]).toContain(STEP_NAMES[5]);
  });
});
