import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type * as Documents from '../../electron/documents';
import { openTemp } from '../support/db';
import { failure, value } from '../support/village';

/** Runs once the minutes' .docx build has begun (and before it ends), then is cleared. */
let duringBuild: (() => void) | null = null;
vi.mock('../../electron/documents', async (importOriginal) => {
  const original = await importOriginal<typeof Documents>();
  return {
    ...original,
    buildMinutes: async (...args: Parameters<typeof original.buildMinutes>) => {
      const hook = duringBuild;
      duringBuild = null;
      hook?.();
      // A build takes a while on an old office PC: let anything queued run now if it could.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return original.buildMinutes(...args);
    },
  };
});

const text = async (file: { base64: string }) => (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value;

/** A small 村民代表会议 run through to a passed proposal. */
async function heldMeeting() {
  const t = openTemp();
  const { ctx } = t;
  const org = await value(ctx, 'organizations.create', { name: '东风村', kind: '村' });
  const rows = Array.from({ length: 6 }, (_, i) => ({
    name: ['张三', '李四', '王五', '赵六', '钱七', '孙八'][i]!,
    gender: '',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(i + 1),
    groupName: '第一组',
    tags: '',
    note: '',
  }));
  await value(ctx, 'roster.commit', { orgId: org.id, rows });
  const people = (await value(ctx, 'people.list', { orgId: org.id })).items as { id: number; name: string }[];
  const body = await value(ctx, 'bodies.create', { orgId: org.id, name: '第三届村民代表会议', kind: '村民代表会议' });
  await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: people.map((p) => p.id), role: '村民代表' });
  const type = (await value(ctx, 'meetingTypes.list', { orgId: org.id })).items.find((x: { name: string }) => x.name === '村民代表会议');
  const m = await value(ctx, 'meetings.create', {
    orgId: org.id,
    meetingTypeId: type.id,
    title: '2026年第一季度村民代表会议',
    date: '2026-03-15',
    startTime: '09:00',
    place: '村委会议室',
    chairName: '王主任',
    recorderName: '李文书',
    basis: 'body',
    bodyId: body.id,
  });
  const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村道硬化工程', presenter: '王主任' });
  await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
  for (const p of people.slice(0, 5)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:55' });
  await value(ctx, 'attendance.setStatus', { meetingId: m.id, personId: people[5]!.id, status: '请假', reason: '外出务工' });
  await value(ctx, 'speeches.add', { agendaItemId: item.id, speakerName: '张三', content: '同意硬化，建议先修东段。' });
  const p = await value(ctx, 'proposals.create', {
    agendaItemId: item.id,
    title: '村道硬化方案',
    text: '硬化村东道路1.2公里。',
    proposerKind: 'body',
    proposerName: '村党支部',
  });
  const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
  await value(ctx, 'votes.record', { id: v.id, tally: { yes: 4, no: 1, abstain: 0 } });
  await value(ctx, 'votes.confirm', { id: v.id });
  await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
  return { ...t, ctx, m, v };
}

describe('会议记录：审核、定稿与更正', () => {
  it('goes 草稿 → 待审核 → 已定稿, keeps the file hash, and re-exports identical bytes', async () => {
    const { ctx, db, m } = await heldMeeting();
    expect((await value(ctx, 'minutes.status', { meetingId: m.id })).status).toBe('草稿');
    const submitted = await value(ctx, 'minutes.submit', { meetingId: m.id });
    expect(submitted).toMatchObject({ status: '待审核', reviewer: '王主任' });
    const returned = await value(ctx, 'minutes.return', { meetingId: m.id, note: '请补充张三的发言' });
    expect(returned).toMatchObject({ status: '草稿', returnedNote: '请补充张三的发言' });
    await value(ctx, 'minutes.submit', { meetingId: m.id });

    const before = await value(ctx, 'documents.minutes', { meetingId: m.id });
    const approved = await value(ctx, 'minutes.approve', { meetingId: m.id });
    expect(approved.status).toBe('已定稿');
    expect((await value(ctx, 'meetings.get', { id: m.id })).status).toBe('已定稿');
    const after = await value(ctx, 'documents.minutes', { meetingId: m.id });
    // The finalized record is the reviewed one plus who finalized it (定稿人, the signed-in user).
    expect(await text(before)).not.toContain('定稿人');
    expect((await text(after)).replace('定稿人：测试书记员\n\n', '')).toBe(await text(before));
    expect(createHash('sha256').update(Buffer.from(after.base64, 'base64')).digest('hex')).toBe(approved.fileHash);
    const audit = db.sqlite.prepare("select after_json from audit_log where action = 'minutes.finalize'").pluck().get() as string;
    expect(JSON.parse(audit).fileHash).toBe(approved.fileHash);
    expect(after.fileName).toBe('2026年3月15日 2026年第一季度村民代表会议 会议记录.docx');

    const words = await text(after);
    for (const expected of ['村委会议室', '王主任', '李文书', '张三', '请假', '外出务工', '村道硬化工程', '同意硬化，建议先修东段。', '〔2026〕1号', '散会']) {
      expect(words, expected).toContain(expected);
    }
    expect(words.indexOf('村道硬化工程')).toBeLessThan(words.indexOf('〔2026〕1号'));

    // Locked: the API and raw SQL refuse; corrections become addenda printed as an appendix.
    expect((await failure(ctx, 'speeches.add', { agendaItemId: 1, speakerName: '李四', content: '补充' })).message).toMatch(/已定稿|找不到/);
    expect(() => db.sqlite.prepare("update minutes_reviews set file_hash = 'x'").run()).toThrow(/已定稿/);
    await value(ctx, 'minutes.addAddendum', { meetingId: m.id, text: '第一项议题中“1.2公里”应为“1.3公里”。' });
    const corrected = await text(await value(ctx, 'documents.minutes', { meetingId: m.id }));
    expect(corrected).toContain('更正记录');
    expect(corrected).toContain('应为“1.3公里”');
    expect(() => db.sqlite.prepare("update meeting_addenda set text = 'x'").run()).toThrow(/更正记录不能修改/);
  });

  it('exports the sign-in sheet, ballots, notice and resolution notice, and checks the posting period', async () => {
    const { ctx, m, v } = await heldMeeting();
    expect(await text(await value(ctx, 'documents.signInSheet', { meetingId: m.id }))).toContain('孙八');
    const ballots = await text(await value(ctx, 'documents.ballots', { voteId: v.id, perPage: 2 }));
    expect(ballots).toContain('村道硬化方案');
    expect(await text(await value(ctx, 'documents.notice', { meetingId: m.id, noticeDate: '2026-03-01' }))).toContain('村道硬化工程');
    const short = await failure(ctx, 'documents.resolutionNotice', { meetingId: m.id, postFrom: '2026-03-16', postTo: '2026-03-25' });
    expect(short.message).toContain('决议公示不少于 15 天；现在只有 10 天');
    const notice = await text(await value(ctx, 'documents.resolutionNotice', { meetingId: m.id, postFrom: '2026-03-16', postTo: '2026-03-30' }));
    expect(notice).toContain('〔2026〕1号');
    expect(notice).toContain('村道硬化方案');
  });
});

describe('定稿与自动保存同时发生', () => {
  const sha256 = (file: { base64: string }) => createHash('sha256').update(Buffer.from(file.base64, 'base64')).digest('hex');

  // The minutes editor autosaves a speech with `speeches.update` while the secretary may press
  // 定稿 (meetings.finalize on the meeting page, minutes.approve on the minutes page). Whichever
  // comes first, the finalized meeting's stored hash must be the hash of its minutes as exported
  // now: the snapshot, the .docx build, the hash and the lock are one write, and no other write
  // can land between them.
  const cases = [
    { finalize: 'meetings.finalize', autosave: 'first' },
    { finalize: 'meetings.finalize', autosave: 'second' },
    { finalize: 'minutes.approve', autosave: 'during the build' },
    { finalize: 'minutes.approve', autosave: 'first' },
  ] as const;
  for (const c of cases) {
    it(`${c.finalize} with an autosave fired ${c.autosave}: the stored sha256 matches a fresh export`, async () => {
      const { ctx, db, m } = await heldMeeting();
      const speech = (await value(ctx, 'speeches.list', { meetingId: m.id })).items[0] as { id: number };
      const finalize = () => dispatch(ctx, c.finalize, c.finalize === 'meetings.finalize' ? { id: m.id } : { meetingId: m.id });
      const autosave = () => dispatch(ctx, 'speeches.update', { id: speech.id, content: '同意硬化，建议先修东段，再修西段。' });
      let saved: Awaited<ReturnType<typeof dispatch>>;
      let finalized: Awaited<ReturnType<typeof dispatch>>;
      if (c.autosave === 'first') [saved, finalized] = await Promise.all([autosave(), finalize()]);
      else if (c.autosave === 'second') [finalized, saved] = await Promise.all([finalize(), autosave()]);
      else {
        // Fired from inside the .docx build, while finalizing's transaction is open.
        let fired: ReturnType<typeof autosave> | undefined;
        duringBuild = () => {
          fired = autosave();
        };
        finalized = await finalize();
        expect(fired).toBeDefined();
        saved = await fired!;
      }
      expect(finalized.ok).toBe(true);
      if (c.autosave === 'first') expect(saved.ok).toBe(true);
      else expect(saved.ok ? 'saved' : saved.error.code).toBe('FORBIDDEN');

      expect((await value(ctx, 'meetings.get', { id: m.id })).status).toBe('已定稿');
      const stored = (await value(ctx, 'minutes.status', { meetingId: m.id })).fileHash as string;
      const fresh = await value(ctx, 'documents.minutes', { meetingId: m.id });
      expect(sha256(fresh)).toBe(stored);
      expect(await text(fresh)).toContain(c.autosave === 'first' ? '再修西段' : '同意硬化，建议先修东段。');
      const audited = db.sqlite.prepare("select after_json from audit_log where action = 'minutes.finalize'").pluck().get() as string;
      expect(JSON.parse(audited).fileHash).toBe(stored);
    });
  }
});
