import type { CallInput } from '../index';
import type { SampleKit, Samples } from './types';

// Samples for the follow-up loop: topics (议题) and their triage, summons (吹哨报到), resolution
// follow-up (决议督办), notices (公示), 四议两公开 matters and the time-zone setting. The world's
// meetings are all on 2026-11-20; its resolution was made by the finalized one.

const DAY = '2026-11-20';

/** A topic of the village, 待分办, received well before the meetings. */
async function topic(kit: SampleKit, title = '村东路灯不亮', extra: Partial<CallInput<'topics.create'>> = {}) {
  return kit.call('topics.create', {
    orgId: kit.world.village.orgId,
    receivedOn: '2026-11-02',
    channel: '热线电话',
    raiserKind: 'name',
    raiserName: '张大爷',
    title,
    content: `${title}，请尽快处理`,
    ...extra,
  });
}

/** A summons of the village to a department, made on the meetings' day (Beijing time). */
function summons(kit: SampleKit, department = '供电所') {
  return kit.call('summons.create', { orgId: kit.world.village.orgId, department, summonedAt: `${DAY}T09:00:00+08:00`, reportWithinHours: 24 });
}

/** A 决议公开 notice of the world's resolution, 30 days from the day after the meeting. */
function notice(kit: SampleKit) {
  return kit.call('notices.create', {
    orgId: kit.world.village.orgId,
    kind: '决议公开',
    resolutionId: kit.world.resolutionId,
    title: '村道硬化决议公示',
    postedOn: '2026-11-21',
    periodDays: 30,
    place: '村务公开栏',
  });
}

export const followUpSamples = {
  'topics.setChannels': {
    input: ({ world }) => ({ orgId: world.village.orgId, channels: ['热线电话', '居民信箱', '网格员上报'], hotline: ['热线电话', '网格员上报'] }),
    audits: ['topics.channels'],
    // A channel marked as carrying the hotline fields must be one of the list.
    refused: ({ world }) => ({ orgId: world.village.orgId, channels: ['热线电话', '居民信箱'], hotline: ['网格员上报'] }),
  },
  'topics.create': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      receivedOn: '2026-11-02',
      channel: '居民信箱',
      raiserKind: 'person',
      raiserPersonId: world.village.personIds[0]!,
      place: '村东路口',
      category: '基础设施',
      title: '村东路灯不亮',
      content: '村东路口三盏路灯一周未亮',
      urgency: '较急',
    }),
    audits: ['topics.create'],
    refused: ({ world }) => ({
      orgId: world.village.orgId,
      receivedOn: '2026-11-02',
      channel: '飞鸽传书',
      raiserKind: 'anonymous',
      title: '路灯',
      content: '路灯不亮',
    }),
  },
  'topics.revealCaller': {
    input: async (kit) => ({
      id: (await topic(kit, '12345 工单：井盖松动', { ticketNumber: 'GD20261102001', callerName: '张大爷', callerPhone: '13812345678' })).id,
    }),
    audits: ['topic.revealCaller'],
    refused: () => ({ id: 99999 }),
  },
  'topics.update': {
    input: async (kit) => ({ id: (await topic(kit)).id, title: '村东路口路灯不亮', urgency: '紧急' }),
    audits: ['topics.update'],
    refused: async (kit) => ({ id: (await topic(kit)).id, raiserKind: 'person', raiserPersonId: kit.world.community.personIds[0]! }),
  },
  'topics.toAgenda': {
    input: async (kit) => ({ id: (await topic(kit)).id, meetingId: kit.world.meetings.draft, date: '2026-11-10' }),
    audits: ['agenda.add', 'topics.toAgenda'],
    refused: async (kit) => ({ id: (await topic(kit)).id, meetingId: kit.world.meetings.finalized }),
  },
  'topics.refer': {
    input: async (kit) => ({
      id: (await topic(kit)).id,
      department: '供电所',
      contact: '李师傅',
      summonedAt: `${DAY}T09:00:00+08:00`,
      deadline: '2026-11-27',
      date: DAY,
    }),
    audits: ['summons.create', 'topics.refer'],
    refused: async (kit) => ({ id: (await topic(kit)).id, department: '供电所', summonedAt: `${DAY}T09:00:00+08:00`, deadline: '2026-11-01' }),
  },
  'topics.reply': {
    input: async (kit) => ({ id: (await topic(kit)).id, reply: '路灯已列入本月维修计划', date: '2026-11-05' }),
    audits: ['topics.reply'],
    refused: async (kit) => ({ id: (await topic(kit)).id, reply: '已答复', date: '2026-11-01' }),
  },
  'topics.merge': {
    input: async (kit) => ({ id: (await topic(kit, '路灯坏了')).id, intoId: (await topic(kit)).id, date: '2026-11-05' }),
    audits: ['topics.merge'],
    refused: async (kit) => {
      const t = await topic(kit);
      return { id: t.id, intoId: t.id };
    },
  },
  'topics.reject': {
    input: async (kit) => ({ id: (await topic(kit, '要求修建高尔夫球场')).id, reason: '不属于村民自治事项', date: '2026-11-05' }),
    audits: ['topics.reject'],
    refused: async (kit) => ({ id: (await topic(kit)).id, reason: '不属于村民自治事项', date: '2026-10-01' }),
  },
  'topics.close': {
    input: async (kit) => ({ id: (await topic(kit)).id, result: '三盏路灯已更换', date: '2026-11-12' }),
    audits: ['topics.close'],
    refused: async (kit) => {
      const t = await topic(kit);
      await kit.call('topics.reply', { id: t.id, reply: '已答复', date: '2026-11-05' });
      return { id: t.id, result: '再次办结' };
    },
  },
  'topics.feedback': {
    input: async (kit) => {
      const t = await topic(kit);
      await kit.call('topics.close', { id: t.id, result: '三盏路灯已更换', date: '2026-11-12' });
      return { id: t.id, satisfaction: '满意', note: '修得很快', date: '2026-11-13' };
    },
    audits: ['topics.feedback'],
    refused: async (kit) => ({ id: (await topic(kit)).id, satisfaction: '满意' }),
  },

  'summons.create': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      meetingId: world.meetings.running,
      department: '水务站',
      contact: '周站长',
      summonedAt: `${DAY}T10:00:00+08:00`,
      deadline: '2026-12-10',
    }),
    audits: ['summons.create'],
    refused: ({ world }) => ({ orgId: world.village.orgId, department: '水务站', summonedAt: `${DAY}T10:00:00+08:00`, deadline: '2026-11-01' }),
  },
  'summons.report': {
    input: async (kit) => ({ id: (await summons(kit)).id, reportedAt: `${DAY}T15:00:00+08:00` }),
    audits: ['summons.report'],
    refused: async (kit) => ({ id: (await summons(kit)).id, reportedAt: `${DAY}T08:00:00+08:00` }),
  },
  'summons.update': {
    input: async (kit) => ({ id: (await summons(kit)).id, contact: '李师傅', commitment: '一周内更换路灯', deadline: '2026-11-27' }),
    audits: ['summons.update'],
    refused: async (kit) => ({ id: (await summons(kit)).id, deadline: '2026-11-01' }),
  },
  'summons.complete': {
    input: async (kit) => ({ id: (await summons(kit)).id, result: '路灯已更换', resolved: true, closedAt: '2026-11-25T10:00:00+08:00' }),
    audits: ['summons.complete'],
    refused: async (kit) => ({ id: (await summons(kit)).id, result: '路灯已更换', resolved: true, closedAt: '2026-11-19T10:00:00+08:00' }),
  },
  'summons.evaluate': {
    input: async (kit) => {
      const s = await summons(kit);
      await kit.call('summons.complete', { id: s.id, result: '路灯已更换', resolved: true, closedAt: '2026-11-25T10:00:00+08:00' });
      return { id: s.id, evaluation: '基本满意' };
    },
    audits: ['summons.evaluate'],
    refused: () => ({ id: 9999, evaluation: '满意' }),
  },

  'followUp.addProgress': {
    input: ({ world }) => ({ resolutionId: world.resolutionId, date: '2026-11-25', text: '完成招标', percent: 30 }),
    audits: ['followUp.progress'],
    refused: ({ world }) => ({ resolutionId: world.resolutionId, date: '2026-11-01', text: '会前就开工了', percent: 10 }),
  },
  'followUp.complete': {
    input: ({ world }) => ({ resolutionId: world.resolutionId, completedOn: '2026-11-28', result: '村东道路 800 米硬化完成，验收合格' }),
    audits: ['followUp.complete'],
    refused: ({ world }) => ({ resolutionId: world.resolutionId, completedOn: '2026-11-01', result: '会前就办完了' }),
  },
  'followUp.carry': {
    input: async ({ world, call }) => {
      const next = await call('meetings.create', {
        orgId: world.village.orgId,
        meetingTypeId: world.village.typeIds['村民代表会议']!,
        title: '十二月村民代表会议',
        date: '2026-12-18',
        startTime: '09:00',
        basis: 'body',
        bodyId: world.village.bodyId,
        chairName: '王书记',
        recorderName: '李文书',
      });
      return { meetingId: next.id, resolutionIds: [world.resolutionId] };
    },
    audits: ['agenda.add'],
    // The draft meeting was set up before the resolution was made: nothing to carry onto it.
    refused: ({ world }) => ({ meetingId: world.meetings.draft, resolutionIds: [world.resolutionId] }),
  },

  'notices.create': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      kind: '决议公开',
      resolutionId: world.resolutionId,
      title: '村道硬化决议公示',
      content: '经村民代表会议表决通过',
      postedOn: '2026-11-21',
      periodDays: 30,
      place: '村务公开栏',
    }),
    audits: ['notices.create'],
    refused: ({ world }) => ({
      orgId: world.village.orgId,
      kind: '决议公开',
      resolutionId: world.resolutionId,
      title: '村道硬化决议公示',
      postedOn: '2026-11-21',
      periodDays: 1,
      place: '村务公开栏',
    }),
  },
  'notices.takeDown': {
    input: async (kit) => ({ id: (await notice(kit)).id, takenDownOn: '2026-12-21' }),
    audits: ['notices.takeDown'],
    refused: async (kit) => ({ id: (await notice(kit)).id, takenDownOn: '2026-11-25' }),
  },

  'matters.create': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      title: '村集体果园承包',
      content: '村集体果园 50 亩对外承包',
      category: '集体资产',
      createdOn: '2026-11-01',
      bothPostsOnePerson: true,
    }),
    audits: ['matters.create'],
    refused: () => ({ orgId: 9999, title: '村集体果园承包', createdOn: '2026-11-01' }),
  },
  'matters.recordStep': {
    input: async ({ world, call }) => {
      const m = await call('matters.create', { orgId: world.village.orgId, title: '村集体果园承包', createdOn: '2026-11-01' });
      return { matterId: m.id, step: 1, date: '2026-11-05', expected: 7, present: 6, content: '村党组织提议果园对外承包' };
    },
    audits: ['matters.recordStep'],
    refused: async ({ world, call }) => {
      const m = await call('matters.create', { orgId: world.village.orgId, title: '村集体果园承包', createdOn: '2026-11-01' });
      return { matterId: m.id, step: 2, date: '2026-11-05' };
    },
  },

  'clock.setTimeZone': {
    input: () => ({ timeZone: 'Asia/Urumqi' }),
    audits: ['settings.timeZone'],
    refused: () => ({ timeZone: 'Mars/Olympus' }),
  },
} satisfies Samples<
  | 'topics.setChannels'
  | 'topics.revealCaller'
  | 'topics.create'
  | 'topics.update'
  | 'topics.toAgenda'
  | 'topics.refer'
  | 'topics.reply'
  | 'topics.merge'
  | 'topics.reject'
  | 'topics.close'
  | 'topics.feedback'
  | 'summons.create'
  | 'summons.report'
  | 'summons.update'
  | 'summons.complete'
  | 'summons.evaluate'
  | 'followUp.addProgress'
  | 'followUp.complete'
  | 'followUp.carry'
  | 'notices.create'
  | 'notices.takeDown'
  | 'matters.create'
  | 'matters.recordStep'
  | 'clock.setTimeZone'
>;
