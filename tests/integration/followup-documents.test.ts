import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { failure, value, village, type Ctx } from '../support/village';

async function exported(ctx: Ctx, name: string, input: unknown) {
  const f = await value(ctx, name, input);
  return { fileName: f.fileName as string, text: (await mammoth.extractRawText({ buffer: Buffer.from(f.base64, 'base64') })).value };
}

describe('公示与登记表的 Word 文书', () => {
  it('exports the decision notice and, once the resolution is done, the implementation-result notice', async () => {
    const { ctx, org, decide } = await village(45);
    const r = (await decide('2026-03-15', ['村道硬化'])).resolutions[0]!;
    const decision = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '决议公开',
      resolutionId: r.id,
      title: '村道硬化决议公示',
      postedOn: '2026-03-16',
      periodDays: 15,
      place: '村务公开栏',
    });
    const d = await exported(ctx, 'notices.export', { id: decision.id });
    expect(d.fileName).toBe('2026年3月16日 村道硬化 决议公示.docx');
    expect(d.text).toContain('〔2026〕1号');
    expect(d.text).toContain('公示期自2026年3月16日起至2026年3月30日止，共 15 日。');

    await value(ctx, 'resolutions.update', { id: r.id, responsible: '村委会', deadline: '2026-06-30' });
    await value(ctx, 'followUp.addProgress', { resolutionId: r.id, date: '2026-04-01', text: '完成招标', percent: 30 });
    const result = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '实施结果公开',
      resolutionId: r.id,
      title: '村道硬化实施结果公示',
      postedOn: '2026-06-26',
      periodDays: 15,
      place: '村务公开栏',
    });
    const early = await failure(ctx, 'notices.export', { id: result.id });
    expect(early.message).toContain('还没有登记完成情况');
    await value(ctx, 'followUp.complete', { resolutionId: r.id, completedOn: '2026-06-25', result: '验收合格，通车' });
    const n = await exported(ctx, 'notices.export', { id: result.id });
    expect(n.fileName).toBe('2026年6月26日 村道硬化 实施结果公示.docx');
    expect(n.text).toContain('验收合格，通车');
    expect(n.text).toContain('完成招标');
    expect(n.text).toContain('2026年6月26日至2026年7月10日');
  });

  it('exports the 四议两公开 registration form with each recorded step and blanks for the rest', async () => {
    const { ctx, org } = await village(9);
    const matter = await value(ctx, 'matters.create', {
      orgId: org.id,
      title: '村集体鱼塘承包方案',
      content: '鱼塘对外承包五年',
      category: '集体资产',
      createdOn: '2026-03-01',
    });
    await value(ctx, 'matters.recordStep', {
      matterId: matter.id,
      step: 1,
      date: '2026-03-02',
      expected: 7,
      present: 7,
      content: '支部委员会提议鱼塘公开承包',
      townshipOfficials: '包村干部 陈明（镇农办主任）',
    });
    await value(ctx, 'matters.recordStep', { matterId: matter.id, step: 2, date: '2026-03-04', expected: 9, present: 8, content: '两委联席会议商议' });
    const f = await exported(ctx, 'matters.export', { id: matter.id });
    expect(f.fileName).toBe('2026年3月1日 村集体鱼塘承包方案 四议两公开登记表.docx');
    expect(f.text).toContain('四议两公开登记表');
    expect(f.text).toContain('支部委员会提议鱼塘公开承包');
    expect(f.text).toContain('8/9（88.9%）');
    expect(f.text).toContain('包村干部 陈明（镇农办主任）');
    expect(f.text).toContain('实施结果公开');
  });

  it('prints a notice without a resolution in its own words', async () => {
    const { ctx, org } = await village(9);
    const n = await value(ctx, 'notices.create', {
      orgId: org.id,
      kind: '其他',
      title: '2026年低保对象名单公示',
      content: '经村民代表会议评议，拟确定以下低保对象：\n张三、李四。',
      postedOn: '2026-03-25',
      periodDays: 7,
      place: '村委会门口公示栏',
    });
    const f = await exported(ctx, 'notices.export', { id: n.id });
    expect(f.fileName).toBe('2026年3月25日 2026年低保对象名单公示 公示.docx');
    expect(f.text).toContain('经村民代表会议评议，拟确定以下低保对象：');
    expect(f.text).toContain('公示期自2026年3月25日起至2026年3月31日止，共 7 日，公示地点：村委会门口公示栏。');
  });
});
