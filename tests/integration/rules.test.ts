import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { openTemp } from '../support/db';
import { failure, value, type Ctx } from '../support/village';

async function exported(ctx: Ctx, input: Record<string, unknown>) {
  const f = await value(ctx, 'rules.export', input);
  return { fileName: f.fileName as string, text: (await mammoth.extractRawText({ buffer: Buffer.from(f.base64, 'base64') })).value };
}
const labels = (doc: { text: { articles: { label: string; text: string }[] } }) => doc.text.articles.map((a) => `${a.label} ${a.text}`);

const CONVENTION = `幸福里社区居民公约
第一章 总则
第一条 为了建设和谐社区，根据有关法律法规，制定本公约。
第二条 本公约适用于本社区全体居民。
第三条 居民应当遵守第二条的规定，参加社区事务。
第二章 公共秩序
第四条 爱护公共设施，不私搭乱建。
第五条 文明养犬，及时清理犬只粪便。
第六条 违反第四条、第五条规定的，由居委会劝导改正。
第七条 婚丧嫁娶从简，不大操大办。
第八条 本公约自居民会议通过之日起施行，第一条所称法律法规依照《民法典》第八条执行。`;

async function community(t = openTemp()) {
  const { ctx } = t;
  const org = await value(ctx, 'organizations.create', { name: '幸福里社区', kind: '社区' });
  const rows = Array.from({ length: 10 }, (_, i) => ({
    name: `居民${i + 1}`,
    gender: i % 2 ? '男' : '女',
    birthDate: '1970-01-01',
    idNumber: '',
    phone: '',
    householdNo: String(i + 1).padStart(2, '0'),
    groupName: '',
    tags: '',
    note: '',
  }));
  await value(ctx, 'roster.commit', { orgId: org.id, rows });
  const people = (await value(ctx, 'people.list', { orgId: org.id, pageSize: 500, sortField: 'householdNo' })).items as { id: number; name: string }[];
  const split = await value(ctx, 'rules.importPreview', { text: CONVENTION });
  const doc = await value(ctx, 'rules.create', {
    orgId: org.id,
    kind: '居民公约',
    title: split.title,
    date: '2026-09-01',
    chapters: split.chapters,
    articles: split.articles,
  });
  return { ...t, ctx, org, people, doc };
}

/** A meeting of the named type on `date`, started, with `present` residents signed in. */
async function meeting(ctx: Ctx, org: { id: number }, people: { id: number }[], typeName: string, date: string, present: number) {
  const types = (await value(ctx, 'meetingTypes.list', { orgId: org.id })).items as { id: number; name: string }[];
  const type = types.find((x) => x.name === typeName)!;
  let bodyId: number | undefined;
  let basis = 'adults';
  if (typeName.includes('代表') || typeName.includes('两委')) {
    const kind = typeName.includes('两委') ? '两委班子' : typeName;
    const body = await value(ctx, 'bodies.create', { orgId: org.id, name: `${typeName}${date}`, kind });
    await value(ctx, 'bodies.addMembers', {
      bodyId: body.id,
      personIds: people.map((p) => p.id),
      role: typeName.includes('两委') ? '委员' : typeName.startsWith('村') ? '村民代表' : '居民代表',
    });
    bodyId = body.id;
    basis = 'body';
  }
  const m = await value(ctx, 'meetings.create', {
    orgId: org.id,
    meetingTypeId: type.id,
    title: `${date.slice(0, 4)}年${typeName}`,
    date,
    startTime: '09:00',
    basis,
    ...(bodyId ? { bodyId } : {}),
  });
  const ten = new Date(Date.parse(`${date}T00:00:00Z`) - 12 * 86_400_000).toISOString().slice(0, 10);
  await value(ctx, 'meetings.notify', { id: m.id, noticeDate: ten });
  await value(ctx, 'meetings.start', { id: m.id, startTime: '09:00' });
  for (const p of people.slice(0, present)) await value(ctx, 'attendance.signIn', { meetingId: m.id, personId: p.id, time: '08:50' });
  return m as { id: number; title: string };
}

/** Puts the document to `m` and records a show of hands; returns the confirmed vote. */
async function adoptionVote(ctx: Ctx, docId: number, m: { id: number }, yes: number, no: number) {
  const { agendaItemId, proposalId } = await value(ctx, 'rules.adoption.propose', { docId, meetingId: m.id });
  let v = await value(ctx, 'votes.open', { agendaItemId, proposalIds: [proposalId], method: '举手' });
  v = await value(ctx, 'votes.record', { id: v.id, tally: { yes, no, abstain: v.eligible - yes - no } });
  return value(ctx, 'votes.confirm', { id: v.id });
}

async function toDeliberation(ctx: Ctx, docId: number) {
  await value(ctx, 'rules.advance', { id: docId, date: '2026-09-10' });
  await value(ctx, 'rules.advance', { id: docId, date: '2026-09-20' });
  await value(ctx, 'rules.recordReview', {
    id: docId,
    authority: '幸福街道办事处',
    date: '2026-09-25',
    opinion: '经审核，未发现与法律法规相抵触的内容，同意提交居民会议表决。',
  });
  return value(ctx, 'rules.advance', { id: docId, date: '2026-10-01' });
}

describe('规约条文：编号与引用', () => {
  it('splits a pasted convention into chapters and articles numbered in Chinese', async () => {
    const { doc } = await community();
    expect(doc.text.chapters.map((c: { label: string; title: string }) => `${c.label} ${c.title}`)).toEqual(['第一章 总则', '第二章 公共秩序']);
    expect(doc.text.articles).toHaveLength(8);
    expect(doc.stage).toBe('征集民意');
    expect(labels(doc)[2]).toBe('第三条 居民应当遵守第二条的规定，参加社区事务。');
  });

  it('inserting an article renumbers the rest and rewrites the references, not the law’s', async () => {
    const { ctx, doc } = await community();
    const [a1, a2] = doc.text.articles;
    const r = await value(ctx, 'rules.articles.add', {
      docId: doc.id,
      chapterId: a1.chapterId,
      afterArticleId: a1.id,
      text: '本公约所称居民，包括户籍居民和常住居民。',
    });
    expect(labels(r.doc)).toEqual([
      '第一条 为了建设和谐社区，根据有关法律法规，制定本公约。',
      '第二条 本公约所称居民，包括户籍居民和常住居民。',
      '第三条 本公约适用于本社区全体居民。',
      '第四条 居民应当遵守第三条的规定，参加社区事务。',
      '第五条 爱护公共设施，不私搭乱建。',
      '第六条 文明养犬，及时清理犬只粪便。',
      '第七条 违反第五条、第六条规定的，由居委会劝导改正。',
      '第八条 婚丧嫁娶从简，不大操大办。',
      '第九条 本公约自居民会议通过之日起施行，第一条所称法律法规依照《民法典》第八条执行。',
    ]);
    expect(r.rewritten.map((x: { label: string }) => x.label)).toEqual(['第四条', '第七条']);
    expect(r.unresolved).toEqual([]);
    expect(a2.id).toBe(r.doc.text.articles[2].id);
  });

  it('deleting a referenced article lists the reference it cannot update', async () => {
    const { ctx, doc } = await community();
    const r = await value(ctx, 'rules.articles.remove', { id: doc.text.articles[4].id });
    expect(r.doc.text.articles).toHaveLength(7);
    expect(labels(r.doc)[4]).toBe('第五条 违反第四条、第五条规定的，由居委会劝导改正。');
    expect(r.unresolved).toHaveLength(1);
    expect(r.unresolved[0]).toMatchObject({ articleLabel: '第五条', reference: '第五条' });
    expect(r.unresolved[0].reason).toContain('已删除');
  });

  it('moving an article renumbers both ways; moving it after itself is refused and changes nothing', async () => {
    const { ctx, doc } = await community();
    const [a1, , a3, , , , a7] = doc.text.articles;
    const e = await failure(ctx, 'rules.articles.move', { id: a7.id, chapterId: a7.chapterId, afterArticleId: a7.id });
    expect(e.message).toBe('不能把条文移到它自己的后面，请选择另一条作为位置');
    expect(labels(await value(ctx, 'rules.get', { id: doc.id }))).toEqual(labels(doc));
    // 第七条 moves to the first chapter, after 第一条.
    const r = await value(ctx, 'rules.articles.move', { id: a7.id, chapterId: a1.chapterId, afterArticleId: a1.id });
    expect(r.doc.text.articles.map((a: { id: number }) => a.id).slice(0, 3)).toEqual([a1.id, a7.id, doc.text.articles[1].id]);
    expect(r.doc.text.articles.find((a: { id: number }) => a.id === a3.id).text).toBe('居民应当遵守第三条的规定，参加社区事务。');
  });

  it('adds a chapter at the end or after another; a text without chapters gets its first one holding every article', async () => {
    const { ctx, org, doc } = await community();
    const chapters = (d: { text: { chapters: { label: string; title: string }[] } }) => d.text.chapters.map((c) => `${c.label} ${c.title}`);
    const last = await value(ctx, 'rules.chapters.add', { docId: doc.id, title: '附则' });
    expect(chapters(last.doc)).toEqual(['第一章 总则', '第二章 公共秩序', '第三章 附则']);
    const between = await value(ctx, 'rules.chapters.add', { docId: doc.id, title: '居民权利', afterChapterId: doc.text.chapters[0].id });
    expect(chapters(between.doc)).toEqual(['第一章 总则', '第二章 居民权利', '第三章 公共秩序', '第四章 附则']);
    expect(labels(between.doc)).toEqual(labels(doc));
    const plain = await value(ctx, 'rules.create', {
      orgId: org.id,
      kind: '居民公约',
      title: '楼院公约',
      date: '2026-09-01',
      articles: [
        { chapterIndex: null, text: '爱护楼道。' },
        { chapterIndex: null, text: '按时缴纳卫生费。' },
      ],
    });
    const first = await value(ctx, 'rules.chapters.add', { docId: plain.id, title: '总则' });
    expect(chapters(first.doc)).toEqual(['第一章 总则']);
    expect(first.doc.text.articles.map((a: { chapterId: number }) => a.chapterId)).toEqual([first.doc.text.chapters[0].id, first.doc.text.chapters[0].id]);
  });

  it('a chapter with articles is deleted only when the user confirms, with its articles', async () => {
    const { ctx, doc } = await community();
    const second = doc.text.chapters[1];
    const e = await failure(ctx, 'rules.chapters.remove', { id: second.id });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe('第二章“公共秩序”还有 5 条（第四条至第八条）。请先把条文移到其他章，或确认连同条文一起删除');
    expect((await value(ctx, 'rules.get', { id: doc.id })).text.articles).toHaveLength(8);
    const r = await value(ctx, 'rules.chapters.remove', { id: second.id, withArticles: true });
    expect(r.doc.text.chapters).toHaveLength(1);
    expect(r.doc.text.articles).toHaveLength(3);
  });
});

describe('版本与比较', () => {
  it('freezes versions and compares them by article: changed, inserted, deleted, moved and renumbered', async () => {
    const { ctx, doc, file } = await community();
    const v1 = await value(ctx, 'rules.versions.create', { docId: doc.id, name: '征求意见稿' });
    const a = doc.text.articles;
    await value(ctx, 'rules.articles.update', { id: a[4].id, text: '文明养犬，出门拴绳，及时清理犬只粪便。' });
    await value(ctx, 'rules.articles.remove', { id: a[6].id });
    await value(ctx, 'rules.articles.add', { docId: doc.id, chapterId: a[3].chapterId, afterArticleId: a[3].id, text: '垃圾分类投放。' });
    await value(ctx, 'rules.articles.move', { id: a[1].id, chapterId: a[0].chapterId, afterArticleId: a[2].id });
    const cmp = await value(ctx, 'rules.compare', { docId: doc.id, from: v1.id, to: 'current' });
    expect(cmp.fromName).toBe('征求意见稿（第1版）');
    // 第五条 reworded; 第三条 and 第六条 changed only because the references in them followed
    // the articles they name (第六条 now points at 第四条 and 第六条).
    expect(cmp.comparison.counts).toMatchObject({ changed: 3, inserted: 1, deleted: 1 });
    expect(cmp.comparison.articles.find((x: any) => x.after?.articleId === a[5].id).after.text).toBe('违反第四条、第六条规定的，由居委会劝导改正。');
    const row = (id: number) => cmp.comparison.articles.find((x: any) => (x.after ?? x.before).articleId === id);
    expect(row(a[4].id)).toMatchObject({ change: 'changed', renumbered: true, before: { label: '第五条' }, after: { label: '第六条' } });
    expect(
      row(a[4].id)
        .parts.filter((p: any) => p.added)
        .map((p: any) => p.value)
        .join(''),
    ).toBe('出门拴绳，');
    expect(row(a[6].id)).toMatchObject({ change: 'deleted', after: null });
    expect(row(a[1].id).moved).toBe(true);
    // 第三条 referred to 第二条, which moved: the reference follows it (now 第三条).
    expect(row(a[2].id)).toMatchObject({
      change: 'changed',
      before: { label: '第三条' },
      after: { label: '第二条', text: '居民应当遵守第三条的规定，参加社区事务。' },
    });

    // The revision document read with changes accepted is the current text.
    const revision = await exported(ctx, { docId: doc.id, document: '修订对照稿', from: v1.id, to: 'current' });
    expect(revision.fileName).toMatch(/幸福里社区居民公约 修订对照稿\.docx$/);
    expect(revision.text).toContain('文明养犬，出门拴绳，及时清理犬只粪便。');
    expect(revision.text).toContain('垃圾分类投放。');
    expect(revision.text).not.toContain('婚丧嫁娶从简');

    // A version is frozen: the database itself refuses to change it.
    const sqlite = (await import('better-sqlite3')).default;
    const raw = new sqlite(file);
    expect(() => raw.prepare('update rule_versions set name = ? where id = ?').run('改名', v1.id)).toThrow('这个版本已冻结，不能修改');
    raw.close();
  });
});

describe('违规用语', () => {
  it('flags penalty wording, blocks deliberation until cleared with a reason, and flags again after an edit', async () => {
    const { ctx, doc } = await community();
    const a6 = doc.text.articles[5];
    const r = await value(ctx, 'rules.articles.update', { id: a6.id, text: '违反第四条、第五条规定的，处以罚款二百元，并取消其享受集体福利的资格。' });
    expect(r.doc.flags.map((f: any) => `${f.articleLabel} ${f.term} ${f.match}`)).toEqual(['第六条 罚款 罚款', '第六条 取消…资格 取消其享受集体福利的资格']);
    expect(r.doc.openFlags).toBe(2);
    await value(ctx, 'rules.advance', { id: doc.id, date: '2026-09-10' });
    await value(ctx, 'rules.advance', { id: doc.id, date: '2026-09-20' });
    await value(ctx, 'rules.recordReview', { id: doc.id, authority: '幸福街道办事处', date: '2026-09-25', opinion: '第六条含罚款，请修改。' });
    const blocked = await failure(ctx, 'rules.advance', { id: doc.id, date: '2026-10-01' });
    expect(blocked.message).toContain('还有 2 处可能属于强制性处罚的用语（第六条“罚款”');
    const short = await failure(ctx, 'rules.flags.clear', { docId: doc.id, articleId: a6.id, term: '罚款', justification: '' });
    expect(short.message).toContain('请写明为什么这处用语不构成强制性处罚');
    await value(ctx, 'rules.articles.update', { id: a6.id, text: '违反第四条、第五条规定的，由居委会劝导改正；拒不改正的，取消其当年评选文明家庭的资格。' });
    let d = await value(ctx, 'rules.flags.clear', {
      docId: doc.id,
      articleId: a6.id,
      term: '取消…资格',
      justification: '取消的是评选文明家庭的资格，属于引导性措施，不是强制性处罚。',
    });
    expect(d.openFlags).toBe(0);
    expect(d.flags[0].cleared.justification).toContain('引导性措施');
    // Editing the article again brings the flag back: a clearance covers only the text it read.
    d = (await value(ctx, 'rules.articles.update', { id: a6.id, text: '违反规定的，取消其当年评选文明家庭的资格。' })).doc;
    expect(d.openFlags).toBe(1);
  });

  it('the list is data each organization can edit', async () => {
    const { ctx, org, doc } = await community();
    const shipped = await value(ctx, 'rules.penaltyTerms.get', { orgId: org.id });
    expect(shipped.isDefault).toBe(true);
    expect(shipped.terms.map((t: any) => t.term)).toEqual(expect.arrayContaining(['罚款', '没收', '拘留', '停水停电', '取消…资格', '开除村籍']));
    await value(ctx, 'rules.penaltyTerms.set', {
      orgId: org.id,
      terms: [...shipped.terms, { term: '通报批评', reason: '本社区约定：公开点名须经居民会议同意' }],
    });
    const d = await value(ctx, 'rules.get', { id: doc.id });
    expect(d.flags).toEqual([]);
    const r = await value(ctx, 'rules.articles.update', { id: doc.text.articles[6].id, text: '大操大办的，予以通报批评。' });
    expect(r.doc.flags.map((f: any) => f.term)).toEqual(['通报批评']);
    const bad = await failure(ctx, 'rules.penaltyTerms.set', { orgId: org.id, terms: [{ term: '…资格', reason: 'x' }] });
    expect(bad.code).toBe('INVALID_INPUT');
  });
});

describe('意见与修改建议', () => {
  it('keeps an opinion’s article through renumbering and requires a reason to reject', async () => {
    const { ctx, doc, people } = await community();
    const a5 = doc.text.articles[4];
    const o = await value(ctx, 'rules.opinions.add', {
      docId: doc.id,
      articleId: a5.id,
      personId: people[2]!.id,
      name: '',
      channel: '入户走访',
      receivedOn: '2026-09-05',
      content: '建议写明出门拴绳。',
    });
    expect(o).toMatchObject({ name: '居民3', articleLabel: '第五条', disposition: '待处理' });
    await value(ctx, 'rules.articles.add', { docId: doc.id, chapterId: a5.chapterId, afterArticleId: null, text: '保持楼道整洁。' });
    const list = await value(ctx, 'rules.opinions.list', { docId: doc.id });
    expect(list.items[0].articleLabel).toBe('第六条');
    const e = await failure(ctx, 'rules.opinions.dispose', { id: o.id, disposition: '未采纳' });
    expect(e.message).toContain('请写明理由');
    const ok = await value(ctx, 'rules.opinions.dispose', { id: o.id, disposition: '采纳' });
    expect(ok.disposition).toBe('采纳');
  });

  it('an accepted amendment changes the text; one put to a vote is applied by the vote’s result', async () => {
    const { ctx, doc, org, people } = await community();
    const a5 = doc.text.articles[4];
    const am = await value(ctx, 'rules.amendments.add', {
      docId: doc.id,
      action: '修改',
      articleId: a5.id,
      text: '文明养犬，出门拴绳，及时清理犬只粪便。',
      proposer: '居民3',
      reason: '防止犬只伤人',
    });
    expect(am.description).toBe('修改第五条');
    const done = await value(ctx, 'rules.amendments.decide', { id: am.id, decision: '采纳', date: '2026-09-12' });
    expect(done.amendment.status).toBe('已采纳');
    expect(done.edit.doc.text.articles[4].text).toBe('文明养犬，出门拴绳，及时清理犬只粪便。');
    const again = await failure(ctx, 'rules.amendments.decide', { id: am.id, decision: '不采纳', date: '2026-09-12', note: 'x' });
    expect(again.message).toContain('已经“已采纳”');

    const ins = await value(ctx, 'rules.amendments.add', {
      docId: doc.id,
      action: '新增',
      articleId: doc.text.articles[6].id,
      text: '提倡节俭办宴，宴席不超过十桌。',
      proposer: '居民代表小组',
    });
    expect(ins.description).toBe('在第七条后新增一条');
    const m = await meeting(ctx, org, people, '居民会议', '2026-10-15', 7);
    const sent = await value(ctx, 'rules.amendments.putToVote', { id: ins.id, meetingId: m.id });
    expect(sent.status).toBe('表决中');
    const early = await failure(ctx, 'rules.amendments.applyVote', { id: ins.id });
    expect(early.message).toContain('还没有结果');
    let v = await value(ctx, 'votes.open', {
      agendaItemId: (await value(ctx, 'proposals.list', { meetingId: m.id })).items[0].agendaItemId,
      proposalIds: [sent.proposalId],
      method: '举手',
    });
    v = await value(ctx, 'votes.record', { id: v.id, tally: { yes: 5, no: 1, abstain: 1 } });
    await value(ctx, 'votes.confirm', { id: v.id });
    const applied = await value(ctx, 'rules.amendments.applyVote', { id: ins.id });
    expect(applied.amendment.status).toBe('表决通过');
    expect(labels(applied.edit.doc)[7]).toBe('第八条 提倡节俭办宴，宴席不超过十桌。');
    expect(labels(applied.edit.doc)[8]).toMatch(/^第九条 本公约自居民会议通过之日起施行，第一条/);
  });
});

describe('表决通过、备案与公布', () => {
  it('refuses a vote of a meeting that may not adopt this kind, then adopts at a 居民会议 and sets the filing deadline', async () => {
    const { ctx, doc, org, people } = await community();
    const o = await value(ctx, 'rules.opinions.add', {
      docId: doc.id,
      articleId: null,
      name: '',
      channel: '意见箱',
      receivedOn: '2026-09-03',
      content: '建议增加垃圾分类的条款。',
    });
    await value(ctx, 'rules.opinions.dispose', { id: o.id, disposition: '部分采纳', reason: '在第四条中补充，不单列一条' });
    await toDeliberation(ctx, doc.id);

    // 居民代表会议 under the 2018 text (before 2026-01-01) had no power to make a 居民公约.
    const old = await meeting(ctx, org, people, '居民代表会议', '2025-12-20', 8);
    const e1 = await failure(ctx, 'rules.adoption.propose', { docId: doc.id, meetingId: old.id });
    expect(e1.message).toContain('适用2018年文本，当时的法律还没有授权居民代表会议制定居民公约');

    // From 2026 it may, but only when the residents' meeting delegated it.
    const rep = await meeting(ctx, org, people, '居民代表会议', '2026-10-10', 8);
    const repVote = await adoptionVote(ctx, doc.id, rep, 6, 1);
    const e2 = await failure(ctx, 'rules.adopt', { docId: doc.id, voteId: repVote.id });
    expect(e2.message).toContain('须经居民会议授权');

    // A 两委 joint meeting can never adopt it.
    const joint = await meeting(ctx, org, people, '两委联席会议', '2026-10-11', 6);
    const e3 = await failure(ctx, 'rules.adoption.propose', { docId: doc.id, meetingId: joint.id });
    expect(e3.message).toContain('两委联席会议不能表决通过居民公约');
    // A 2026 meeting under local rules hears the 2025 text, never the 2018 article.
    expect(e3.message).toContain('（2025年修订）');
    expect(e3.message).not.toContain('第十五条');
    expect((await value(ctx, 'rules.get', { id: doc.id })).stage).toBe('审议表决');

    const residents = await meeting(ctx, org, people, '居民会议', '2026-10-20', 7);
    const vote = await adoptionVote(ctx, doc.id, residents, 6, 0);
    const proposal = (await value(ctx, 'proposals.list', { meetingId: residents.id })).items[0];
    expect(proposal.text).toBe(
      '提请会议审议表决《幸福里社区居民公约》（表决稿，第3版），共2章8条。征求意见期间共收到意见 1 条，采纳 0 条、部分采纳 1 条、未采纳 0 条，详见意见采纳情况表。',
    );
    const candidates = await value(ctx, 'rules.adoption.candidates', { docId: doc.id });
    expect(candidates.items.find((c: any) => c.voteId === vote.id).problem).toBeNull();
    const adopted = await value(ctx, 'rules.adopt', { docId: doc.id, voteId: vote.id });
    expect(adopted.stage).toBe('备案');
    // 居民1..7 present: 1, 3, 5, 7 are women.
    expect(adopted.adoption).toMatchObject({ present: 7, womenPresent: 4, womenShare: '4 人，占到会人数的 57.1%', yes: 6, meetingKind: '居民会议' });
    expect(adopted.filing).toMatchObject({ due: '2026-10-30' });
    const versions = await value(ctx, 'rules.versions.list', { docId: doc.id });
    expect(versions.items.map((v: any) => v.name)).toEqual(['正式稿', '表决稿', '表决稿', '审核稿']);

    // The home page reminds the secretary of the filing deadline, by her local date.
    const home = await value(ctx, 'home.summary', { orgId: org.id, today: '2026-10-31' });
    expect(home.rulesAwaitingFiling).toEqual([{ id: doc.id, title: '幸福里社区居民公约', filingDue: '2026-10-30', daysLeft: -1 }]);
    const locked = await failure(ctx, 'rules.articles.update', { id: doc.text.articles[0].id, text: '改动' });
    expect(locked.message).toContain('已表决通过，条文不能直接修改');
    const early = await failure(ctx, 'rules.file', { docId: doc.id, authority: '幸福街道办事处', filedOn: '2026-10-19' });
    expect(early.message).toContain('不能早于表决通过的日期');
    const filed = await value(ctx, 'rules.file', { docId: doc.id, authority: '幸福街道办事处', filedOn: '2026-10-25', receiptNo: '幸街备〔2026〕7号' });
    expect(filed).toMatchObject({ stage: '公布', filedOn: '2026-10-25', filing: { receiptNo: '幸街备〔2026〕7号' } });
    const published = await value(ctx, 'rules.publish', { docId: doc.id, publishedOn: '2026-10-26', place: '社区公告栏、居民微信群' });
    expect(published.stage).toBe('已公布');
    const text = await exported(ctx, { docId: doc.id, document: '规约文本' });
    expect(text.fileName).toMatch(/幸福里社区居民公约（正式稿） 规约文本\.docx$/);
    expect(text.text).toContain('（2026年10月20日2026年居民会议表决通过）');
    expect(text.text).toMatch(/第一章\s+总则[\s\S]*第八条\s+本公约自居民会议通过之日起施行/);
    const report = await exported(ctx, { docId: doc.id, document: '备案报告' });
    expect(report.text).toContain('幸福街道办事处：');
    expect(report.text).toContain('应到10人，实到7人，其中女性4人');
    const table = await exported(ctx, { docId: doc.id, document: '意见采纳情况表' });
    expect(table.text).toContain('在第四条中补充，不单列一条');
    expect(published.steps.map((s: any) => s.stage)).toEqual(['征集民意', '拟定草案', '提请审核', '审议表决', '备案', '公布', '已公布']);
  });

  it('a 村规民约 is adopted only by a 村民会议, not by the representatives', async () => {
    const t = openTemp();
    const { ctx } = t;
    const org = await value(ctx, 'organizations.create', { name: '东风村', kind: '村' });
    const rows = Array.from({ length: 6 }, (_, i) => ({
      name: `村民${i + 1}`,
      gender: '男',
      birthDate: '1970-01-01',
      idNumber: '',
      phone: '',
      householdNo: String(i + 1),
      groupName: '',
      tags: '',
      note: '',
    }));
    await value(ctx, 'roster.commit', { orgId: org.id, rows });
    const people = (await value(ctx, 'people.list', { orgId: org.id, pageSize: 50 })).items;
    const split = await value(ctx, 'rules.importPreview', { text: '东风村村规民约\n第一条 移风易俗。\n第二条 孝老爱亲。' });
    const doc = await value(ctx, 'rules.create', {
      orgId: org.id,
      kind: '村规民约',
      title: split.title,
      date: '2026-09-01',
      chapters: [],
      articles: split.articles,
    });
    await toDeliberation(ctx, doc.id);
    const rep = await meeting(ctx, org, people, '村民代表会议', '2026-10-10', 5);
    const e = await failure(ctx, 'rules.adoption.propose', { docId: doc.id, meetingId: rep.id });
    expect(e.message).toMatch(/^村民代表会议不能表决通过村规民约：依照《中华人民共和国村民委员会组织法》（2025年修订）第三十一条/);
  });
});

describe('导入', () => {
  it('reads a .docx with mammoth and refuses a file that is not a rule text', async () => {
    const { ctx } = openTemp();
    const para = (t: string) => new Paragraph({ text: t });
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: CONVENTION.split('\n').map(para) }] }));
    const split = await value(ctx, 'rules.importPreview', { docx: bytes.toString('base64') });
    expect(split.title).toBe('幸福里社区居民公约');
    expect(split.chapters.map((c: any) => c.title)).toEqual(['总则', '公共秩序']);
    expect(split.articles).toHaveLength(8);

    const letter = await Packer.toBuffer(
      new Document({ sections: [{ children: [para('关于召开居民会议的通知'), para('各位居民：定于本周六召开居民会议。')] }] }),
    );
    const e = await failure(ctx, 'rules.importPreview', { docx: letter.toString('base64') });
    expect(e.message).toContain('这不像一份规约文本');
    const notDocx = await failure(ctx, 'rules.importPreview', { docx: Buffer.from('hello').toString('base64') });
    expect(notDocx.message).toContain('这不是 .docx 格式的 Word 文件');
  });
});
