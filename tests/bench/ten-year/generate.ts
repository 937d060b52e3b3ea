// Ten years of one 社区, written by the app's own handlers (app.ts batch: contract parsing, the
// handler, audit rows, one transaction per day) with the clock moved day by day. Ids are looked
// up with plain reads; every row is the app's.
import { zonedInstant, DEFAULT_TIME_ZONE } from '../../../core/clock';
import { followUpDefaults } from '../../../core/followup/data';
import { withCheckDigit } from '../../support/ids';
import { batch, type BatchCall, type Ctx } from './app';

/** Bump when the generated data changes: the cache key includes it. */
export const GENERATOR_VERSION = 3;

export const FIRST_YEAR = 2017;
export const PEOPLE = 8000;

type Action = (call: BatchCall, tolerate: BatchCall) => Promise<void>;

export interface GenerateOptions {
  years: number;
  /** Called after each year's last day has been written (the file is consistent then). */
  afterYear?: (year: number) => Promise<void> | void;
  progress?: (line: string) => void;
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
const at = (date: string, time: string) => new Date(zonedInstant(DEFAULT_TIME_ZONE, date, time));

// A fixed pseudo-random sequence, so every run writes the same history.
let seed = 20170101;
function rand(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史',
];
const given = [...'明华国建军秀英兰芳伟强磊洋勇艳杰娟涛超霞平刚桂玲丽萍红梅鹏飞宇辉敏静婷雪琳晨阳浩然子涵思雨欣怡博文'];
const departments = [
  '街道城管科',
  '街道综治中心',
  '区住建委',
  '区市政管理处',
  '派出所',
  '供电所',
  '自来水公司',
  '燃气公司',
  '物业公司',
  '区园林局',
  '区卫健委',
  '街道社区服务中心',
];
const topicTitles = [
  '楼道灯不亮',
  '小区停车难',
  '垃圾分类点异味',
  '电梯故障频繁',
  '路面破损积水',
  '广场舞噪音扰民',
  '绿化带被占用',
  '下水道堵塞',
  '老旧小区加装电梯',
  '外墙脱落隐患',
  '充电桩不足',
  '流浪猫扰民',
];
const places = ['1号楼', '3号楼', '5号楼', '北门', '南门', '中心广场', '社区活动室', '幼儿园门口', '菜市场', '地下车库'];

export function rosterRows() {
  return Array.from({ length: PEOPLE }, (_, i) => {
    const minor = i % 9 === 4;
    const year = minor ? 2006 + (i % 10) : 1940 + (i % 60);
    const birth = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const gender = i % 2 ? '女' : '男';
    return {
      name: surnames[i % surnames.length]! + given[(i * 7) % given.length]! + (i % 3 ? given[(i * 13) % given.length]! : ''),
      gender,
      birthDate: birth,
      idNumber: withCheckDigit(`${110101 + (i % 50)}${birth.replace(/-/g, '')}${String(Math.floor(i / 50) % 100).padStart(2, '0')}${gender === '男' ? 3 : 4}`),
      phone: `139${String(i).padStart(8, '0')}`,
      householdNo: String(1 + Math.floor(i / 2.7)).padStart(4, '0'),
      groupName: `第${(i % 12) + 1}网格`,
      tags: !minor && i % 10 === 3 ? '党员' : !minor && i % 61 === 7 ? '居民代表' : '',
      note: '',
    };
  });
}

interface BodyPlan {
  typeName: string;
  bodyName: string;
  kind: string;
  role: string;
  size: number;
  perYear: number;
}

// 146 meetings a year, about 47 on the sheet each: the 1,458 meetings and ~69k rows.
const plans: BodyPlan[] = [
  { typeName: '居民代表会议', bodyName: '和平里社区居民代表会议', kind: '居民代表会议', role: '居民代表', size: 60, perYear: 12 },
  { typeName: '党员大会', bodyName: '和平里社区党支部', kind: '党支部', role: '党员', size: 45, perYear: 12 },
  { typeName: '两委联席会议', bodyName: '和平里社区两委班子', kind: '两委班子', role: '委员', size: 9, perYear: 26 },
  { typeName: '议事协商会', bodyName: '和平里社区居民议事会', kind: '居民议事会', role: '议事代表', size: 65, perYear: 96 },
];

export interface World {
  orgId: number;
  personIds: number[];
  adults: number[];
}

/** Writes `years` years starting 2017-01-01 into the open, empty file behind `ctx`. */
export async function generate(ctx: Ctx, options: GenerateOptions): Promise<World> {
  const log = options.progress ?? (() => {});
  const sqlite = ctx.db.sqlite;
  const ids = (sql: string, ...args: unknown[]) =>
    sqlite
      .prepare(sql)
      .pluck()
      .all(...args) as number[];
  const one = (sql: string, ...args: unknown[]) =>
    sqlite
      .prepare(sql)
      .pluck()
      .get(...args) as number;

  const setupDay = `${FIRST_YEAR - 1}-12-01`;
  const t0 = performance.now();
  const world = await batch(ctx, at(setupDay, '09:00'), async (call) => {
    const org = await call('organizations.create', { name: '和平里社区', kind: '社区' });
    await call('roster.commit', { orgId: org.id, rows: rosterRows() });
    return { orgId: org.id };
  });
  log(`名册 ${PEOPLE} 人：${Math.round(performance.now() - t0)} ms`);
  const orgId = world.orgId;
  const personIds = ids('select id from people where org_id = ? order by id', orgId);
  const adults = ids("select id from people where org_id = ? and birth_date < '1999-01-01' order by id", orgId);
  const party = ids("select id from people where org_id = ? and tags like '%党员%' and birth_date < '1999-01-01' order by id", orgId);
  const nameOf = new Map(
    sqlite
      .prepare('select id, name from people where org_id = ?')
      .all(orgId)
      .map((r: any) => [r.id as number, r.name as string]),
  );
  const typeId = new Map(
    sqlite
      .prepare('select id, name from meeting_types where (org_id is null or org_id = ?) and archived = 0')
      .all(orgId)
      .map((r: any) => [r.name as string, r.id as number]),
  );

  const bodies: { plan: BodyPlan; id: number; members: number[] }[] = [];
  await batch(ctx, at(setupDay, '10:00'), async (call) => {
    let offset = 0;
    for (const plan of plans) {
      const body = await call('bodies.create', { orgId, name: plan.bodyName, kind: plan.kind, termStart: '2016-01-01' });
      const pool = plan.kind === '党支部' ? party : adults;
      const members = pool.slice(offset % (pool.length - plan.size), (offset % (pool.length - plan.size)) + plan.size);
      offset += plan.size * 7;
      await call('bodies.addMembers', { bodyId: body.id, personIds: members, role: plan.role, joinedOn: '2016-01-01' });
      bodies.push({ plan, id: body.id, members });
    }
  });

  // Everything after the setup happens on a day: actions queued by date, one transaction per day.
  const queue = new Map<string, Action[]>();
  const later = (date: string, action: Action) => {
    const list = queue.get(date) ?? [];
    list.push(action);
    queue.set(date, list);
  };
  const agendaTopics: number[] = [];
  const openTopics: number[] = [];

  function scheduleMeeting(body: (typeof bodies)[number], date: string, n: number) {
    const state = { meetingId: 0, items: [] as number[] };
    const title = `${date.slice(0, 4)}年第${n}次${body.plan.typeName}`;
    later(addDays(date, -7), async (call, tolerate) => {
      const m = await call('meetings.create', {
        orgId,
        meetingTypeId: typeId.get(body.plan.typeName)!,
        title,
        date,
        startTime: '19:00',
        place: '社区议事厅',
        basis: 'body',
        bodyId: body.id,
        chairName: '王书记',
        recorderName: '李文书',
      });
      state.meetingId = m.id;
      // A 议事协商会 takes up a resident's topic; the others have agendas of their own.
      const topic = body.plan.kind === '居民议事会' ? agendaTopics.shift() : undefined;
      if (topic) await tolerate('topics.toAgenda', { id: topic, meetingId: m.id, date: addDays(date, -7) });
      await call('agenda.add', { meetingId: m.id, title: `${pick(topicTitles)}的处理方案`, presenter: '王书记', plannedMinutes: 30 });
      if (!topic) await call('agenda.add', { meetingId: m.id, title: '社区公共收益使用情况', presenter: '李会计', plannedMinutes: 20 });
      state.items = ids('select id from agenda_items where meeting_id = ? order by position', m.id);
      await call('meetings.notify', { id: m.id, noticeDate: addDays(date, -7) });
    });
    later(date, async (call) => {
      const id = state.meetingId;
      await call('meetings.start', { id, startTime: '19:00' });
      const present = body.members.filter((_, i) => i % 7 !== 5);
      const away = body.members.filter((_, i) => i % 7 === 5).slice(0, 2);
      for (const [i, personId] of present.entries()) {
        await call('attendance.signIn', { meetingId: id, personId, time: `18:${String(30 + (i % 30)).padStart(2, '0')}` });
      }
      for (const personId of away) await call('attendance.setStatus', { meetingId: id, personId, status: '请假', reason: '外出' });
      const resolutions: number[] = [];
      for (const agendaItemId of state.items) {
        for (let s = 0; s < 3; s++) {
          const speaker = present[(s * 5 + agendaItemId) % present.length]!;
          await call('speeches.add', {
            agendaItemId,
            speakerPersonId: speaker,
            speakerName: nameOf.get(speaker)!,
            content: '同意方案，建议尽快落实，并请居委会定期公开进展。',
          });
        }
        const p = await call('proposals.create', {
          agendaItemId,
          title: `关于${title}议题的方案`,
          text: '由社区居委会牵头实施，所需经费从社区公益金列支。',
          proposerKind: 'body',
          proposerName: '社区党支部',
        });
        const v = await call('votes.open', { agendaItemId, proposalIds: [p.id], method: '举手' });
        await call('votes.record', { id: v.id, tally: { yes: present.length - 3, no: 2, abstain: 1 } });
        const done = await call('votes.confirm', { id: v.id });
        if (done.resolution) resolutions.push(done.resolution.id);
      }
      await call('meetings.end', { id, endTime: '21:00' });
      followUp(date, resolutions);
      later(addDays(date, 2), async (c) => {
        await c('meetings.finalize', { id });
      });
    });
  }

  function followUp(date: string, resolutions: number[]) {
    later(addDays(date, 1), async (call, tolerate) => {
      for (const [i, id] of resolutions.entries()) {
        await call('resolutions.update', { id, responsible: '社区居委会', deadline: addDays(date, 60) });
        if (i === 0) {
          const n = await tolerate('notices.create', {
            orgId,
            kind: '决议公开',
            resolutionId: id,
            title: `${date}决议公示`,
            content: '经会议表决通过，现予公示。',
            postedOn: addDays(date, 1),
            periodDays: 15,
            place: '社区公告栏',
          });
          if (n) later(addDays(date, 17), async (c) => void (await c('notices.takeDown', { id: n.id, takenDownOn: addDays(date, 17) })));
        }
      }
    });
    for (const [step, days] of [
      [40, 20],
      [80, 40],
    ] as const) {
      later(addDays(date, days), async (call) => {
        for (const resolutionId of resolutions)
          await call('followUp.addProgress', { resolutionId, date: addDays(date, days), text: `已完成约${step}%`, percent: step });
      });
    }
    later(addDays(date, 55), async (call) => {
      for (const resolutionId of resolutions) {
        if (resolutionId % 8 !== 0) await call('followUp.complete', { resolutionId, completedOn: addDays(date, 55), result: '已按决议落实，居民满意。' });
      }
    });
  }

  function newTopics(day: string, n: number): Action {
    return async (call) => {
      for (let k = 0; k < n; k++) {
        const r = rand();
        const raiser =
          r < 0.5
            ? { raiserKind: 'person' as const, raiserPersonId: pick(adults) }
            : r < 0.8
              ? { raiserKind: 'name' as const, raiserName: pick(surnames) + '阿姨' }
              : { raiserKind: 'anonymous' as const };
        const title = pick(topicTitles);
        const t = await call('topics.create', {
          orgId,
          receivedOn: day,
          channel: pick(followUpDefaults.topicChannels),
          ...raiser,
          place: pick(places),
          title,
          content: `${pick(places)}${title}，希望社区协调解决。`,
        });
        const fate = rand();
        if (fate < 0.4) {
          later(addDays(day, 3), async (c) => void (await c('topics.reply', { id: t.id, reply: '已协调物业处理，请继续关注。', date: addDays(day, 3) })));
          if (fate < 0.3)
            later(
              addDays(day, 5),
              async (_c, tol) =>
                void (await tol('topics.feedback', { id: t.id, satisfaction: pick(['满意', '基本满意', '不满意'] as const), date: addDays(day, 5) })),
            );
        } else if (fate < 0.67) {
          const department = pick(departments);
          later(addDays(day, 2), async (c) => {
            await c('topics.refer', {
              id: t.id,
              department,
              contact: '联络员',
              summonedAt: zonedInstant(DEFAULT_TIME_ZONE, addDays(day, 2), '09:00'),
              deadline: addDays(day, 12),
              date: addDays(day, 2),
            });
            const s = one('select id from summons where topic_id = ? order by id desc limit 1', t.id);
            if (rand() < 0.9)
              await c('summons.report', { id: s, reportedAt: zonedInstant(DEFAULT_TIME_ZONE, addDays(day, 2), rand() < 0.8 ? '15:00' : '20:00') });
            later(addDays(day, 10), async (_c2, tol) => {
              await tol('summons.complete', {
                id: s,
                result: '已处理完毕',
                resolved: rand() < 0.85,
                closedAt: zonedInstant(DEFAULT_TIME_ZONE, addDays(day, 10), '16:00'),
              });
              await tol('summons.evaluate', { id: s, evaluation: pick(['满意', '基本满意', '不满意'] as const) });
              await tol('topics.close', { id: t.id, result: '部门已办结', date: addDays(day, 10) });
            });
          });
        } else if (fate < 0.77) {
          later(
            addDays(day, 2),
            async (c) => void (await c('topics.reject', { id: t.id, reason: '不属于社区自治事项，已告知反映人向有关部门反映', date: addDays(day, 2) })),
          );
        } else if (fate < 0.83 && openTopics.length > 0) {
          const into = openTopics[openTopics.length - 1]!;
          later(addDays(day, 1), async (_c, tol) => void (await tol('topics.merge', { id: t.id, intoId: into, date: addDays(day, 1) })));
        } else if (fate < 0.97) {
          agendaTopics.push(t.id);
        } else {
          openTopics.push(t.id); // left 待分办: the home page's backlog
        }
        if (openTopics.length > 40) openTopics.shift();
      }
    };
  }

  function matter(day: string, n: number) {
    later(day, async (call, tolerate) => {
      const m = await call('matters.create', {
        orgId,
        title: `${day.slice(0, 4)}年第${n}项四议两公开事项`,
        content: '社区公共设施改造',
        category: '公共设施',
        createdOn: day,
      });
      await tolerate('matters.recordStep', { matterId: m.id, step: 1, date: day, expected: 9, present: 8, content: '社区党组织提议' });
      later(
        addDays(day, 7),
        async (_c, tol) =>
          void (await tol('matters.recordStep', { matterId: m.id, step: 2, date: addDays(day, 7), expected: 9, present: 9, content: '两委会议商议' })),
      );
    });
  }

  function rules(day: string, n: number) {
    later(day, async (call) => {
      await call('rules.create', {
        orgId,
        kind: '居民公约',
        title: `和平里社区居民公约（第${n}版）`,
        date: day,
        chapters: [{ title: '总则' }, { title: '邻里和睦' }, { title: '环境卫生' }, { title: '附则' }],
        articles: Array.from({ length: 32 }, (_, i) => ({
          chapterIndex: Math.min(3, Math.floor(i / 9)),
          text: `第${i + 1}条：居民应当遵守社区公约，爱护公共设施，文明养犬，垃圾分类投放，邻里互助。`,
        })),
      });
    });
  }

  // Meetings, matters and rule documents of every year are planned first: January's meetings are
  // created and notified in the last days of December.
  for (let y = 0; y < options.years; y++) {
    const year = FIRST_YEAR + y;
    for (const body of bodies) {
      for (let n = 0; n < body.plan.perYear; n++) {
        const day = 1 + Math.floor(((n + 0.5) * 364) / body.plan.perYear) + bodies.indexOf(body);
        scheduleMeeting(body, addDays(`${year}-01-01`, Math.min(day, 363)), n + 1);
      }
    }
    for (let n = 0; n < 20; n++) matter(addDays(`${year}-01-01`, 10 + n * 17), n + 1);
    if (y % 3 === 0) rules(`${year}-03-01`, y / 3 + 1);
  }
  for (let y = 0; y < options.years; y++) {
    const year = FIRST_YEAR + y;
    const t = performance.now();
    const first = y === 0 ? addDays(`${year}-01-01`, -8) : `${year}-01-01`;
    for (let day = first; day <= `${year}-12-31`; day = addDays(day, 1)) {
      if (day >= `${year}-01-01`) later(day, newTopics(day, (Date.parse(day) / 86_400_000) % 4 === 0 ? 2 : 3));
      const actions = queue.get(day);
      if (!actions) continue;
      queue.delete(day);
      await batch(ctx, at(day, '21:30'), async (call, tolerate) => {
        // Actions may queue more for the same day (a referral's report): drain until none are left.
        for (let i = 0; i < actions.length; i++) await actions[i]!(call, tolerate);
        for (let extra = queue.get(day); extra; extra = queue.get(day)) {
          queue.delete(day);
          for (const a of extra) await a(call, tolerate);
        }
      });
    }
    log(`第 ${y + 1} 年（${year}）：${Math.round((performance.now() - t) / 1000)} s`);
    await options.afterYear?.(y + 1);
  }
  return { orgId, personIds, adults };
}
