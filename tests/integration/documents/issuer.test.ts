// 本单位信息: every document's 落款 and "向…请假/反映" name the committee by the full name the
// secretary saved, not the short 议事主体 name (青石村（盖章） is what a township sends back).
import { describe, expect, it } from 'vitest';
import { defaultCommitteeName, defaultPartyOrgName, issuerFor } from '../../../core/documents/issuer';
import { failure, value, village } from '../../support/village';
import { squash, textOf } from './read-back';

const docText = async (file: { base64: string }) => squash(await textOf(Buffer.from(file.base64, 'base64')));

describe('本单位信息', () => {
  it('derives the full names from the 议事主体 until the secretary saves her own', () => {
    expect(defaultCommitteeName('青石村', '村')).toBe('青石村村民委员会');
    expect(defaultCommitteeName('和平里社区', '社区')).toBe('和平里社区居民委员会');
    expect(defaultCommitteeName('青石村村民委员会', '村')).toBe('青石村村民委员会');
    expect(defaultCommitteeName('幸福街道', '街道')).toBe('幸福街道办事处');
    expect(defaultCommitteeName('青山镇', '乡镇')).toBe('青山镇人民政府');
    expect(defaultPartyOrgName('青石村')).toBe('中共青石村支部委员会');
    expect(issuerFor({ committeeName: '青石村村民委员会', partyOrgName: '中共青石村总支部委员会' }, '党员大会')).toBe('中共青石村总支部委员会');
    expect(issuerFor({ committeeName: '青石村村民委员会', partyOrgName: '中共青石村总支部委员会' }, '村民代表会议')).toBe('青石村村民委员会');
  });

  it('signs the notice with the committee, and with the saved name and telephone once saved', async () => {
    const { ctx, org, meeting } = await village(12);
    const before = await value(ctx, 'organizations.profile', { orgId: org.id });
    expect(before).toMatchObject({ saved: false, committeeName: '东风村村民委员会', partyOrgName: '中共东风村支部委员会' });
    const m = await meeting('东风村2026年第一次村民代表会议', '2026-03-15');
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-03-05' });
    let text = await docText(await value(ctx, 'documents.notice', { meetingId: m.id }));
    expect(text).toContain(squash('请于会前向东风村村民委员会请假。'));
    expect(text.endsWith(squash('东风村村民委员会2026年3月5日'))).toBe(true);
    expect(text).not.toMatch(/东风村（盖章）|东风村2026年3月5日$/);

    const saved = await value(ctx, 'organizations.setProfile', {
      orgId: org.id,
      committeeName: '江宁区东风村村民委员会',
      partyOrgName: '中共东风村总支部委员会',
      phone: '025-52100000',
      superiorName: '东山街道办事处',
      defaultRecorder: '李会计',
    });
    expect(saved).toMatchObject({ saved: true, committeeName: '江宁区东风村村民委员会', address: null });
    text = await docText(await value(ctx, 'documents.notice', { meetingId: m.id }));
    expect(text).toContain(squash('请于会前向江宁区东风村村民委员会请假（联系电话：025-52100000）。'));
    expect(text.endsWith(squash('江宁区东风村村民委员会2026年3月5日'))).toBe(true);
  });

  it('refuses a profile without the committee name and keeps the saved one', async () => {
    const { ctx, org } = await village(3);
    await value(ctx, 'organizations.setProfile', { orgId: org.id, committeeName: '东风村村民委员会', partyOrgName: '中共东风村支部委员会' });
    const error = await failure(ctx, 'organizations.setProfile', { orgId: org.id, committeeName: '  ', partyOrgName: '中共东风村支部委员会' });
    expect(error.message).toContain('请填写村（居）民委员会全称');
    expect(await value(ctx, 'organizations.profile', { orgId: org.id })).toMatchObject({ committeeName: '东风村村民委员会' });
  });
});

describe('文书的日期是记录里的日期', () => {
  it('asks for the notice date the record lacks instead of printing the export day', async () => {
    const { ctx, meeting } = await village(5);
    const m = await meeting('东风村2026年第三次村民代表会议', '2026-05-20');
    const error = await failure(ctx, 'documents.notice', { meetingId: m.id });
    expect(error.message).toContain('请填写通知的落款日期');
    const text = await docText(await value(ctx, 'documents.notice', { meetingId: m.id, noticeDate: '2026-05-12' }));
    expect(text.endsWith(squash('东风村村民委员会2026年5月12日'))).toBe(true);
  });

  it('dates a resolution notice by its first posting day and builds the same bytes twice', async () => {
    const { ctx, decide } = await village(45);
    const { meeting: m } = await decide('2026-06-01', ['村道硬化方案']);
    const a = await value(ctx, 'documents.resolutionNotice', { meetingId: m.id, postFrom: '2026-06-03', postTo: '2026-06-17' });
    const b = await value(ctx, 'documents.resolutionNotice', { meetingId: m.id, postFrom: '2026-06-03', postTo: '2026-06-17' });
    expect(a.base64).toBe(b.base64);
    expect((await docText(a)).endsWith(squash('东风村村民委员会（盖章）2026年6月3日'))).toBe(true);
  });
});
