/** Generated packages for the hub's benchmark and tests: one community's ten years, deterministic per index. */
import crypto from 'node:crypto';
import { type ReportBody } from '../../exchange';

export const YEARS = Number(process.env.BENCH_YEARS || 10);
export const FIRST_YEAR = 2017;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const departments = ['城管执法中队', '住建办', '派出所', '市场监管所', '环卫所', '供电所', '水务站', '民政科'];
const satisfactions = ['满意', '基本满意', '不满意', null] as const;

/** One community's ten years: ~24 meetings, 30 resolutions, 40 topics, 30 summons and 6 matters a year; a rule; a small file per finalized meeting. */
export function tenYears(index: number, name: string, options: { documents?: boolean } = {}): ReportBody {
  const r = rng(index + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const body: ReportBody = {
    organization: { name, kind: index % 3 === 0 ? '村' : '社区', committeeName: null, superiorName: null },
    sinceAcknowledged: 0,
    meetings: [],
    resolutions: [],
    topics: [],
    summons: [],
    matters: [],
    rules: [],
    documents: [],
  };
  for (let y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
    for (let i = 0; i < 24; i++) {
      const date = `${y}-${pad(Math.floor(i / 2) + 1)}-${pad(1 + Math.floor(r() * 27))}`;
      const uid = `meeting-${y}-${i}`;
      const expected = 20 + Math.floor(r() * 60);
      body.meetings.push({
        uid,
        title: `${pick(['居民代表会议', '两委联席会议', '党员大会', '居民议事会'])}（${date}）`,
        typeName: pick(['居民代表会议', '两委联席会议', '党员大会']),
        date,
        status: r() < 0.85 ? '已定稿' : '已结束',
        expected,
        present: Math.floor(expected * (0.6 + r() * 0.4)),
        finalizedAt: `${date}T10:00:00.000Z`,
        chairName: '主持人',
        outcomes: [{ title: '议题表决', result: '通过', eligible: expected, voters: expected - 3, for: expected - 5, against: 1, abstain: 1 }],
      });
      if (i % 4 === 0 && options.documents !== false) {
        const bytes = crypto.randomBytes(6000);
        body.documents.push({
          uid: `doc-${y}-${i}`,
          recordUid: uid,
          kind: '会议记录',
          fileName: `会议记录-${date}.docx`,
          sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
          base64: bytes.toString('base64'),
        });
      }
    }
    for (let i = 0; i < 30; i++) {
      const month = 1 + Math.floor(r() * 12);
      const deadline = `${y}-${pad(month)}-${pad(1 + Math.floor(r() * 27))}`;
      const done = r() < 0.8;
      body.resolutions.push({
        uid: `resolution-${y}-${i}`,
        meetingUid: `meeting-${y}-${Math.floor(r() * 24)}`,
        number: `〔${y}〕${i + 1}号`,
        title: `决议事项 ${y}-${i + 1}`,
        text: '决议内容'.repeat(20),
        responsible: '责任人',
        deadline,
        completedOn: done ? deadline : null,
        result: done ? '已完成' : null,
        progress: [{ date: deadline, percent: done ? 100 : Math.floor(r() * 90), text: '进展' }],
      });
    }
    for (let i = 0; i < 40; i++) {
      body.topics.push({
        uid: `topic-${y}-${i}`,
        receivedOn: `${y}-${pad(1 + (i % 12))}-10`,
        channel: '走访',
        category: null,
        title: `议题 ${y}-${i}`,
        status: '已办结',
        replyDueOn: null,
        closedOn: null,
        satisfaction: pick(satisfactions),
      });
    }
    for (let i = 0; i < 30; i++) {
      const at = Date.parse(`${y}-${pad(1 + (i % 12))}-${pad(1 + Math.floor(r() * 27))}T0${Math.floor(r() * 9)}:00:00.000Z`);
      const reported = r() < 0.9 ? new Date(at + Math.floor(r() * 48) * 3_600_000).toISOString() : null;
      body.summons.push({
        uid: `summons-${y}-${i}`,
        topicUid: `topic-${y}-${i}`,
        meetingUid: null,
        department: pick(departments),
        summonedAt: new Date(at).toISOString(),
        reportWithinHours: 24,
        reportedAt: reported,
        commitment: null,
        deadline: null,
        result: null,
        resolved: reported ? r() < 0.8 : null,
        evaluation: null,
        closedAt: null,
      });
    }
    for (let i = 0; i < 6; i++) {
      const steps = [1, 2, 3, 4, 5, 6]
        .filter(() => r() < 0.9)
        .map((step) => ({
          step,
          date: `${y}-${pad(2 * i + 1)}-${pad(step * 3)}`,
          form: step >= 5 ? ('公示' as const) : ('会议' as const),
          meetingUid: null,
          expected: null,
          present: null,
          content: '',
        }));
      body.matters.push({ uid: `matter-${y}-${i}`, title: `重大事项 ${y}-${i}`, category: null, createdOn: `${y}-${pad(2 * i + 1)}-01`, steps });
    }
  }
  body.rules.push({
    uid: 'rule-1',
    kind: '居民公约',
    title: `${name}居民公约`,
    stage: '备案',
    adoptedOn: `${FIRST_YEAR + YEARS - 1}-03-01`,
    presentCount: 40,
    womenPresent: 14,
    delegationBasis: null,
    filingDue: `${FIRST_YEAR + YEARS - 1}-03-11`,
    filingAuthority: '街道办事处',
    filedOn: index % 2 === 0 ? `${FIRST_YEAR + YEARS - 1}-03-08` : null,
    filingReceiptNo: null,
    publishedOn: null,
    steps: [],
    text: '第一条 ……'.repeat(200),
  });
  return body;
}
