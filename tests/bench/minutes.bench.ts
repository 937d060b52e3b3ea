import { afterAll, bench, describe } from 'vitest';
import { buildMinutes } from '../../electron/documents/index';
import type { MinutesData, MinutesVote } from '../../electron/documents/types';

// Minutes of a very large meeting (100 agenda items, 500 attendees, 60 votes, 300,000 characters
// of discussion) and of one half that size. Speed is measured here, never asserted in tests.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈'];
const GIVEN = [...'明华国建军秀英兰芳伟强磊洋勇艳杰娟涛超'];
const name = (i: number) => SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 3 + 1) % GIVEN.length]!;
const PHRASE = '关于本村集体经济组织收益分配和公共设施维护的意见，建议公开透明、按程序办理。';

function meeting(scale: number): MinutesData {
  const items = 100 * scale;
  const attendees = 500 * scale;
  const votes = 60 * scale;
  const discussion = 300_000 * scale;
  const speechesPerItem = 10;
  const speechLength = Math.round(discussion / (items * speechesPerItem));
  const text = (seed: number) => (PHRASE.slice(seed % 7) + PHRASE.repeat(Math.ceil(speechLength / PHRASE.length))).slice(0, speechLength);
  const vote = (k: number): MinutesVote => ({
    method: k % 3 === 0 ? '举手' : k % 3 === 1 ? '记名' : '无记名',
    subject: `第${k + 1}项议案`,
    options: null,
    yes: 260 * scale,
    no: 100 * scale,
    abstain: 40 * scale,
    eligible: 400 * scale,
    ballots: k % 3 === 0 ? null : { issued: 400 * scale, returned: 400 * scale, valid: 400 * scale, invalid: 0 },
    tellers: `${name(1)}、${name(2)}`,
    counters: name(3),
    outcome: '通过',
    explanation: `应到 ${attendees} 人，实到 ${400 * scale} 人，赞成 ${260 * scale} 票；超过实到人数的半数，通过。依据：《中华人民共和国村民委员会组织法》第二十六条`,
  });
  return {
    orgName: '青石村',
    issuer: '青石村村民委员会',
    title: '青石村2026年第三次村民代表会议',
    typeName: '村民代表会议',
    date: '2026-11-25',
    startTime: '09:00',
    endTime: '17:30',
    place: '青石村文化礼堂',
    chairName: name(0),
    recorderName: name(1),
    ruleSource: '《中华人民共和国村民委员会组织法》第二十五条、第二十六条',
    expected: attendees,
    quorum: { threshold: { fraction: { num: 2, den: 3 }, comparison: 'atLeast' }, citation: '《中华人民共和国村民委员会组织法》第二十五条' },
    present: 400 * scale,
    attendees: Array.from({ length: attendees }, (_, i) => ({ name: name(i), late: i % 50 === 0, arrivedAt: '09:10' })),
    onLeave: Array.from({ length: 40 * scale }, (_, i) => ({ name: name(attendees + i), reason: '外出务工' })),
    absent: Array.from({ length: 60 * scale }, (_, i) => ({ name: name(attendees * 2 + i) })),
    leftEarly: [],
    observers: [{ name: '周文华', unit: '青石镇人民政府' }],
    departments: [],
    items: Array.from({ length: items }, (_, i) => ({
      title: `第${i + 1}项议题：公共事务`,
      presenter: name(i),
      description: text(i).slice(0, 100),
      speeches: Array.from({ length: speechesPerItem }, (_, k) => ({ speaker: name(i + k), content: text(i + k) })),
      proposals: [{ title: `第${i + 1}项议案`, text: text(i).slice(0, 200), proposer: name(i), status: '通过' }],
      // 60 votes spread over the first 60 items (30 over 30 at half size).
      votes: i < votes ? [vote(i)] : [],
    })),
    resolutions: Array.from({ length: votes }, (_, i) => ({ number: `〔2026〕${i + 1}号`, title: `第${i + 1}项决议`, text: text(i).slice(0, 120) })),
    attendeeSignatures: true,
    addenda: [],
  };
}

const large = meeting(1);
const half = meeting(0.5);

/**
 * Outside the bench loop: the median of three builds of each size, wall and CPU time (CPU time
 * is what a busy machine distorts least), the process's peak RSS after each size (half first:
 * peak RSS only rises), and the file size. Printed as a table at the end.
 */
const measured: { size: string; wallMs: number; cpuMs: number; peakRssMb: number; docxKb: number }[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const baselineRss = rssMb();
async function measure(size: string, data: MinutesData) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    bytes = (await buildMinutes(data)).length;
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  measured.push({ size, wallMs: Math.round(median(wall)), cpuMs: Math.round(median(cpu)), peakRssMb: rssMb(), docxKb: Math.round(bytes / 1024) });
}
await buildMinutes(half); // warm up the JIT, so the first size measured is not charged for it
await measure('half (50 items, 250 attendees, 30 votes, 150k chars)', half);
await measure('large (100 items, 500 attendees, 60 votes, 300k chars)', large);

afterAll(() => {
  console.table(measured);
  const [h, l] = measured;
  if (h && l) {
    console.info(
      `会议记录 large/half: wall ${(l.wallMs / h.wallMs).toFixed(2)}×, CPU ${(l.cpuMs / h.cpuMs).toFixed(2)}× (linear ≈ 2); ` +
        `peak RSS ${baselineRss} MB before, ${h.peakRssMb} MB after half (+${h.peakRssMb - baselineRss}), ${l.peakRssMb} MB after large (+${l.peakRssMb - h.peakRssMb} more)`,
    );
  }
});

describe('会议记录 .docx', () => {
  bench(
    'large: 100 items, 500 attendees, 60 votes, 300,000 characters',
    async () => {
      await buildMinutes(large);
    },
    { iterations: 5, time: 0 },
  );

  bench(
    'half: 50 items, 250 attendees, 30 votes, 150,000 characters',
    async () => {
      await buildMinutes(half);
    },
    { iterations: 5, time: 0 },
  );
});
