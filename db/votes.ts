import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { ParsedInput } from '../core/contract';
import { ApiError } from '../core/contract/define';
import type { SavedCounts, Vote } from '../core/contract/votes';
import { ruleGrounds } from '../core/rules/citation';
import { checkVote, decideVote, type BallotCounts, type Tally, type VoteCounts, type VoteFrame, type VoteMethod } from '../core/rules/tally';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { assertNotFinalized, findMeeting, presentLines, quorumOf, ruleSetOf } from './meetings';
import { findProposal } from './proposals';
import { createResolution } from './resolutions';
import { agendaItems, households, people, proposals, resolutions, voteChoices, voteOptions, voteProxies, votes, voteTallyChanges } from './schema';

type VoteRow = typeof votes.$inferSelect;

function findVote(db: Db, id: number): VoteRow {
  const v = db.orm.select().from(votes).where(eq(votes.id, id)).get();
  if (!v) throw new ApiError('NOT_FOUND', `找不到编号为 ${id} 的表决，请刷新后重试`);
  return v;
}

const parse = <T>(json: string | null): T | null => (json == null ? null : (JSON.parse(json) as T));

/** A household present with no representative named: it votes once all the same, never dropped. */
interface HouseholdVoter {
  householdId: number;
  name: string;
}

/** The frozen voters: person ids, and households whose line names no signer. */
function frozenVoters(v: Pick<VoteRow, 'eligibleVoters'>): { personIds: number[]; households: HouseholdVoter[] } {
  const all = parse<(number | HouseholdVoter)[]>(v.eligibleVoters) ?? [];
  return {
    personIds: all.filter((x): x is number => typeof x === 'number'),
    households: all.filter((x): x is HouseholdVoter => typeof x === 'object' && x != null),
  };
}

function frameOf(v: VoteRow, labels: string[]): VoteFrame {
  return { kind: v.kind, method: v.method as VoteMethod, expected: v.expected, eligible: v.eligible, labels };
}

/** Problems with the counts, what is left to count, and the outcome they would give (core/rules/tally). */
function evaluate(db: Db, v: VoteRow, counts: VoteCounts, labels: string[]) {
  return checkVote(frameOf(v, labels), ruleSetOf(findMeeting(db, v.meetingId)), counts);
}

/**
 * A saved tally (a vote's columns, or one side of a 唱票复核 record) as typed counts. An options
 * vote is saved as { options, abstain } (earlier: the bare list of option counts, no 弃权).
 */
function savedCounts(kind: VoteRow['kind'], tally: unknown, ballots: unknown): SavedCounts {
  const options =
    kind !== 'options' || tally == null
      ? null
      : Array.isArray(tally)
        ? { options: tally as number[], abstain: 0 }
        : (tally as { options: number[]; abstain: number });
  return {
    tally: kind === 'proposal' && tally != null && !Array.isArray(tally) ? (tally as Tally) : null,
    optionVotes: options?.options ?? null,
    ...(kind === 'options' ? { optionAbstain: options?.abstain ?? null } : {}),
    ballots: ballots == null ? null : (ballots as BallotCounts),
  };
}

function optionsOf(db: Db, voteId: number) {
  return db.orm
    .select({ proposalId: voteOptions.proposalId, label: voteOptions.label, title: proposals.title })
    .from(voteOptions)
    .innerJoin(proposals, eq(proposals.id, voteOptions.proposalId))
    .where(eq(voteOptions.voteId, voteId))
    .orderBy(asc(voteOptions.position))
    .all();
}

/**
 * Votes as the screens show them, read together: each related table is asked once for all the
 * votes (a meeting's list no longer runs a dozen queries per vote), and the meeting's rules are
 * read once.
 */
function votesWithDetail(db: Db, rows: VoteRow[]): Vote[] {
  if (rows.length === 0) return [];
  const ids = rows.map((v) => v.id);
  const options = groupBy(
    db.orm
      .select({ voteId: voteOptions.voteId, proposalId: voteOptions.proposalId, label: voteOptions.label, title: proposals.title })
      .from(voteOptions)
      .innerJoin(proposals, eq(proposals.id, voteOptions.proposalId))
      .where(inArray(voteOptions.voteId, ids))
      .orderBy(asc(voteOptions.voteId), asc(voteOptions.position))
      .all(),
    ({ voteId, ...o }) => [voteId, o],
  );
  const proxies = groupBy(
    db.orm.select().from(voteProxies).where(inArray(voteProxies.voteId, ids)).orderBy(asc(voteProxies.voteId), asc(voteProxies.grantorPersonId)).all(),
    (p) => [p.voteId, p],
  );
  const frozen = new Map(rows.map((v) => [v.id, frozenVoters(v)]));
  const personIds = new Set<number>();
  for (const f of frozen.values()) for (const id of f.personIds) personIds.add(id);
  for (const list of proxies.values()) for (const p of list) personIds.add(p.grantorPersonId).add(p.holderPersonId);
  const names = new Map(
    (personIds.size
      ? db.orm
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inArray(people.id, [...personIds]))
          .all()
      : []
    ).map((p) => [p.id, p.name]),
  );
  const corrections = new Map(
    db.orm
      .select({ voteId: voteTallyChanges.voteId, n: count() })
      .from(voteTallyChanges)
      .where(inArray(voteTallyChanges.voteId, ids))
      .groupBy(voteTallyChanges.voteId)
      .all()
      .map((r) => [r.voteId, r.n]),
  );
  const resolutionOf = new Map(
    db.orm
      .select({ voteId: resolutions.voteId, id: resolutions.id, number: resolutions.number })
      .from(resolutions)
      .where(inArray(resolutions.voteId, ids))
      .all()
      .map(({ voteId, ...r }) => [voteId, r]),
  );
  const rollCalls = groupBy(
    db.orm
      .select({ voteId: voteChoices.voteId, personId: voteChoices.personId, choice: voteChoices.choice })
      .from(voteChoices)
      .where(inArray(voteChoices.voteId, ids))
      .orderBy(asc(voteChoices.voteId), asc(voteChoices.personId))
      .all(),
    ({ voteId, ...c }) => [voteId, c],
  );
  const rulesOf = new Map<number, ReturnType<typeof ruleSetOf>>();
  const rules = (meetingId: number) => {
    let r = rulesOf.get(meetingId);
    if (!r) rulesOf.set(meetingId, (r = ruleSetOf(findMeeting(db, meetingId))));
    return r;
  };

  return rows.map((v) => {
    const voteOptionsOf = options.get(v.id) ?? [];
    const voteProxiesOf = proxies.get(v.id) ?? [];
    const { personIds: voterIds, households: householdVoters } = frozen.get(v.id)!;
    const counts = savedCounts(v.kind, parse(v.tally), parse(v.ballots));
    const labels = voteOptionsOf.map((o) => o.label);
    return {
      id: v.id,
      meetingId: v.meetingId,
      agendaItemId: v.agendaItemId,
      kind: v.kind,
      proposalId: v.proposalId,
      options: voteOptionsOf,
      method: v.method as VoteMethod,
      status: v.status,
      expected: v.expected,
      eligible: v.eligible,
      voters: [
        ...voterIds.map((pid) => ({ personId: pid, name: names.get(pid) ?? `人员${pid}`, viaProxyOf: null })),
        ...voteProxiesOf.map((p) => ({
          personId: p.grantorPersonId,
          name: names.get(p.grantorPersonId) ?? '',
          viaProxyOf: names.get(p.holderPersonId) ?? '',
        })),
      ],
      households: householdVoters,
      proxies: voteProxiesOf.map((p) => ({
        grantorName: names.get(p.grantorPersonId) ?? '',
        holderName: names.get(p.holderPersonId) ?? '',
        document: p.document,
      })),
      tally: counts.tally,
      optionVotes: counts.optionVotes,
      optionAbstain: counts.optionAbstain ?? null,
      ballots: counts.ballots,
      rollCall: rollCalls.get(v.id) ?? [],
      tellers: v.tellers,
      counters: v.counters,
      check: checkVote(frameOf(v, labels), rules(v.meetingId), counts),
      outcome: v.outcome,
      winnerProposalId: v.winnerProposalId,
      explanation: v.explanation,
      corrections: Math.max(0, (corrections.get(v.id) ?? 0) - 1),
      resolution: resolutionOf.get(v.id) ?? null,
    };
  });
}

function groupBy<T, K, V>(items: T[], entry: (item: T) => [K, V]): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const item of items) {
    const [key, value] = entry(item);
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}

export function getVote(db: Db, id: number): Vote {
  return votesWithDetail(db, [findVote(db, id)])[0]!;
}

export function listVotes(db: Db, meetingId: number): { items: Vote[] } {
  findMeeting(db, meetingId);
  return { items: votesWithDetail(db, db.orm.select().from(votes).where(eq(votes.meetingId, meetingId)).orderBy(asc(votes.id)).all()) };
}

const OPTION_LABELS = ['方案一', '方案二', '方案三', '方案四', '方案五', '方案六', '方案七', '方案八', '方案九', '方案十'];

export function openVote(tx: Tx, input: ParsedInput<'votes.open'>): Vote {
  const item = tx.orm.select().from(agendaItems).where(eq(agendaItems.id, input.agendaItemId)).get();
  if (!item) throw new ApiError('NOT_FOUND', `找不到编号为 ${input.agendaItemId} 的议题，请刷新后重试`);
  const m = findMeeting(tx, item.meetingId);
  assertNotFinalized(m, '表决');
  if (m.status !== '进行中') throw new ApiError('FORBIDDEN', `会议状态为“${m.status}”，只有进行中的会议可以表决`);
  const def = ruleSetOf(m);
  const quorum = quorumOf(tx, m);
  if (!quorum.met) {
    throw new ApiError(
      'FORBIDDEN',
      `${ruleGrounds(def)}${def.meetingKind}${quorum.rule}；现实到 ${quorum.present} 人，还差 ${quorum.missing} 人，不能开始表决`,
    );
  }
  const ids = [...new Set(input.proposalIds)];
  const list = ids.map((pid) => findProposal(tx, pid));
  for (const p of list) {
    if (p.agendaItemId !== item.id) throw new ApiError('INVALID_INPUT', `议案“${p.title}”不在这个议题下`);
    if (p.status !== '提出' && p.status !== '讨论中') throw new ApiError('FORBIDDEN', `议案“${p.title}”已${p.status}，不能再表决`);
    if (def.secondersRequired > 0 && (JSON.parse(p.seconders) as string[]).length < def.secondersRequired) {
      throw new ApiError('FORBIDDEN', `本类会议的议案需要 ${def.secondersRequired} 人附议，议案“${p.title}”附议人数不足`);
    }
  }
  if (list.length > 1 && list.some((p) => p.amendsId != null)) throw new ApiError('INVALID_INPUT', '修正案应单独表决，不能与其他方案一起作为选项');
  const open = tx.orm
    .select({ id: votes.id })
    .from(votes)
    .where(and(inArray(votes.proposalId, ids), eq(votes.status, '进行中')))
    .get();
  if (open) throw new ApiError('CONFLICT', '这个议案已有一次正在进行的表决，请先确认或作废那次表决');

  // Voters are frozen now: exactly the lines the quorum counts as 实到 (列席 and 预备党员 never vote).
  // A household votes once, by its signer; a household line with no signer named still votes, as the household.
  const present = presentLines(tx, m.id);
  const voters = [...new Set(present.filter((l) => l.personId != null).map((l) => l.personId!))];
  const unnamed: HouseholdVoter[] = present
    .filter((l) => l.personId == null && l.householdId != null)
    .map((l) => ({
      householdId: l.householdId!,
      name: `${tx.orm.select({ no: households.number }).from(households).where(eq(households.id, l.householdId!)).get()?.no ?? ''}户`,
    }));
  if (voters.length + unnamed.length !== quorum.present) {
    throw new ApiError('CONFLICT', `签到表实到 ${quorum.present} 人，但能确定的表决人只有 ${voters.length + unnamed.length} 人；请核对签到表后再开始表决`);
  }
  if (input.method === '记名' && unnamed.length > 0) {
    throw new ApiError(
      'INVALID_INPUT',
      `记名表决要逐人登记选择，以下户签到时没有写明户代表：${unnamed.map((h) => h.name).join('、')}。请在签到表中为这些户选定一名年满十八周岁的户代表，或改用举手、无记名表决`,
    );
  }
  const proxies = input.proxies ?? [];
  if (proxies.length > 0) {
    if (!def.proxies.allowed) throw new ApiError('FORBIDDEN', `${ruleGrounds(def)}${def.meetingKind}不允许委托投票；如本地规定允许，请复制会议类型后开启`);
    const perHolder = new Map<number, number>();
    for (const p of proxies) {
      if (!voters.includes(p.holderPersonId)) throw new ApiError('INVALID_INPUT', '受托人必须是已签到的有表决权人员');
      if (voters.includes(p.grantorPersonId)) throw new ApiError('INVALID_INPUT', '委托人本人已到会，不能再委托他人投票');
      perHolder.set(p.holderPersonId, (perHolder.get(p.holderPersonId) ?? 0) + 1);
      if (perHolder.get(p.holderPersonId)! > def.proxies.maxPerHolder) throw new ApiError('INVALID_INPUT', `每人最多接受 ${def.proxies.maxPerHolder} 人的委托`);
    }
  }
  const at = tx.clock.instant;
  const v = tx.orm
    .insert(votes)
    .values({
      meetingId: m.id,
      agendaItemId: item.id,
      kind: list.length > 1 ? 'options' : 'proposal',
      proposalId: list.length === 1 ? list[0]!.id : null,
      method: input.method,
      expected: quorum.expected,
      eligible: voters.length + unnamed.length + proxies.length,
      eligibleVoters: JSON.stringify([...voters, ...unnamed]),
      tellers: input.tellers?.trim() || null,
      counters: input.counters?.trim() || null,
      openedAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  if (list.length > 1)
    list.forEach((p, i) =>
      tx.orm
        .insert(voteOptions)
        .values({ meetingId: m.id, voteId: v.id, proposalId: p.id, label: OPTION_LABELS[i]!, position: i + 1 })
        .run(),
    );
  for (const p of proxies)
    tx.orm
      .insert(voteProxies)
      .values({ meetingId: m.id, voteId: v.id, ...p, createdAt: at })
      .run();
  for (const p of list) tx.orm.update(proposals).set({ status: '表决', updatedAt: at }).where(eq(proposals.id, p.id)).run();
  appendAudit(tx, { action: 'vote.open', entity: 'vote', entityId: v.id, after: v });
  return getVote(tx, v.id);
}

export function recordVote(tx: Tx, input: ParsedInput<'votes.record'>): Vote {
  const v = findVote(tx, input.id);
  assertNotFinalized(findMeeting(tx, v.meetingId), '修改表决');
  if (v.status !== '进行中') throw new ApiError('FORBIDDEN', `这次表决${v.status}，不能再修改计票`);
  const options = optionsOf(tx, v.id);
  const labels = options.map((o) => o.label);
  const saved = savedCounts(v.kind, parse(v.tally), parse(v.ballots));
  let tally = input.tally ?? saved.tally;
  let optionVotes = input.optionVotes ?? saved.optionVotes;
  let optionAbstain = input.optionAbstain ?? (input.optionVotes ? 0 : saved.optionAbstain);
  if (input.optionAbstain != null && v.kind !== 'options') throw new ApiError('INVALID_INPUT', '单个议案的弃权票请填在“弃权”中；“方案弃权”只用于多方案表决');
  if (v.method === '举手' && input.ballots) throw new ApiError('INVALID_INPUT', '举手表决不发选票，不填写发出、收回、有效、无效选票数');
  if (input.rollCall) {
    if (v.method !== '记名') throw new ApiError('INVALID_INPUT', '只有记名表决才逐人登记选择');
    const allowed = new Set([
      ...frozenVoters(v).personIds,
      ...tx.orm
        .select({ id: voteProxies.grantorPersonId })
        .from(voteProxies)
        .where(eq(voteProxies.voteId, v.id))
        .all()
        .map((p) => p.id),
    ]);
    const valid = v.kind === 'proposal' ? ['赞成', '反对', '弃权'] : [...labels, '弃权'];
    const seen = new Set<number>();
    for (const c of input.rollCall) {
      if (!allowed.has(c.personId)) {
        const who = tx.orm.select({ name: people.name }).from(people).where(eq(people.id, c.personId)).get();
        throw new ApiError('INVALID_INPUT', `${who?.name ?? `编号 ${c.personId} 的人员`}不在本次表决开始时的有表决权人员中，不能登记其选择`);
      }
      if (seen.has(c.personId)) throw new ApiError('INVALID_INPUT', '同一人的选择登记了两次，请核对');
      seen.add(c.personId);
      if (!valid.includes(c.choice)) throw new ApiError('INVALID_INPUT', `选择只能是${valid.join('、')}`);
    }
    tx.orm.delete(voteChoices).where(eq(voteChoices.voteId, v.id)).run();
    for (const c of input.rollCall) tx.orm.insert(voteChoices).values({ meetingId: v.meetingId, voteId: v.id, personId: c.personId, choice: c.choice }).run();
    if (v.kind === 'proposal') {
      tally = {
        yes: input.rollCall.filter((c) => c.choice === '赞成').length,
        no: input.rollCall.filter((c) => c.choice === '反对').length,
        abstain: input.rollCall.filter((c) => c.choice === '弃权').length,
      };
    } else {
      optionVotes = labels.map((l) => input.rollCall!.filter((c) => c.choice === l).length);
      optionAbstain = input.rollCall.filter((c) => c.choice === '弃权').length;
    }
  }
  const ballots = v.method === '举手' ? null : (input.ballots ?? saved.ballots);
  const check = evaluate(tx, v, { tally, optionVotes, optionAbstain, ballots }, labels);
  if (check.problems.length > 0) throw new ApiError('INVALID_INPUT', `计票数字对不上，没有保存：${check.problems.join('；')}`);
  const before = v.tally == null ? null : { tally: parse(v.tally), ballots: parse(v.ballots) };
  if (before && !input.reason?.trim()) throw new ApiError('INVALID_INPUT', '已经录入过计票结果；修改请填写更正原因（唱票复核）');
  const nextTally = JSON.stringify(v.kind === 'proposal' ? tally : { options: optionVotes, abstain: optionAbstain ?? 0 });
  tx.orm
    .update(votes)
    .set({
      tally: nextTally,
      ballots: ballots ? JSON.stringify(ballots) : null,
      tellers: input.tellers === undefined ? v.tellers : input.tellers.trim() || null,
      counters: input.counters === undefined ? v.counters : input.counters.trim() || null,
      updatedAt: tx.clock.instant,
    })
    .where(eq(votes.id, v.id))
    .run();
  const after = { tally: JSON.parse(nextTally) as unknown, ballots };
  tx.orm
    .insert(voteTallyChanges)
    .values({
      meetingId: v.meetingId,
      voteId: v.id,
      at: tx.clock.instant,
      actor: tx.actor.name,
      before: before ? JSON.stringify(before) : null,
      after: JSON.stringify(after),
      reason: input.reason?.trim() || null,
    })
    .run();
  appendAudit(tx, {
    action: before ? 'vote.correct' : 'vote.record',
    entity: 'vote',
    entityId: v.id,
    before: before ?? undefined,
    after: { ...after, reason: input.reason },
  });
  return getVote(tx, v.id);
}

export function confirmVote(tx: Tx, input: ParsedInput<'votes.confirm'>): Vote {
  const { id } = input;
  const v = findVote(tx, id);
  const m = findMeeting(tx, v.meetingId);
  assertNotFinalized(m, '确认表决');
  if (v.status !== '进行中') throw new ApiError('FORBIDDEN', `这次表决${v.status}`);
  const current = getVote(tx, id);
  if ((v.kind === 'proposal' && !current.tally) || (v.kind === 'options' && !current.optionVotes))
    throw new ApiError('INVALID_INPUT', '请先录入计票结果再确认');
  if (current.check.problems.length) throw new ApiError('INVALID_INPUT', current.check.problems.join('；'));
  const at = tx.clock.instant;
  const outcome = decideVote(
    frameOf(
      v,
      current.options.map((o) => o.label),
    ),
    ruleSetOf(m),
    current,
  );
  const winner = v.kind === 'proposal' ? (outcome.passed ? v.proposalId : null) : outcome.winner == null ? null : current.options[outcome.winner]!.proposalId;
  const passed = winner != null;
  tx.orm
    .update(votes)
    .set({ status: '已确认', outcome: passed ? '通过' : '未通过', winnerProposalId: winner, explanation: outcome.explanation, confirmedAt: at, updatedAt: at })
    .where(eq(votes.id, id))
    .run();
  const decided = v.kind === 'proposal' ? [v.proposalId!] : current.options.map((o) => o.proposalId);
  for (const pid of decided)
    tx.orm
      .update(proposals)
      .set({ status: pid === winner ? '通过' : '未通过', updatedAt: at })
      .where(eq(proposals.id, pid))
      .run();
  appendAudit(tx, { action: 'vote.confirm', entity: 'vote', entityId: id, before: v, after: findVote(tx, id) });
  if (winner != null) {
    const p = findProposal(tx, winner);
    if (p.amendsId != null) {
      // A passed amendment changes the text the main proposal will be voted on; it is not a resolution.
      const parent = findProposal(tx, p.amendsId);
      tx.orm.update(proposals).set({ text: p.text, updatedAt: at }).where(eq(proposals.id, parent.id)).run();
      appendAudit(tx, { action: 'proposal.amended', entity: 'proposal', entityId: parent.id, before: parent, after: findProposal(tx, parent.id) });
    } else if (v.kind === 'options') {
      // The resolution says what was asked and which option won, not just the option's name.
      const question = tx.orm.select({ title: agendaItems.title }).from(agendaItems).where(eq(agendaItems.id, v.agendaItemId)).get()?.title.trim() ?? '';
      const option = current.options.find((o) => o.proposalId === winner)!;
      const chosen = p.title.trim().startsWith(option.label) ? p.title.trim() : `${option.label}：${p.title.trim()}`;
      const title = question ? `${question}（采用${chosen}）` : `采用${chosen}`;
      createResolution(tx, { meeting: m, voteId: id, proposal: p, title });
    } else {
      createResolution(tx, { meeting: m, voteId: id, proposal: p });
    }
  }
  return getVote(tx, id);
}

export function cancelVote(tx: Tx, input: ParsedInput<'votes.cancel'>): Vote {
  const { id, reason } = input;
  const v = findVote(tx, id);
  assertNotFinalized(findMeeting(tx, v.meetingId), '作废表决');
  if (v.status !== '进行中') throw new ApiError('FORBIDDEN', `这次表决${v.status}，不能作废`);
  const at = tx.clock.instant;
  tx.orm.update(votes).set({ status: '已作废', updatedAt: at }).where(eq(votes.id, id)).run();
  const ids = v.proposalId ? [v.proposalId] : optionsOf(tx, id).map((o) => o.proposalId);
  for (const pid of ids) tx.orm.update(proposals).set({ status: '讨论中', updatedAt: at }).where(eq(proposals.id, pid)).run();
  appendAudit(tx, { action: 'vote.cancel', entity: 'vote', entityId: id, before: v, after: { ...findVote(tx, id), reason } });
  return getVote(tx, id);
}

/** 唱票复核: every save of the counts, oldest first, each side as typed counts. */
export function voteHistory(db: Db, id: number) {
  const v = findVote(db, id);
  const side = (json: string) => {
    const x = parse<{ tally?: unknown; ballots?: unknown }>(json);
    return savedCounts(v.kind, x?.tally, x?.ballots);
  };
  return {
    items: db.orm
      .select({
        at: voteTallyChanges.at,
        actor: voteTallyChanges.actor,
        before: voteTallyChanges.before,
        after: voteTallyChanges.after,
        reason: voteTallyChanges.reason,
      })
      .from(voteTallyChanges)
      .where(eq(voteTallyChanges.voteId, id))
      .orderBy(asc(voteTallyChanges.id))
      .all()
      .map((r) => ({ ...r, before: r.before == null ? null : side(r.before), after: side(r.after) })),
  };
}
