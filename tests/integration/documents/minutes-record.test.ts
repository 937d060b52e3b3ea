// The minutes as an official reads them: they say why the meeting could decide, who voted how in a
// 记名 vote, what an options vote asked; and once finalized they are the record as approved —
// renaming a person or the committee later changes no byte, and the file is checked against the
// sha256 kept at finalization.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { value, village } from '../../support/village';
import { squash, textOf } from './read-back';

const bytesOf = (file: { base64: string }) => Buffer.from(file.base64, 'base64');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const text = async (file: { base64: string }) => squash(await textOf(bytesOf(file)));

/** 31 of 45 representatives present; a 记名 vote on a proposal and a 举手 options vote. */
async function held() {
  const v = await village(45);
  const { ctx, people, meeting } = v;
  const m = await meeting('东风村2026年第二次村民代表会议', '2026-04-10');
  const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村道硬化' });
  const naming = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村文化广场命名' });
  await value(ctx, 'meetings.notify', { id: m.id, noticeDate: '2026-04-01' });
  await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
  const present = people.slice(0, 31);
  for (const p of present) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
  const road = await value(ctx, 'proposals.create', {
    agendaItemId: item.id,
    title: '村道硬化方案',
    text: '硬化 800 米',
    proposerKind: 'body',
    proposerName: '村党支部',
  });
  const byName = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [road.id], method: '记名' });
  const rollCall = present.map((p, i) => ({ personId: p.id, choice: i < 20 ? '赞成' : i < 29 ? '反对' : '弃权' }));
  await value(ctx, 'votes.record', { id: byName.id, rollCall });
  await value(ctx, 'votes.confirm', { id: byName.id });
  const a = await value(ctx, 'proposals.create', {
    agendaItemId: naming.id,
    title: '青石文化广场',
    text: '命名为青石文化广场',
    proposerKind: 'body',
    proposerName: '村党支部',
  });
  const b = await value(ctx, 'proposals.create', {
    agendaItemId: naming.id,
    title: '石溪广场',
    text: '命名为石溪广场',
    proposerKind: 'body',
    proposerName: '村党支部',
  });
  const options = await value(ctx, 'votes.open', { agendaItemId: naming.id, proposalIds: [a.id, b.id], method: '举手' });
  await value(ctx, 'votes.record', { id: options.id, optionVotes: [22, 9] });
  await value(ctx, 'votes.confirm', { id: options.id });
  await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
  return { ...v, m, present };
}

describe('会议记录写明会议为什么有效、谁怎么投的票', () => {
  it('says the meeting was quorate with the article, lists a 记名 vote by name, and titles an options resolution with its question', async () => {
    const { ctx, m, present } = await held();
    const record = await text(await value(ctx, 'documents.minutes', { meetingId: m.id }));
    expect(record).toContain(squash('法定人数：实到 31 人，超过应到人数的三分之二，符合法定人数，会议有效（依据：《中华人民共和国村民委员会组织法》'));
    expect(record).toContain(
      squash(
        `赞成（20 人）：${present
          .slice(0, 20)
          .map((p) => p.name)
          .join('、')}。`,
      ),
    );
    expect(record).toContain(
      squash(
        `反对（9 人）：${present
          .slice(20, 29)
          .map((p) => p.name)
          .join('、')}。`,
      ),
    );
    expect(record).toContain(
      squash(
        `弃权（2 人）：${present
          .slice(29)
          .map((p) => p.name)
          .join('、')}。`,
      ),
    );
    expect(record).toContain(squash('表决事项：村文化广场命名'));
    expect(record).toContain(squash('村文化广场命名（采用方案一：青石文化广场）'));
    const summary = await text(await value(ctx, 'documents.minutes', { meetingId: m.id, variant: '纪要' }));
    expect(summary).toContain(squash('实到 31 人（占应到人数的 68.9%），超过应到人数的三分之二，符合法定人数，会议有效。'));
    // The quorum panel, the vote and the minutes count the same people.
    const meeting = await value(ctx, 'meetings.get', { id: m.id });
    const preview = await value(ctx, 'minutes.preview', { meetingId: m.id });
    expect([meeting.quorum.present, preview.present, preview.items[0].votes[0].eligible]).toEqual([31, 31, 31]);
  });

  it('lists a large meeting in a grid or refers to the signed sheet, as the secretary chooses', async () => {
    const { ctx, m, present } = await held();
    await value(ctx, 'minutes.setAttendeeList', { meetingId: m.id, attendeeList: '签到表' });
    let record = await text(await value(ctx, 'documents.minutes', { meetingId: m.id }));
    // The line names no one: the next line follows at once.
    expect(record).toContain(squash('出席人员：共 31 人，名单见会议签到表（附后）请假人员：'));
    await value(ctx, 'minutes.setAttendeeList', { meetingId: m.id, attendeeList: '表格' });
    record = await text(await value(ctx, 'documents.minutes', { meetingId: m.id }));
    expect(record).toContain(squash('出席人员：共 31 人，名单见下表'));
    expect(record).toContain(
      squash(
        `出席人员名单${present
          .slice(0, 6)
          .map((p) => p.name)
          .join('')}`,
      ),
    );
  });
});

describe('定稿的会议记录就是定稿时的样子', () => {
  it('keeps the approved bytes after a person and the committee are renamed, checks them, and adds corrections as an appendix', async () => {
    const { ctx, org, m, present } = await held();
    await value(ctx, 'meetings.finalize', { id: m.id });
    const { fileHash } = await value(ctx, 'minutes.status', { meetingId: m.id });
    const first = await value(ctx, 'documents.minutes', { meetingId: m.id });
    expect(sha(bytesOf(first))).toBe(fileHash);
    expect(first.check).toMatchObject({ ok: true });
    expect(first.check.message).toContain('与定稿时保存的文件完全一致');

    await value(ctx, 'people.update', { id: present[0]!.id, name: '改名后的人' });
    await value(ctx, 'organizations.setProfile', { orgId: org.id, committeeName: '东风社区居民委员会', partyOrgName: '中共东风社区委员会' });
    const again = await value(ctx, 'documents.minutes', { meetingId: m.id });
    expect(bytesOf(again).equals(bytesOf(first))).toBe(true);
    expect(await text(again)).not.toContain('改名后的人');
    expect((await value(ctx, 'minutes.preview', { meetingId: m.id })).attendees[0].name).toBe(present[0]!.name);

    await value(ctx, 'minutes.addAddendum', { meetingId: m.id, text: '第一项议题反对票中“代表22”应为“代表23”。' });
    const corrected = await value(ctx, 'documents.minutes', { meetingId: m.id });
    expect(corrected.check).toBeUndefined();
    const withAppendix = await text(corrected);
    expect(withAppendix).toContain(squash('附件：更正记录'));
    expect(withAppendix).toContain(squash('第一项议题反对票中“代表22”应为“代表23”。'));
    const approved = await value(ctx, 'documents.minutes', { meetingId: m.id, edition: '定稿' });
    expect(bytesOf(approved).equals(bytesOf(first))).toBe(true);
    expect(approved.check).toMatchObject({ ok: true });
  });

  it('says so when the stored record no longer gives the approved file', async () => {
    const { ctx, m, db } = await held();
    await value(ctx, 'meetings.finalize', { id: m.id });
    // Tamper as someone with a database editor would: drop the lock and change the snapshot.
    db.sqlite.exec('DROP TRIGGER minutes_reviews_locked');
    const row = db.sqlite.prepare('SELECT snapshot FROM minutes_reviews WHERE meeting_id = ?').get(m.id) as { snapshot: string };
    db.sqlite.prepare('UPDATE minutes_reviews SET snapshot = ? WHERE meeting_id = ?').run(row.snapshot.replace('硬化 800 米', '硬化 900 米'), m.id);
    const file = await value(ctx, 'documents.minutes', { meetingId: m.id });
    expect(file.check).toMatchObject({ ok: false });
    expect(file.check.message).toContain('与定稿时保存的文件不一致');
  });
});
