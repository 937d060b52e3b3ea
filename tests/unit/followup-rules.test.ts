import { describe, expect, it } from 'vitest';
import { addDays, daysFrom, lastMonths, localDateTime, todayIn } from '../../core/dates';
import { departmentRates, perMille, reportedInTime, type SummonsRecord } from '../../core/followup/rates';
import { dueState, followUpTitle, noticeEndsOn, progressProblem, summonsOverdue } from '../../core/followup/rules';

describe('本地日期（默认北京时间）', () => {
  it('is already tomorrow in Shanghai at 16:30 UTC, and still today at 15:59', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26');
    expect(todayIn('Asia/Shanghai', new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(todayIn('Asia/Shanghai', new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
    expect(todayIn('UTC', new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-25');
    expect(todayIn('Asia/Shanghai', new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(localDateTime('Asia/Shanghai', '2026-11-25T16:30:00Z')).toBe('2026-11-26 00:30');
  });

  it('adds days across months and leap years, and lists the last six months', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysFrom('2026-11-20', '2026-11-26')).toBe(6);
    expect(lastMonths('2026-02-10', 6)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('督办规则', () => {
  it('counts the posting day as day 1 of a notice period', () => {
    expect(noticeEndsOn('2026-03-01', 15)).toBe('2026-03-15');
    expect(noticeEndsOn('2026-02-20', 15)).toBe('2026-03-06');
  });

  it('refuses progress above 100% and backwards without a reason', () => {
    expect(progressProblem(null, 30, undefined)).toBeNull();
    expect(progressProblem(60, 101, undefined)).toContain('不能超过 100%');
    expect(progressProblem(60, 40, undefined)).toBe('进度比上次（60%）低，请说明原因');
    expect(progressProblem(60, 40, '  ')).toBe('进度比上次（60%）低，请说明原因');
    expect(progressProblem(60, 40, '返工')).toBeNull();
    expect(progressProblem(60, 60, undefined)).toBeNull();
  });

  it('judges deadlines by the local date: overdue the day after, due soon within 7 days inclusive', () => {
    expect(dueState('2026-11-25', '2026-11-26', 7)).toBe('overdue');
    expect(dueState('2026-11-26', '2026-11-26', 7)).toBe('dueSoon');
    expect(dueState('2026-12-03', '2026-11-26', 7)).toBe('dueSoon');
    expect(dueState('2026-12-04', '2026-11-26', 7)).toBe('later');
    expect(dueState(null, '2026-11-26', 7)).toBe('none');
  });

  it('calls a summons overdue around midnight by the local date and by the hour limit', () => {
    const base = { summonedAt: '2026-11-24T02:00:00Z', reportWithinHours: 24, reportedAt: '2026-11-24T05:00:00Z', deadline: '2026-11-25', closedAt: null };
    const justBefore = new Date('2026-11-25T15:59:00Z'); // 2026-11-25 23:59 in Shanghai
    const justAfter = new Date('2026-11-25T16:30:00Z'); // 2026-11-26 00:30 in Shanghai
    expect(summonsOverdue(base, todayIn('Asia/Shanghai', justBefore), justBefore)).toBeNull();
    expect(summonsOverdue(base, todayIn('Asia/Shanghai', justAfter), justAfter)).toBe('已超过承诺期限（2026-11-25）1 天');
    expect(summonsOverdue({ ...base, closedAt: '2026-11-25T10:00:00Z' }, '2026-11-30', justAfter)).toBeNull();
    const unreported = { ...base, reportedAt: null, deadline: null };
    expect(summonsOverdue(unreported, '2026-11-25', new Date('2026-11-25T02:00:00Z'))).toBeNull(); // exactly 24 h: still in time
    expect(summonsOverdue(unreported, '2026-11-25', new Date('2026-11-25T02:00:01Z'))).toBe('吹哨后 24 小时内未报到');
    expect(reportedInTime({ ...unreported, reportedAt: '2026-11-25T02:00:00Z' })).toBe(true);
  });

  it('titles a carried-over resolution', () => {
    expect(followUpTitle({ title: '村道硬化', number: '〔2026〕1号' })).toBe('跟进事项：村道硬化（〔2026〕1号）');
  });
});

describe('响应率、解决率、满意率', () => {
  it('rounds per mille half up with integers only', () => {
    expect(perMille(2, 3)).toBe(667);
    expect(perMille(1, 3)).toBe(333);
    expect(perMille(1, 8)).toBe(125);
    expect(perMille(1, 2000)).toBe(1); // 0.5‰ rounds up
    expect(perMille(0, 0)).toBeNull();
  });

  it('matches a hand-checked fixture', () => {
    const s = (
      department: string,
      summonedAt: string,
      reportedAt: string | null,
      resolved: boolean | null,
      topicId: number | null,
      topicSatisfaction: SummonsRecord['topicSatisfaction'],
      summonedOn = summonedAt.slice(0, 10),
    ): SummonsRecord => ({
      department,
      summonedOn,
      summonedAt,
      reportWithinHours: 24,
      reportedAt,
      resolved,
      topicId,
      topicSatisfaction,
    });
    const records = [
      s('城管执法队', '2026-10-01T01:00:00Z', '2026-10-01T05:00:00Z', true, 1, '满意'), // in time, resolved
      s('城管执法队', '2026-10-03T01:00:00Z', '2026-10-04T01:00:00Z', true, 2, '基本满意'), // exactly 24 h: in time
      s('城管执法队', '2026-10-05T01:00:00Z', '2026-10-06T03:00:00Z', false, 3, '不满意'), // late
      s('城管执法队', '2026-10-07T01:00:00Z', null, null, 3, '不满意'), // not reported; same topic 3 again
      s('供电所', '2026-10-10T01:00:00Z', '2026-10-10T02:00:00Z', true, 4, null), // no feedback
      s('供电所', '2026-10-12T01:00:00Z', '2026-10-12T03:00:00Z', false, null, null), // a meeting's summons, no topic
      s('供电所', '2026-09-30T01:00:00Z', '2026-09-30T02:00:00Z', true, 5, '满意'), // before the period: left out
    ];
    const { departments, total } = departmentRates(records, { from: '2026-10-01', to: '2026-10-31' });
    // 城管执法队: 4 summoned; in time: #1, #2 → 2/4 = 500‰; resolved: #1, #2 → 2/4;
    //   topics 1, 2, 3 (3 counted once) all with feedback; 满意/基本满意: 1, 2 → 2/3 = 667‰.
    const cg = departments.find((d) => d.department === '城管执法队')!;
    expect([cg.summoned, cg.response.numerator, cg.response.denominator, cg.response.perMille]).toEqual([4, 2, 4, 500]);
    expect([cg.resolution.numerator, cg.resolution.denominator]).toEqual([2, 4]);
    expect([cg.satisfaction.numerator, cg.satisfaction.denominator, cg.satisfaction.perMille]).toEqual([2, 3, 667]);
    expect(cg.satisfaction.text).toBe('2/3（66.7%）');
    // 供电所: 2 summoned in the period; both in time → 2/2; resolved 1/2 = 500‰; topic 4 has no feedback → 0/0, no figure.
    const gd = departments.find((d) => d.department === '供电所')!;
    expect([gd.response.numerator, gd.response.denominator, gd.resolution.numerator, gd.resolution.perMille]).toEqual([2, 2, 1, 500]);
    expect([gd.satisfaction.denominator, gd.satisfaction.perMille, gd.satisfaction.text]).toEqual([0, null, '0/0（无数据）']);
    // All: 6 summoned; in time 4 → 667‰; resolved 3 → 500‰; topics with feedback 1, 2, 3 → 2/3.
    expect([
      total.summoned,
      total.response.numerator,
      total.response.perMille,
      total.resolution.numerator,
      total.satisfaction.numerator,
      total.satisfaction.denominator,
    ]).toEqual([6, 4, 667, 3, 2, 3]);
    expect(total.response.definition).toContain('规定时限内报到');
  });

  it('puts a summons in the period by its local date', () => {
    // 2026-10-31T16:30Z is 2026-11-01 in Shanghai: outside October.
    const r: SummonsRecord = {
      department: '水务站',
      summonedOn: todayIn('Asia/Shanghai', new Date('2026-10-31T16:30:00Z')),
      summonedAt: '2026-10-31T16:30:00Z',
      reportWithinHours: 2,
      reportedAt: null,
      resolved: null,
      topicId: null,
      topicSatisfaction: null,
    };
    expect(departmentRates([r], { from: '2026-10-01', to: '2026-10-31' }).total.summoned).toBe(0);
    expect(departmentRates([r], { from: '2026-11-01', to: '2026-11-30' }).total.summoned).toBe(1);
  });
});
