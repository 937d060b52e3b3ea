import type { SampleKit, Samples } from './types';

// 村规民约 of 青石村: each sample makes the document it needs through the API, at the stage the
// call expects. Dates run from September to the 村民会议 on 2026-10-20 that adopts it.

const TITLE = '青石村村规民约';

/** A draft in two chapters, with a cross-reference (第三条 → 第一条). */
async function draft(kit: SampleKit, articles: string[] = []) {
  return kit.call('rules.create', {
    orgId: kit.world.village.orgId,
    kind: '村规民约',
    title: TITLE,
    date: '2026-09-01',
    chapters: [{ title: '总则' }, { title: '村风民俗' }],
    articles: [
      { chapterIndex: 0, text: '为了建设文明和谐的青石村，根据有关法律法规，制定本村规民约。' },
      { chapterIndex: 0, text: '本村规民约适用于本村全体村民。' },
      { chapterIndex: 1, text: '婚丧嫁娶从简，不大操大办；违反第一条精神的，由村民委员会劝导。' },
      ...articles.map((text) => ({ chapterIndex: 1, text })),
    ],
  });
}

/** The draft with the township's review recorded: ready to move to 审议表决. */
async function reviewed(kit: SampleKit) {
  const doc = await draft(kit);
  await kit.call('rules.advance', { id: doc.id, date: '2026-09-10' });
  await kit.call('rules.advance', { id: doc.id, date: '2026-09-20' });
  return kit.call('rules.recordReview', {
    id: doc.id,
    authority: '青石镇人民政府',
    date: '2026-09-25',
    opinion: '经审核，未发现与法律法规相抵触的内容，同意提交村民会议表决。',
  });
}

async function toDeliberation(kit: SampleKit) {
  const doc = await reviewed(kit);
  return kit.call('rules.advance', { id: doc.id, date: '2026-10-01' });
}

/** A 村民会议 (the meeting the law allows to adopt a 村规民约), notified, started, 12 of 20 adults in. */
async function villageAssembly(kit: SampleKit) {
  const { village } = kit.world;
  const m = await kit.call('meetings.create', {
    orgId: village.orgId,
    meetingTypeId: village.typeIds['村民会议']!,
    title: '2026年青石村村民会议',
    date: '2026-10-20',
    startTime: '09:00',
    basis: 'adults',
    chairName: '王书记',
    recorderName: '李文书',
  });
  await kit.call('meetings.notify', { id: m.id, noticeDate: '2026-10-08' });
  await kit.call('meetings.start', { id: m.id, startTime: '09:00' });
  for (const personId of village.personIds.slice(0, 12)) await kit.call('attendance.signIn', { meetingId: m.id, personId, time: '08:50' });
  return m;
}

/** A proposal's vote, recorded and confirmed as passed (10 of 12 for). */
async function passed(kit: SampleKit, agendaItemId: number, proposalId: number) {
  const v = await kit.call('votes.open', { agendaItemId, proposalIds: [proposalId], method: '举手' });
  await kit.call('votes.record', { id: v.id, tally: { yes: 10, no: 1, abstain: 1 } });
  return kit.call('votes.confirm', { id: v.id });
}

/** Put to the 村民会议 and passed there: ready for rules.adopt. */
async function voted(kit: SampleKit) {
  const doc = await toDeliberation(kit);
  const m = await villageAssembly(kit);
  const { agendaItemId, proposalId } = await kit.call('rules.adoption.propose', { docId: doc.id, meetingId: m.id });
  const vote = await passed(kit, agendaItemId, proposalId);
  return { doc, vote };
}

async function adopted(kit: SampleKit) {
  const { doc, vote } = await voted(kit);
  return kit.call('rules.adopt', { docId: doc.id, voteId: vote.id });
}

/** Adopted and filed with the township (for tests that need a rule awaiting 备案审查). */
export async function filedRule(kit: SampleKit) {
  const doc = await adopted(kit);
  return kit.call('rules.file', { docId: doc.id, authority: '青石镇人民政府', filedOn: '2026-10-25', receiptNo: '青镇备〔2026〕3号' });
}

async function amendment(kit: SampleKit) {
  const doc = await draft(kit);
  const article = doc.text.articles[1]!;
  return kit.call('rules.amendments.add', {
    docId: doc.id,
    action: '修改',
    articleId: article.id,
    text: '本村规民约适用于本村全体村民和居住在本村的其他人员。',
    proposer: '村民01',
    reason: '外来租户也应遵守',
  });
}

export const ruleSamples = {
  'rules.create': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      kind: '村规民约',
      title: TITLE,
      date: '2026-09-01',
      chapters: [{ title: '总则' }],
      articles: [{ chapterIndex: 0, text: '为了建设文明和谐的青石村，制定本村规民约。' }],
    }),
    audits: ['rule.create'],
    // An article outside every chapter of a text that has chapters.
    refused: ({ world }) => ({
      orgId: world.village.orgId,
      kind: '村规民约',
      title: TITLE,
      date: '2026-09-01',
      chapters: [{ title: '总则' }],
      articles: [{ chapterIndex: null, text: '第一条' }],
    }),
  },
  'rules.update': {
    input: async (kit) => ({ id: (await draft(kit)).id, title: '青石村村规民约（2026年修订）', filingDays: 20 }),
    audits: ['rule.update'],
    refused: () => ({ id: 9999, title: '不存在的规约' }),
  },
  'rules.advance': {
    input: async (kit) => ({ id: (await draft(kit)).id, date: '2026-09-10', note: '已征集村民意见' }),
    audits: ['rule.stage'],
    // Earlier than the step before it.
    refused: async (kit) => ({ id: (await draft(kit)).id, date: '2026-08-01' }),
  },
  'rules.recordReview': {
    input: async (kit) => {
      const doc = await draft(kit);
      await kit.call('rules.advance', { id: doc.id, date: '2026-09-10' });
      await kit.call('rules.advance', { id: doc.id, date: '2026-09-20' });
      return { id: doc.id, authority: '青石镇人民政府', date: '2026-09-25', opinion: '同意提交村民会议表决。' };
    },
    audits: ['rule.review'],
    // Still at 征集民意: nothing has been sent for review.
    refused: async (kit) => ({ id: (await draft(kit)).id, authority: '青石镇人民政府', date: '2026-09-25', opinion: '同意。' }),
  },
  'rules.startRevision': {
    input: async (kit) => {
      const doc = await filedRule(kit);
      await kit.call('rules.publish', { docId: doc.id, publishedOn: '2026-10-26', place: '村务公开栏' });
      return { id: doc.id, date: '2026-11-01', note: '根据村民建议修订第三条' };
    },
    audits: ['rule.stage'],
    refused: async (kit) => ({ id: (await draft(kit)).id, date: '2026-11-01', note: '还没有公布' }),
  },

  'rules.chapters.add': {
    input: async (kit) => ({ docId: (await draft(kit)).id, title: '附则' }),
    audits: ['rule.chapter.add'],
    refused: async (kit) => ({ docId: (await draft(kit)).id, title: '附则', afterChapterId: 9999 }),
  },
  'rules.chapters.rename': {
    input: async (kit) => ({ id: (await draft(kit)).text.chapters[1]!.id, title: '移风易俗' }),
    audits: ['rule.chapter.rename'],
    refused: () => ({ id: 9999, title: '移风易俗' }),
  },
  'rules.chapters.remove': {
    input: async (kit) => ({ id: (await draft(kit)).text.chapters[1]!.id, withArticles: true }),
    audits: ['rule.chapter.remove'],
    // The chapter still has an article and removing it with them was not confirmed.
    refused: async (kit) => ({ id: (await draft(kit)).text.chapters[1]!.id, withArticles: false }),
  },
  'rules.articles.add': {
    input: async (kit) => {
      const doc = await draft(kit);
      return { docId: doc.id, chapterId: doc.text.chapters[1]!.id, afterArticleId: null, text: '孝老爱亲，赡养老人。' };
    },
    audits: ['rule.article.add'],
    // The text has chapters: an article must go into one.
    refused: async (kit) => ({ docId: (await draft(kit)).id, chapterId: null, afterArticleId: null, text: '孝老爱亲。' }),
  },
  'rules.articles.update': {
    input: async (kit) => ({ id: (await draft(kit)).text.articles[1]!.id, text: '本村规民约适用于本村全体村民和居住在本村的其他人员。' }),
    audits: ['rule.article.update'],
    refused: () => ({ id: 9999, text: '不存在的条文' }),
  },
  'rules.articles.move': {
    input: async (kit) => {
      const doc = await draft(kit);
      return { id: doc.text.articles[1]!.id, chapterId: doc.text.chapters[1]!.id, afterArticleId: doc.text.articles[2]!.id };
    },
    audits: ['rule.article.move'],
    refused: async (kit) => {
      const a = (await draft(kit)).text.articles[0]!;
      return { id: a.id, chapterId: a.chapterId, afterArticleId: a.id };
    },
  },
  'rules.articles.remove': {
    input: async (kit) => ({ id: (await draft(kit)).text.articles[1]!.id }),
    audits: ['rule.article.remove'],
    refused: () => ({ id: 9999 }),
  },

  'rules.flags.clear': {
    input: async (kit) => {
      const doc = await draft(kit, ['乱倒垃圾的，由村民小组长督促清理，并在村务公开栏罚款公示名单。']);
      const flag = doc.flags[0]!;
      return {
        docId: doc.id,
        articleId: flag.articleId,
        term: flag.term,
        justification: '这里的“罚款公示”指公示名单，不收取任何款项，核查后不构成强制性处罚。',
      };
    },
    audits: ['rule.flag.clear'],
    // No flag of that term on the article.
    refused: async (kit) => {
      const doc = await draft(kit);
      return { docId: doc.id, articleId: doc.text.articles[0]!.id, term: '罚款', justification: '没有这一处用语，核查说明无从谈起。' };
    },
  },
  'rules.penaltyTerms.set': {
    input: ({ world }) => ({
      orgId: world.village.orgId,
      terms: [
        { term: '罚款', reason: '罚款是行政处罚，公约不得设定' },
        { term: '停水停电', reason: '停止供水供电属于强制措施' },
      ],
    }),
    audits: ['rule.penaltyTerms'],
    refused: ({ world }) => ({
      orgId: world.village.orgId,
      terms: [
        { term: '罚款', reason: '一' },
        { term: '罚款', reason: '二' },
      ],
    }),
  },

  'rules.versions.create': {
    input: async (kit) => ({ docId: (await draft(kit)).id, name: '征求意见稿', note: '张贴于村务公开栏' }),
    audits: ['rule.version'],
    // A document with no articles yet.
    refused: async ({ world, call }) => ({
      docId: (await call('rules.create', { orgId: world.village.orgId, kind: '村规民约', title: '空白草案', date: '2026-09-01' })).id,
      name: '征求意见稿',
    }),
  },

  'rules.opinions.add': {
    input: async (kit) => {
      const doc = await draft(kit);
      return {
        docId: doc.id,
        articleId: doc.text.articles[2]!.id,
        personId: kit.world.village.personIds[0]!,
        name: '',
        channel: '村民会议',
        receivedOn: '2026-09-05',
        content: '建议写明红白喜事的宴席桌数上限。',
      };
    },
    audits: ['rule.opinion.add'],
    refused: async (kit) => ({ docId: (await draft(kit)).id, articleId: 9999, name: '村民01', channel: '村民会议', receivedOn: '2026-09-05', content: '意见' }),
  },
  'rules.opinions.dispose': {
    input: async (kit) => {
      const doc = await draft(kit);
      const o = await kit.call('rules.opinions.add', {
        docId: doc.id,
        articleId: null,
        name: '村民02',
        channel: '意见箱',
        receivedOn: '2026-09-05',
        content: '希望增加环境卫生一章。',
      });
      return { id: o.id, disposition: '部分采纳', reason: '在第三条中补充，不单列一章' };
    },
    audits: ['rule.opinion.dispose'],
    // 未采纳 needs a reason the meeting will hear.
    refused: async (kit) => {
      const doc = await draft(kit);
      const o = await kit.call('rules.opinions.add', {
        docId: doc.id,
        articleId: null,
        name: '村民03',
        channel: '意见箱',
        receivedOn: '2026-09-05',
        content: '不同意制定村规民约。',
      });
      return { id: o.id, disposition: '未采纳' };
    },
  },

  'rules.amendments.add': {
    input: async (kit) => {
      const doc = await draft(kit);
      return { docId: doc.id, action: '新增', articleId: doc.text.articles[2]!.id, text: '爱护环境，不乱倒垃圾。', proposer: '村民04' };
    },
    audits: ['rule.amendment.add'],
    // A 修改 that changes nothing.
    refused: async (kit) => {
      const doc = await draft(kit);
      const a = doc.text.articles[1]!;
      return { docId: doc.id, action: '修改', articleId: a.id, text: a.text, proposer: '村民04' };
    },
  },
  'rules.amendments.decide': {
    input: async (kit) => ({ id: (await amendment(kit)).id, decision: '采纳', date: '2026-09-15' }),
    audits: ['rule.article.update', 'rule.amendment.decide'],
    refused: async (kit) => ({ id: (await amendment(kit)).id, decision: '不采纳', date: '2026-09-15' }),
  },
  'rules.amendments.putToVote': {
    input: async (kit) => ({ id: (await amendment(kit)).id, meetingId: kit.world.meetings.draft }),
    audits: ['agenda.add', 'proposal.create', 'rule.amendment.toVote'],
    // The minutes of that meeting are final: nothing more can be put to it.
    refused: async (kit) => ({ id: (await amendment(kit)).id, meetingId: kit.world.meetings.finalized }),
  },
  'rules.amendments.applyVote': {
    input: async (kit) => {
      const a = await kit.call('rules.amendments.putToVote', { id: (await amendment(kit)).id, meetingId: kit.world.meetings.running });
      const proposal = (await kit.call('proposals.list', { meetingId: kit.world.meetings.running })).items.find((p) => p.id === a.proposalId)!;
      await passed(kit, proposal.agendaItemId, proposal.id);
      return { id: a.id };
    },
    audits: ['rule.article.update', 'rule.amendment.decide'],
    // Not put to a vote.
    refused: async (kit) => ({ id: (await amendment(kit)).id }),
  },

  'rules.adoption.propose': {
    input: async (kit) => ({ docId: (await toDeliberation(kit)).id, meetingId: (await villageAssembly(kit)).id }),
    audits: ['rule.version', 'agenda.add', 'proposal.create'],
    // A 村民代表会议 may not adopt a 村规民约.
    refused: async (kit) => ({ docId: (await toDeliberation(kit)).id, meetingId: kit.world.meetings.draft }),
  },
  'rules.adopt': {
    input: async (kit) => {
      const { doc, vote } = await voted(kit);
      return { docId: doc.id, voteId: vote.id };
    },
    audits: ['rule.version', 'rule.adopt', 'rule.stage'],
    refused: async (kit) => ({ docId: (await toDeliberation(kit)).id, voteId: 9999 }),
  },
  'rules.file': {
    input: async (kit) => ({ docId: (await adopted(kit)).id, authority: '青石镇人民政府', filedOn: '2026-10-25', receiptNo: '青镇备〔2026〕3号' }),
    audits: ['rule.file', 'rule.stage'],
    // Not adopted yet.
    refused: async (kit) => ({ docId: (await draft(kit)).id, authority: '青石镇人民政府', filedOn: '2026-10-25' }),
  },
  'rules.publish': {
    input: async (kit) => ({ docId: (await filedRule(kit)).id, publishedOn: '2026-10-26', place: '村务公开栏、村民微信群' }),
    audits: ['rule.publish', 'rule.stage'],
    refused: async (kit) => ({ docId: (await draft(kit)).id, publishedOn: '2026-10-26', place: '村务公开栏' }),
  },
} satisfies Samples<
  | 'rules.create'
  | 'rules.update'
  | 'rules.advance'
  | 'rules.recordReview'
  | 'rules.startRevision'
  | 'rules.chapters.add'
  | 'rules.chapters.rename'
  | 'rules.chapters.remove'
  | 'rules.articles.add'
  | 'rules.articles.update'
  | 'rules.articles.move'
  | 'rules.articles.remove'
  | 'rules.flags.clear'
  | 'rules.penaltyTerms.set'
  | 'rules.versions.create'
  | 'rules.opinions.add'
  | 'rules.opinions.dispose'
  | 'rules.amendments.add'
  | 'rules.amendments.decide'
  | 'rules.amendments.putToVote'
  | 'rules.amendments.applyVote'
  | 'rules.adoption.propose'
  | 'rules.adopt'
  | 'rules.file'
  | 'rules.publish'
>;
