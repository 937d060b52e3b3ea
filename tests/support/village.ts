import { dispatch } from '../../electron/api/dispatch';
import { openTemp } from './db';

export type Ctx = ReturnType<typeof openTemp>['ctx'];

export async function value<T = any>(ctx: Ctx, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

export async function failure(ctx: Ctx, name: string, input: unknown) {
  const r = await dispatch(ctx, name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

/** A village of `size` people (all 村民代表 in one body) and the 村民代表会议 type. */
export async function village(size = 45) {
  const t = openTemp();
  const { ctx } = t;
  const org = await value(ctx, 'organizations.create', { name: '东风村', kind: '村' });
  const rows = Array.from({ length: size }, (_, i) => ({
    name: `代表${String(i + 1).padStart(2, '0')}`,
    gender: '',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(100 + i),
    groupName: '',
    tags: '',
    note: '',
  }));
  await value(ctx, 'roster.commit', { orgId: org.id, rows });
  const people = (await value(ctx, 'people.list', { orgId: org.id, pageSize: 500, sortField: 'householdNo' })).items as { id: number; name: string }[];
  const body = await value(ctx, 'bodies.create', { orgId: org.id, name: '村民代表会议', kind: '村民代表会议' });
  await value(ctx, 'bodies.addMembers', { bodyId: body.id, personIds: people.map((p) => p.id), role: '村民代表' });
  const types = (await value(ctx, 'meetingTypes.list', { orgId: org.id })).items as { id: number; name: string }[];
  const typeId = (name: string) => types.find((x) => x.name === name)!.id;
  const meeting = (title: string, date: string) =>
    value(ctx, 'meetings.create', {
      orgId: org.id,
      meetingTypeId: typeId('村民代表会议'),
      title,
      date,
      startTime: '09:00',
      basis: 'body',
      bodyId: body.id,
      chairName: '王书记',
      recorderName: '李会计',
    });
  /** A meeting held on `date` with 31 of 45 present, whose proposals pass: returns the resolutions made. */
  async function decide(date: string, titles: string[]) {
    const m = await meeting(`${date} 村民代表会议`, date);
    const item = await value(ctx, 'agenda.add', { meetingId: m.id, title: '村内事务' });
    await value(ctx, 'meetings.notify', { id: m.id, noticeDate: date, urgentReason: '测试' });
    await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
    for (const p of people.slice(0, 31)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
    const made: { id: number; number: string; title: string; voteId: number }[] = [];
    for (const title of titles) {
      const p = await value(ctx, 'proposals.create', {
        agendaItemId: item.id,
        title,
        text: `${title}的具体内容`,
        proposerKind: 'body',
        proposerName: '村党支部',
      });
      const v = await value(ctx, 'votes.open', { agendaItemId: item.id, proposalIds: [p.id], method: '举手' });
      await value(ctx, 'votes.record', { id: v.id, tally: { yes: 25, no: 4, abstain: 2 } });
      const done = await value(ctx, 'votes.confirm', { id: v.id });
      made.push({ id: done.resolution.id, number: done.resolution.number, title, voteId: v.id });
    }
    await value(ctx, 'meetings.end', { id: m.id, endTime: '11:00' });
    return { meeting: m, item, resolutions: made };
  }
  return { ...t, ctx, org, people, body, typeId, meeting, decide };
}
