// 公示 on the notice board: the 张贴记录 (who posted it, photos of it posted and of it taken down,
// through the attachment calls, each audited on the notice) and the one-sheet 张贴版, read back
// with mammoth and laid out by LibreOffice to prove it is exactly one page.
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdfs, pdfInfo, pdfText, renderSkipReason } from './documents/docx-tools';
import { expectInOrder, squash, textOf } from './documents/read-back';
import { failure, value, village, type Ctx } from '../support/village';
import { buildNoticeBoard } from '../../electron/documents/notice-board';

// A 1×1 PNG; a JPEG's first bytes are enough for the store, which checks the kind, not the picture.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(64, 7)]);

const audits = (ctx: Ctx, id: number) =>
  ctx.db.sqlite
    .prepare("select action, entity, before_json as b, after_json as a from audit_log where entity = 'notice' and entity_id = ? order by id")
    .all(id) as {
    action: string;
    entity: string;
    b: string | null;
    a: string | null;
  }[];
const row = (ctx: Ctx, id: number) => ctx.db.sqlite.prepare('select * from notices where id = ?').get(id) as Record<string, unknown>;

async function notice(ctx: Ctx, orgId: number, extra: Record<string, unknown> = {}) {
  return value(ctx, 'notices.create', {
    orgId,
    kind: '其他',
    title: '关于2026年度低保户评议结果的公示',
    content: '经村民代表会议评议，拟确定张某某等3户为2026年度低保户。',
    postedOn: '2026-11-20',
    periodDays: 7,
    place: '村务公开栏',
    ...extra,
  });
}

describe('张贴记录：张贴人和照片', () => {
  it('keeps who posted it, adds and removes photos of the posting with audit rows, and reads the bytes back', async () => {
    const { ctx, org } = await village(3);
    const n = await notice(ctx, org.id, { postedBy: '网格员 张三' });
    expect(n).toMatchObject({ postedBy: '网格员 张三', postedPhotos: [], takenDownPhotos: [], takenDownBy: null });
    const plain = await notice(ctx, org.id, { title: '另一份公示' });
    expect(plain.postedBy).toBe(ctx.actor.name);

    const target = { kind: 'noticePosted', id: n.id };
    const added = await value(ctx, 'attachments.add', { target, fileName: '公开栏张贴.png', base64: PNG.toString('base64') });
    expect(added.added).toMatchObject({ name: '公开栏张贴.png', stored: true });
    await value(ctx, 'attachments.add', { target, fileName: '近景.jpg', base64: JPEG.toString('base64') });
    const got = await value(ctx, 'notices.get', { id: n.id });
    expect(got.postedPhotos.map((p: { name: string }) => p.name)).toEqual(['公开栏张贴.png', '近景.jpg']);

    const file = await value(ctx, 'attachments.get', { path: added.added.path });
    expect(file).toMatchObject({ fileName: '公开栏张贴.png', mimeType: 'image/png', size: PNG.length });
    expect(Buffer.from(file.base64, 'base64').equals(PNG)).toBe(true);

    await value(ctx, 'attachments.remove', { target, path: added.added.path });
    expect((await value(ctx, 'notices.get', { id: n.id })).postedPhotos.map((p: { name: string }) => p.name)).toEqual(['近景.jpg']);

    const trail = audits(ctx, n.id);
    expect(trail.map((r) => r.action)).toEqual(['notices.create', 'attachments.add', 'attachments.add', 'attachments.remove']);
    expect(JSON.parse(trail[1]!.a!)).toMatchObject({ path: added.added.path, fileName: '公开栏张贴.png', role: 'noticePosted' });
    expect(JSON.parse(trail[3]!.b!)).toMatchObject({ path: added.added.path, role: 'noticePosted' });
  });

  it('takes photos of the taking-down only once 撤下 is registered, and photos of the posting still after it', async () => {
    const { ctx, org } = await village(3);
    const n = await notice(ctx, org.id);
    const down = { kind: 'noticeTakenDown', id: n.id };
    const before = row(ctx, n.id);
    const early = await failure(ctx, 'attachments.add', { target: down, fileName: '撤下.png', base64: PNG.toString('base64') });
    expect(early.message).toContain('还没有登记撤下');
    expect(row(ctx, n.id)).toEqual(before);

    const taken = await value(ctx, 'notices.takeDown', { id: n.id, takenDownOn: '2026-11-26', takenDownBy: '李四' });
    expect(taken).toMatchObject({ status: '已撤下', takenDownBy: '李四' });
    await value(ctx, 'attachments.add', { target: down, fileName: '撤下后.png', base64: PNG.toString('base64') });
    // A photo of the posting uploaded after it came down is still welcome.
    await value(ctx, 'attachments.add', { target: { kind: 'noticePosted', id: n.id }, fileName: '张贴当天.jpg', base64: JPEG.toString('base64') });
    const got = await value(ctx, 'notices.get', { id: n.id });
    expect(got.takenDownPhotos.map((p: { name: string }) => p.name)).toEqual(['撤下后.png']);
    expect(got.postedPhotos.map((p: { name: string }) => p.name)).toEqual(['张贴当天.jpg']);
    expect(audits(ctx, n.id).map((r) => r.action)).toEqual(['notices.create', 'notices.takeDown', 'attachments.add', 'attachments.add']);
  });

  it('refuses what is not a photo, an unknown notice, a stranger path and a bad target, changing nothing', async () => {
    const { ctx, org } = await village(3);
    const n = await notice(ctx, org.id);
    const target = { kind: 'noticePosted', id: n.id };
    const before = row(ctx, n.id);
    const trail = audits(ctx, n.id).length;
    const pdf = await failure(ctx, 'attachments.add', { target, fileName: '公示.pdf', base64: Buffer.from('%PDF-1.4 hello').toString('base64') });
    expect(pdf.message).toContain('不是照片');
    const renamed = await failure(ctx, 'attachments.add', { target, fileName: '照片.png', base64: Buffer.from('not a picture').toString('base64') });
    expect(renamed.message).toContain('不是照片');
    const missing = await failure(ctx, 'attachments.add', { target: { kind: 'noticePosted', id: 9999 }, fileName: 'a.png', base64: PNG.toString('base64') });
    expect(missing.message).toContain('找不到编号为 9999 的公示');
    const bad = await failure(ctx, 'attachments.add', { target: { kind: 'noticeBoard', id: n.id }, fileName: 'a.png', base64: PNG.toString('base64') });
    expect(bad.code).toBe('INVALID_INPUT');
    const stranger = await failure(ctx, 'attachments.remove', { target, path: 'attachments/2026/0000000000000000-不存在.png' });
    expect(stranger.message).toContain('没有附件');
    expect(row(ctx, n.id)).toEqual(before);
    expect(audits(ctx, n.id)).toHaveLength(trail);
  });
});

const LONG_UNIT =
  '村集体经济组织二〇二六年度收益分配方案经村民代表会议讨论通过，现将各村民小组分配明细、土地补偿费使用情况和公益事业支出情况予以公开，请广大村民监督。';

describe('打印张贴版', () => {
  const rendered: Record<string, Buffer> = {};
  let render: ReturnType<typeof renderPdfs> | null = null;
  afterAll(() => render?.cleanup());

  it('prints one sheet: title, resolution number, text, 公示期 by the app’s rule, place, 监督电话, committee and date', async () => {
    const { ctx, org, decide } = await village(45);
    await value(ctx, 'organizations.setProfile', {
      orgId: org.id,
      committeeName: '东风村村民委员会',
      partyOrgName: '中共东风村支部委员会',
      phone: '0571-88886666',
    });
    const r = (await decide('2026-03-15', ['村道硬化'])).resolutions[0]!;
    const n = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '决议公开',
      resolutionId: r.id,
      title: '村道硬化决议公示',
      postedOn: '2026-03-16',
      periodDays: 15,
      place: '村务公开栏',
    });
    const f = await value(ctx, 'notices.exportBoard', { id: n.id });
    expect(f).toMatchObject({ fileName: '2026年3月16日 村道硬化决议公示 公示张贴版.docx', kind: '公示张贴版' });
    expect(f.check).toBeUndefined();
    const bytes = Buffer.from(f.base64, 'base64');
    const text = squash(await textOf(bytes));
    expectInOrder(text, [
      '村道硬化决议公示',
      `决议编号：${r.number}`,
      '2026年3月15日召开的',
      '公示期：2026年3月16日至2026年3月30日（共15日）',
      '公示地点：村务公开栏',
      '请向东风村村民委员会反映。监督电话：0571-88886666',
      '东风村村民委员会（盖章）',
      '2026年3月16日',
    ]);
    rendered.normal = bytes;
  });

  it('shrinks a long text to fit one sheet, and past 小四 ends it with （全文见附页） and says so', async () => {
    const { ctx, org } = await village(3);
    const medium = LONG_UNIT.repeat(8); // about 560 characters: smaller type, whole text
    const long = LONG_UNIT.repeat(22); // over 1500 characters: cut, with a note
    expect(Array.from(long).length).toBeGreaterThanOrEqual(1500);
    const m = await notice(ctx, org.id, { title: '收益分配方案公示', content: medium });
    const l = await notice(ctx, org.id, { title: '收益分配明细公示', content: `${long}\n特此公示。` });
    const fm = await value(ctx, 'notices.exportBoard', { id: m.id });
    expect(fm.check).toBeUndefined();
    const mediumText = squash(await textOf(Buffer.from(fm.base64, 'base64')));
    expect(mediumText).toContain(squash(medium));
    expect(mediumText).not.toContain('全文见附页');

    const fl = await value(ctx, 'notices.exportBoard', { id: l.id });
    expect(fl.check).toMatchObject({ ok: false });
    expect(fl.check.message).toContain('全文见附页');
    const longText = squash(await textOf(Buffer.from(fl.base64, 'base64')));
    expectInOrder(longText, [
      '收益分配明细公示',
      '村集体经济组织',
      '……（全文见附页）',
      '公示期：2026年11月20日至2026年11月26日（共7日）',
      '（盖章）',
      '2026年11月20日',
    ]);
    expect(longText).not.toContain('特此公示');
    rendered.medium = Buffer.from(fm.base64, 'base64');
    rendered.long = Buffer.from(fl.base64, 'base64');
  });

  it('keeps to one sheet at the limits too: a 100-character title, a resolution number, a phone and short paragraphs', async () => {
    // Many short paragraphs: each starts a line of its own, the worst case for the text's height.
    const content = Array.from({ length: 60 }, (_, i) => `${i + 1}. 第${i + 1}村民小组分配款已发放到户。`).join('\n');
    const { bytes, plan } = await buildNoticeBoard({
      orgName: '东风村村民委员会',
      title: '关于'.concat('东风村村集体经济组织二〇二六年度收益分配方案'.repeat(5)).slice(0, 97).concat('的公示'),
      resolutionNumber: '东村代〔2026〕12号',
      content,
      postFrom: '2026-11-20',
      postTo: '2026-12-04',
      days: 15,
      place: '村委会一楼公开栏及各村民小组公示栏',
      phone: '0571-88886666',
      issuedDate: '2026-11-20',
    });
    expect(plan).toMatchObject({ size: 24, truncated: true });
    expect(squash(await textOf(bytes))).toContain('……（全文见附页）');
    rendered.limits = bytes;
  });

  it.skipIf(!!renderSkipReason)('is exactly one A4 page in LibreOffice, with the sign-off on it, for a short, a medium and a long notice', () => {
    expect(Object.keys(rendered).sort()).toEqual(['limits', 'long', 'medium', 'normal']);
    render = renderPdfs(rendered);
    for (const name of Object.keys(rendered)) {
      const pdf = render.pdf(name);
      expect(existsSync(pdf)).toBe(true);
      const info = pdfInfo(pdf);
      expect(info.pages, name).toBe(1);
      expect(Math.round(info.width)).toBe(595);
      expect(Math.round(info.height)).toBe(842);
      const text = squash(pdfText(pdf));
      expect(text, name).toContain('（盖章）');
      expect(text, name).toContain('公示期：');
    }
  });
});
