// LibreOffice lays the documents out (a renderer no one here wrote); poppler reads the PDF back.
// Skips, saying why, where LibreOffice or poppler is missing; .ci/run installs both.
// RENDER_DOC_SAMPLES=1 also writes page 1 of each document to docs/*.png for the README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBallots, buildMinutes, buildNotice, buildResolutionNotice, buildSignInSheet } from '../../../electron/documents/index';
import { pdfInfo, pdfText, renderPdfs, renderSkipReason } from './docx-tools';
import { ballotData, fullPageData, minutesData, noticeData, optionBallotData, resolutionNoticeData, signInData, urgentNoticeData } from './fixtures';
import { expectA4Pages, squash, writeDocSamples } from './read-back';

if (renderSkipReason) console.warn(`[documents/render] skipped: ${renderSkipReason}`);

/** pdftotext puts spaces between Latin and Chinese text and breaks lines; compare without them. */
const PAGE_NUMBER = /^\s*—\s*\d+\s*—\s*$/;

describe.skipIf(renderSkipReason != null)('rendered by LibreOffice', () => {
  let rendered: ReturnType<typeof renderPdfs>;
  let pdf: (name: string) => string;

  beforeAll(async () => {
    const files = {
      minutes: await buildMinutes(minutesData, '记录'),
      summary: await buildMinutes(minutesData, '纪要'),
      'sign-in-sheet': await buildSignInSheet(signInData),
      ballots: await buildBallots(ballotData),
      'option-ballots': await buildBallots(optionBallotData),
      'named-ballots': await buildBallots({ ...ballotData, method: '记名', perPage: 4, count: 4 }),
      notice: await buildNotice(urgentNoticeData),
      'plain-notice': await buildNotice(noticeData),
      'resolution-notice': await buildResolutionNotice(resolutionNoticeData),
      'full-page': await buildMinutes(fullPageData, '记录'),
    };
    rendered = renderPdfs(files);
    pdf = rendered.pdf;
    writeDocSamples(pdf, ['minutes', 'sign-in-sheet', 'ballots', 'notice', 'resolution-notice']);
  }, 240_000);

  afterAll(() => rendered?.cleanup());

  it('prints every document on A4 with a plausible number of pages', () => {
    const expected: Record<string, [number, number]> = {
      minutes: [5, 10], // 5 pages of minutes, 2 of signatures, 1 appendix
      summary: [2, 4],
      'sign-in-sheet': [4, 7], // 80 rows at 14–19 a page
      ballots: [17, 18], // 31 ballots two a page = 16 pages, then the tally sheet
      'option-ballots': [4, 5], // 10 ballots four a page = 3 pages, then the tally sheet
      notice: [1, 3],
      'resolution-notice': [1, 3],
      'full-page': [4, 6],
    };
    expectA4Pages(pdf, expected);
  });

  it('finds the minutes’ headings and figures in the PDF, in order', () => {
    const text = squash(pdfText(pdf('minutes')));
    let from = 0;
    for (const part of [
      '青石村2026年第三次村民代表会议记录',
      '应到45人，实到31人（占应到人数的68.9%）',
      // 31 × 3 = 93 > 2 × 45 = 90: more than two-thirds, so 超过.
      '法定人数：实到31人，超过应到人数的三分之二，符合法定人数，会议有效（依据：《中华人民共和国村民委员会组织法》第二十五条）',
      '一、关于村东组道路硬化工程实施方案的议题',
      '赞成16票（占实到人数的51.6%），反对10票（占实到人数的32.3%），弃权5票（占实到人数的16.1%）',
      '二、关于村文化广场命名的议题',
      '方案二：石溪广场，得19人（占实到人数的61.3%）',
      '三、通报2026年度低保评议工作安排',
      '决议事项',
      '〔2026〕7号',
      '〔2026〕8号',
      '会议于11:40散会。',
      '主持人（签字）',
      '参会人员签字',
      '更正记录',
    ]) {
      const at = text.indexOf(squash(part), from);
      expect(at, part).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it('numbers pages “— N —”: odd pages at the right, even pages at the left', () => {
    const footerLine = (page: number) =>
      pdfText(pdf('minutes'), page)
        .split('\n')
        .filter((l) => PAGE_NUMBER.test(l))
        .pop() ?? '';
    const odd = footerLine(1);
    const even = footerLine(2);
    expect(odd).toMatch(/—\s*1\s*—/);
    expect(even).toMatch(/—\s*2\s*—/);
    const indent = (l: string) => l.length - l.trimStart().length;
    expect(indent(odd)).toBeGreaterThan(20);
    expect(indent(even)).toBeLessThan(5);
  });

  it('repeats the sign-in sheet’s header row on page 2', () => {
    const page2 = pdfText(pdf('sign-in-sheet'), 2);
    const header = page2.split('\n').find((l) => l.includes('序号'));
    expect(header, page2.slice(0, 400)).toBeDefined();
    for (const col of ['序号', '姓名', '身份', '小组/户号', '签名', '备注']) expect(header).toContain(col);
    // and the rows carry on where page 1 stopped
    const page1 = pdfText(pdf('sign-in-sheet'), 1);
    const lastOnPage1 = Math.max(...[...page1.matchAll(/^\s*(\d+)\s+\S/gm)].map((m) => Number(m[1])));
    expect(page2).toMatch(new RegExp(`^\\s*${lastOnPage1 + 1}\\s+${signInData.rows[lastOnPage1]!.name}`, 'm'));
  });

  it('prints ballots two a page (four on options ballots), with the tally sheet at the end', () => {
    const count = (text: string, part: string) => squash(text).split(part).length - 1;
    expect(count(pdfText(pdf('ballots'), 1), '表决票')).toBe(2);
    expect(count(pdfText(pdf('option-ballots'), 1), '方案三：青石村民广场')).toBe(4);
    for (const name of ['ballots', 'option-ballots']) {
      const pages = pdfInfo(pdf(name)).pages;
      const ballots = Array.from({ length: pages }, (_, i) => count(pdfText(pdf(name), i + 1), name === 'ballots' ? '表决票' : '□方案三'));
      expect(
        ballots.reduce((a, b) => a + b, 0),
        name,
      ).toBe(name === 'ballots' ? 31 : 10);
      const lastPages = squash(pdfText(pdf(name), pages - 1) + pdfText(pdf(name), pages));
      expect(lastPages, name).toContain('计票单');
      expect(lastPages, name).toContain('计票人（签字）');
    }
  });

  it('keeps every choice on one line with its box, even four ballots a page; a 记名 ballot has the signature line', () => {
    for (const name of ['ballots', 'named-ballots']) {
      const lines = pdfText(pdf(name), 1).split('\n');
      const choices = lines.filter((l) => /(赞成|反对|弃权)\s*□/.test(l) || /^\s*□/.test(l));
      expect(choices.length, name).toBeGreaterThan(0);
      for (const l of choices) expect(squash(l), name).toMatch(/^(赞成□反对□弃权□)+$/);
    }
    expect(squash(pdfText(pdf('named-ballots'), 1)).split('投票人（签名）').length - 1).toBe(4);
    expect(squash(pdfText(pdf('ballots'), 1))).not.toContain('投票人');
    const options = squash(pdfText(pdf('option-ballots'), 1));
    expect(options.split('表决事项：村文化广场命名').length - 1).toBe(4);
  });

  it('prints the notice and the resolution notice with their headings and sign-off', () => {
    const notice = squash(pdfText(pdf('notice')));
    for (const part of [
      '关于召开青石村2026年第三次村民代表会议的通知',
      '本次会议为临时召开',
      '一、会议时间',
      '四、会议议程',
      '青石村村民委员会',
      '2026年11月24日',
    ])
      expect(notice).toContain(squash(part));
    const board = squash(pdfText(pdf('resolution-notice')));
    for (const part of ['决议编号：〔2026〕7号', '赞成16票', '公示期自2026年11月26日起至2026年12月10日止，共15日', '不少于15日', '青石村村民委员会（盖章）'])
      expect(board).toContain(squash(part));
  });

  it('holds 22 lines of 28 characters on a full page of body text', () => {
    const lines = pdfText(pdf('full-page'), 2)
      .split('\n')
      .filter((l) => l.trim() !== '' && !PAGE_NUMBER.test(l));
    const perLine = lines.map((l) => [...l.matchAll(/\p{Script=Han}/gu)].length);
    console.info(`[documents/render] page 2 of a full page of body text: ${lines.length} lines; characters per line: ${perLine.join(' ')}`);
    expect(lines.length).toBeGreaterThanOrEqual(21);
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const n of perLine) {
      expect(n).toBeGreaterThanOrEqual(26);
      expect(n).toBeLessThanOrEqual(30);
    }
    const sorted = [...perLine].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBe(28);
  });
});
