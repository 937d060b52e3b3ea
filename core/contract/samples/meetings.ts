import type { SampleKit, Samples } from './types';

/** The rule set of a shipped meeting type, to copy from. */
async function ruleSetOf({ world, call }: SampleKit, typeName: string): Promise<number> {
  const types = await call('meetingTypes.list', { orgId: world.village.orgId });
  return types.items.find((t) => t.name === typeName)!.versions[0]!.id;
}

/** A custom meeting type of the village (copied from 村民代表会议). */
async function customType(kit: SampleKit): Promise<number> {
  const type = await kit.call('meetingTypes.copy', { orgId: kit.world.village.orgId, fromRuleSetId: await ruleSetOf(kit, '村民代表会议'), name: '村务联席会' });
  return type.id;
}

/** The first agenda item of a meeting. */
async function firstItem({ call }: SampleKit, meetingId: number): Promise<number> {
  return (await call('agenda.list', { meetingId })).items[0]!.id;
}

/** A speech on the running meeting's agenda item. */
async function speech({ world, call }: SampleKit): Promise<number> {
  return (await call('speeches.add', { agendaItemId: world.running.agendaItemId, speakerName: '村民01', content: '同意硬化。' })).id;
}

const meetingTypeSamples = {
  'meetingTypes.copy': {
    input: async (kit) => ({ orgId: kit.world.village.orgId, fromRuleSetId: await ruleSetOf(kit, '村民代表会议'), name: '村务联席会' }),
    audits: ['meetingType.copy'],
    // A type of that name exists already.
    refused: async (kit) => ({ orgId: kit.world.village.orgId, fromRuleSetId: await ruleSetOf(kit, '村民代表会议'), name: '村民会议' }),
  },
  'meetingTypes.archive': {
    input: async (kit) => ({ id: await customType(kit) }),
    audits: ['meetingType.archive'],
    // Built-in types cannot be archived.
    refused: ({ world }) => ({ id: world.village.typeIds['村民代表会议']! }),
  },
} satisfies Samples<'meetingTypes.copy' | 'meetingTypes.archive'>;

const bodySamples = {
  'bodies.create': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      name: '青石村村务监督委员会',
      kind: '村务监督委员会',
      termStart: '2026-01-01',
      termEnd: '2030-12-31',
    }),
    audits: ['body.create'],
    refused: ({ world }) => ({
      orgId: world.village.orgId,
      name: '青石村村务监督委员会',
      kind: '村务监督委员会',
      termStart: '2026-01-01',
      termEnd: '2025-12-31',
    }),
  },
  'bodies.update': {
    input: ({ world }) => ({ id: world.village.bodyId, note: '第十二届', termStart: '2026-01-01' }),
    audits: ['body.update'],
    refused: ({ world }) => ({ id: world.village.bodyId, termStart: '2026-01-01', termEnd: '2025-06-30' }),
  },
  'bodies.addMembers': {
    input: ({ world }) => ({ bodyId: world.village.bodyId, personIds: world.village.personIds.slice(15, 17), role: '村民代表', joinedOn: '2026-11-01' }),
    audits: ['body.addMember', 'body.addMember'],
    // Already a member.
    refused: ({ world }) => ({ bodyId: world.village.bodyId, personIds: [world.village.personIds[0]!], role: '村民代表' }),
  },
  'bodies.updateMember': {
    input: async ({ world, call }) => {
      const members = await call('bodies.members', { bodyId: world.village.bodyId });
      return { memberId: members.items[0]!.id, role: '村民代表（小组长）' };
    },
    audits: ['body.updateMember'],
    refused: async ({ world, call }) => {
      // Left before joining.
      const added = await call('bodies.addMembers', {
        bodyId: world.village.bodyId,
        personIds: [world.village.personIds[19]!],
        role: '村民代表',
        joinedOn: '2026-11-01',
      });
      const members = await call('bodies.members', { bodyId: added.body.id });
      const member = members.items.find((m) => m.personId === world.village.personIds[19])!;
      return { memberId: member.id, leftOn: '2026-10-01' };
    },
  },
} satisfies Samples<'bodies.create' | 'bodies.update' | 'bodies.addMembers' | 'bodies.updateMember'>;

const meetingCallSamples = {
  'meetings.create': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      meetingTypeId: world.village.typeIds['村民代表会议']!,
      title: '十二月村民代表会议',
      date: '2026-12-15',
      startTime: '09:00',
      endTime: '11:30',
      place: '村委会议室',
      basis: 'body',
      bodyId: world.village.bodyId,
    }),
    audits: ['meeting.create'],
    refused: ({ world }) => ({
      orgId: world.village.orgId,
      meetingTypeId: world.village.typeIds['村民代表会议']!,
      title: '十二月村民代表会议',
      date: '2026-12-15',
      startTime: '09:00',
      endTime: '08:30',
      basis: 'body',
      bodyId: world.village.bodyId,
    }),
  },
  'meetings.update': {
    input: ({ world }) => ({ id: world.meetings.draft, title: '十一月村民代表会议（改期）', date: '2026-11-21', place: '村文化礼堂' }),
    audits: ['meeting.update'],
    // A finalized meeting is locked.
    refused: ({ world }) => ({ id: world.meetings.finalized, place: '村文化礼堂' }),
  },
  'meetings.notify': {
    input: ({ world }) => ({ id: world.meetings.draft, noticeDate: '2026-11-10' }),
    audits: ['meeting.notify'],
    // The notice cannot come after the meeting.
    refused: ({ world }) => ({ id: world.meetings.draft, noticeDate: '2026-11-25' }),
  },
  'meetings.start': {
    input: ({ world }) => ({ id: world.meetings.notified, startTime: '14:30' }),
    audits: ['meeting.start'],
    refused: ({ world }) => ({ id: world.meetings.ended }),
  },
  'meetings.setExpected': {
    input: ({ world }) => ({ id: world.meetings.notified, expected: 18, reason: '名册尚未录入新当选的 3 名村民代表，按选举结果确定' }),
    audits: ['meeting.setExpected'],
    // A finalized meeting's 应到 is locked.
    refused: ({ world }) => ({ id: world.meetings.finalized, expected: 18, reason: '名册尚未录入新当选的 3 名村民代表' }),
  },
  'meetings.end': {
    input: ({ world }) => ({ id: world.meetings.running, endTime: '11:00' }),
    audits: ['meeting.end'],
    // Ends before it began (started at 09:00).
    refused: ({ world }) => ({ id: world.meetings.running, endTime: '08:00' }),
  },
  'meetings.reopen': {
    input: ({ world }) => ({ id: world.meetings.ended, reason: '漏记一项议题的表决' }),
    audits: ['meeting.reopen'],
    refused: ({ world }) => ({ id: world.meetings.running, reason: '误操作' }),
  },
  'meetings.finalize': {
    input: ({ world }) => ({ id: world.meetings.ended }),
    audits: ['meeting.finalize', 'minutes.finalize'],
    refused: ({ world }) => ({ id: world.meetings.running }),
  },
} satisfies Samples<
  | 'meetings.create'
  | 'meetings.update'
  | 'meetings.notify'
  | 'meetings.start'
  | 'meetings.setExpected'
  | 'meetings.end'
  | 'meetings.reopen'
  | 'meetings.finalize'
>;

const agendaSamples = {
  'agenda.add': {
    input: ({ world }) => ({ meetingId: world.meetings.draft, title: '村集体经济收支公开', presenter: '李文书', plannedMinutes: 20 }),
    audits: ['agenda.add'],
    refused: ({ world }) => ({ meetingId: world.meetings.finalized, title: '补充议题' }),
  },
  'agenda.update': {
    input: ({ world }) => ({ id: world.running.agendaItemId, description: '村东道路 800 米', needsPartyReview: true }),
    audits: ['agenda.update'],
    refused: async (kit) => ({ id: await firstItem(kit, kit.world.meetings.finalized), title: '改名' }),
  },
  'agenda.reorder': {
    input: async ({ world, call }) => {
      const a = await call('agenda.add', { meetingId: world.meetings.draft, title: '议题甲' });
      const b = await call('agenda.add', { meetingId: world.meetings.draft, title: '议题乙' });
      return { meetingId: world.meetings.draft, orderedIds: [b.id, a.id] };
    },
    audits: ['agenda.reorder'],
    // Not the meeting's items (changed in another window).
    refused: ({ world }) => ({ meetingId: world.meetings.draft, orderedIds: [world.running.agendaItemId] }),
  },
  'agenda.remove': {
    input: async ({ world, call }) => ({ id: (await call('agenda.add', { meetingId: world.meetings.draft, title: '多余的议题' })).id }),
    audits: ['agenda.remove'],
    refused: async (kit) => ({ id: await firstItem(kit, kit.world.meetings.finalized) }),
  },
  'agenda.linkPartyReview': {
    input: async ({ world, call }) => {
      // An earlier 党员大会 that discussed the matter first.
      const party = await call('meetings.create', {
        orgId: world.village.orgId,
        meetingTypeId: world.village.typeIds['党员大会']!,
        title: '十一月党员大会',
        date: '2026-11-15',
        basis: 'body',
        bodyId: world.village.bodyId,
      });
      const item = await call('agenda.add', { meetingId: party.id, title: '村道硬化（党组织讨论）' });
      await call('meetings.start', { id: party.id, startTime: '19:00' });
      return { id: world.running.agendaItemId, reviewItemId: item.id };
    },
    audits: ['agenda.linkPartyReview'],
    // Not an item of an earlier Party meeting.
    refused: async (kit) => ({ id: kit.world.running.agendaItemId, reviewItemId: await firstItem(kit, kit.world.meetings.notified) }),
  },
} satisfies Samples<'agenda.add' | 'agenda.update' | 'agenda.reorder' | 'agenda.remove' | 'agenda.linkPartyReview'>;

const attendanceSamples = {
  'attendance.signIn': {
    input: ({ world }) => ({ meetingId: world.meetings.running, personId: world.village.personIds[12]!, time: '09:10' }),
    audits: ['attendance.create'],
    // Already signed in.
    refused: ({ world }) => ({ meetingId: world.meetings.running, personId: world.village.personIds[0]!, time: '09:10' }),
  },
  'attendance.setStatus': {
    input: ({ world }) => ({ meetingId: world.meetings.running, personId: world.village.personIds[13]!, status: '请假', reason: '外出务工' }),
    audits: ['attendance.create'],
    // Leave needs a reason.
    refused: ({ world }) => ({ meetingId: world.meetings.running, personId: world.village.personIds[13]!, status: '请假' }),
  },
  'attendance.addObserver': {
    input: ({ world }) => ({ meetingId: world.meetings.running, name: '刘干事', unit: '镇政府', department: '镇农业农村办', time: '09:05' }),
    audits: ['attendance.create'],
    refused: ({ world }) => ({ meetingId: world.meetings.finalized, name: '刘干事', unit: '镇政府' }),
  },
} satisfies Samples<'attendance.signIn' | 'attendance.setStatus' | 'attendance.addObserver'>;

const speechSamples = {
  'speeches.add': {
    input: ({ world }) => ({
      agendaItemId: world.running.agendaItemId,
      speakerPersonId: world.village.personIds[0]!,
      speakerName: '村民01',
      content: '同意硬化，建议先修东段。',
    }),
    audits: ['speech.add'],
    refused: async (kit) => ({ agendaItemId: await firstItem(kit, kit.world.meetings.finalized), speakerName: '村民01', content: '补充发言' }),
  },
  'speeches.update': {
    input: async (kit) => ({ id: await speech(kit), content: '同意硬化，建议先修东段，再修西段。' }),
    audits: ['speech.update'],
    // The speaker is not on this village's roster.
    refused: async (kit) => ({ id: await speech(kit), speakerPersonId: kit.world.community.personIds[0]!, speakerName: '张居民' }),
  },
  'speeches.remove': {
    input: async (kit) => ({ id: await speech(kit) }),
    audits: ['speech.remove'],
    refused: () => ({ id: 999_999 }),
  },
} satisfies Samples<'speeches.add' | 'speeches.update' | 'speeches.remove'>;

const minutesSamples = {
  'minutes.submit': {
    input: ({ world }) => ({ meetingId: world.meetings.ended }),
    audits: ['minutes.submit'],
    refused: ({ world }) => ({ meetingId: world.meetings.running }),
  },
  'minutes.return': {
    input: async ({ world, call }) => {
      await call('minutes.submit', { meetingId: world.meetings.ended });
      return { meetingId: world.meetings.ended, note: '请补充村民01的发言' };
    },
    audits: ['minutes.return'],
    // Not submitted for review.
    refused: ({ world }) => ({ meetingId: world.meetings.running, note: '请补充' }),
  },
  'minutes.approve': {
    input: ({ world }) => ({ meetingId: world.meetings.ended }),
    audits: ['meeting.finalize', 'minutes.finalize'],
    refused: ({ world }) => ({ meetingId: world.meetings.finalized }),
  },
  'minutes.addAddendum': {
    input: ({ world }) => ({ meetingId: world.meetings.finalized, text: '第二项议题表决结果中“反对 1 票”应为“反对 2 票”。' }),
    audits: ['minutes.addendum'],
    refused: ({ world }) => ({ meetingId: world.meetings.running, text: '更正' }),
  },
  'minutes.setAttendeeList': {
    input: ({ world }) => ({ meetingId: world.meetings.ended, attendeeList: '签到表' }),
    audits: ['minutes.attendeeList'],
    // A finalized record keeps the list as it was printed.
    refused: ({ world }) => ({ meetingId: world.meetings.finalized, attendeeList: '表格' }),
  },
} satisfies Samples<'minutes.submit' | 'minutes.return' | 'minutes.approve' | 'minutes.addAddendum' | 'minutes.setAttendeeList'>;

/** Meeting types, bodies, meetings, agenda, attendance, speeches and minutes. */
export const meetingSamples = {
  ...meetingTypeSamples,
  ...bodySamples,
  ...meetingCallSamples,
  ...agendaSamples,
  ...attendanceSamples,
  ...speechSamples,
  ...minutesSamples,
};
