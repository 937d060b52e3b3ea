import fs from 'node:fs';
import path from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../core/contract';
import type { SampleKit, SampleWorld } from '../../core/contract/samples';
import { dispatch } from '../../electron/api/dispatch';
import { openTemp, tempDir } from './db';

type Ctx = ReturnType<typeof openTemp>['ctx'];

export function caller(ctx: Ctx): SampleKit['call'] {
  return async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const r = await dispatch(ctx, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as CallOutput<N>;
  };
}

const DAY = '2026-11-20';

/** Builds the sample world through the API into a file, once; samples run on copies of it. */
export async function buildWorld(): Promise<{ file: string; world: SampleWorld }> {
  const t = openTemp();
  const call = caller(t.ctx);
  const org = await call('organizations.create', { name: '青石村', kind: '村' });
  const rows = Array.from({ length: 20 }, (_, i) => ({
    name: `村民${String(i + 1).padStart(2, '0')}`,
    gender: i % 2 ? '女' : '男',
    birthDate: `19${60 + i}-03-01`,
    idNumber: '',
    phone: '',
    householdNo: String(100 + Math.floor(i / 2)),
    groupName: i < 10 ? '第一村民小组' : '第二村民小组',
    tags: '',
    note: '',
  }));
  await call('roster.commit', { orgId: org.id, rows });
  const minor = await call('people.create', { orgId: org.id, name: '小青', birthDate: '2012-05-01', householdNo: '100' });
  const people = (await call('people.list', { orgId: org.id, pageSize: 500, sortField: 'householdNo' })).items.filter((p) => p.id !== minor.id);
  const body = await call('bodies.create', { orgId: org.id, name: '青石村村民代表会议', kind: '村民代表会议' });
  await call('bodies.addMembers', { bodyId: body.id, personIds: people.slice(0, 15).map((p) => p.id), role: '村民代表' });
  const types = (await call('meetingTypes.list', { orgId: org.id })).items;
  const typeIds = Object.fromEntries(types.map((x) => [x.name, x.id]));
  const meeting = (title: string) =>
    call('meetings.create', {
      orgId: org.id,
      meetingTypeId: typeIds['村民代表会议']!,
      title,
      date: DAY,
      startTime: '09:00',
      basis: 'body',
      bodyId: body.id,
      chairName: '王书记',
      recorderName: '李文书',
    });
  const hold = async (title: string) => {
    const m = await meeting(title);
    const item = await call('agenda.add', { meetingId: m.id, title: '村道硬化' });
    await call('meetings.notify', { id: m.id, noticeDate: '2026-11-10' });
    await call('meetings.start', { id: m.id, startTime: '09:00' });
    for (const p of people.slice(0, 12)) await call('attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
    const proposal = await call('proposals.create', {
      agendaItemId: item.id,
      title: '村道硬化方案',
      text: '硬化村东道路 800 米',
      proposerKind: 'body',
      proposerName: '村党支部',
    });
    return { m, item, proposal };
  };

  const draft = await meeting('十一月村民代表会议（草稿）');
  const notified = await meeting('十一月村民代表会议（已通知）');
  await call('agenda.add', { meetingId: notified.id, title: '村务公开' });
  await call('meetings.notify', { id: notified.id, noticeDate: '2026-11-10' });
  const running = await hold('十一月村民代表会议（进行中）');
  const ended = await hold('十一月村民代表会议（已结束）');
  await call('meetings.end', { id: ended.m.id, endTime: '11:00' });
  const finalized = await hold('十一月村民代表会议（已定稿）');
  const vote = await call('votes.open', { agendaItemId: finalized.item.id, proposalIds: [finalized.proposal.id], method: '举手' });
  await call('votes.record', { id: vote.id, tally: { yes: 10, no: 1, abstain: 1 } });
  const confirmed = await call('votes.confirm', { id: vote.id });
  await call('meetings.end', { id: finalized.m.id, endTime: '11:00' });
  await call('meetings.finalize', { id: finalized.m.id });

  const community = await call('organizations.create', { name: '和平里社区', kind: '社区' });
  const residents: number[] = [];
  for (const name of ['张居民', '李居民', '王居民']) residents.push((await call('people.create', { orgId: community.id, name, birthDate: '1970-01-01' })).id);
  await call('organizations.setCurrent', { id: org.id });

  const world: SampleWorld = {
    village: { orgId: org.id, typeIds, personIds: people.map((p) => p.id), minorId: minor.id, bodyId: body.id },
    community: { orgId: community.id, personIds: residents },
    meetings: { draft: draft.id, notified: notified.id, running: running.m.id, ended: ended.m.id, finalized: finalized.m.id },
    running: { agendaItemId: running.item.id, proposalId: running.proposal.id },
    resolutionId: confirmed.resolution!.id,
  };
  t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  t.db.sqlite.close();
  return { file: t.file, world };
}

/** A fresh copy of the world's file, opened like the app opens it. */
export function copyOfWorld(file: string) {
  const dir = tempDir('council-hall-sample-');
  const copy = path.join(dir, 'sample.sqlite');
  fs.copyFileSync(file, copy);
  return openTemp(copy);
}
