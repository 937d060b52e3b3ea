// Realistic data for the Word builders: a 村民代表会议 of 45 representatives, 31 present.
import type { BallotData, MinutesData, NoticeData, ResolutionNoticeData, SignInSheetData } from '../../../electron/documents/types';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈'];
const GIVEN = ['建国', '秀英', '桂兰', '志强', '海燕', '玉梅', '德明', '春生', '淑芬', '永福', '红霞', '国庆', '金凤', '长林', '丽娟', '树森'];

/** n distinct three-character names, the same on every run. */
export function names(n: number, offset = 0): string[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    return SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length]!;
  });
}

const all = names(45);
export const PRESENT = all.slice(0, 31);
export const ON_LEAVE = all.slice(31, 37);
export const ABSENT = all.slice(37, 45);

const header = {
  orgName: '青石村',
  issuer: '青石村村民委员会',
  title: '青石村2026年第三次村民代表会议',
  typeName: '村民代表会议',
  date: '2026-11-25',
  startTime: '09:00',
  endTime: '11:40',
  place: '青石村村民委员会二楼会议室',
  chairName: PRESENT[0]!,
  recorderName: PRESENT[1]!,
  ruleSource: '《中华人民共和国村民委员会组织法》第二十五条、第二十六条',
};

const roadExplanation =
  '应到 45 人，实到 31 人，赞成 16 票，反对 10 票，弃权 5 票；超过实到人数的半数（15.5），通过。依据：《中华人民共和国村民委员会组织法》第二十六条';

export const minutesData: MinutesData = {
  ...header,
  expected: 45,
  present: 31,
  quorum: { threshold: { fraction: { num: 2, den: 3 }, comparison: 'atLeast' }, citation: '《中华人民共和国村民委员会组织法》第二十五条' },
  attendees: PRESENT.map((name, i) => ({ name, late: i === 30, arrivedAt: i === 30 ? '09:25' : '08:50' })),
  onLeave: ON_LEAVE.map((name, i) => ({ name, reason: i === 0 ? '外出务工' : i === 1 ? '因病住院' : null })),
  absent: ABSENT.map((name) => ({ name })),
  leftEarly: [{ name: PRESENT[29]!, leftAt: '11:05' }],
  observers: [
    { name: '周文华', unit: '青石镇人民政府' },
    { name: '钱立新', unit: '青石镇人民政府' },
    { name: '孔繁星', unit: '青石村党支部' },
  ],
  departments: [{ department: '镇农业农村办', name: '许志远', arrivedAt: '09:10' }],
  items: [
    {
      title: '关于村东组道路硬化工程实施方案的议题',
      presenter: PRESENT[2]!,
      description:
        '村东组现有道路1.2公里为土路，雨天泥泞，群众出行不便。村民委员会拟使用“一事一议”财政奖补资金和村集体经济收入，对该路段进行硬化，宽4.5米，预算48.6万元。',
      speeches: [
        { speaker: PRESENT[3]!, content: '道路硬化是群众多年的期盼，我赞成尽快实施，建议施工前把排水沟一并规划。' },
        { speaker: PRESENT[4]!, content: '预算偏高，建议公开招标，请镇里派人监督。\n另外，施工期间要安排好老人孩子的出行。' },
        { speaker: PRESENT[5]!, content: '集体收入要留一部分用于养老补贴，不能全部用于修路。' },
      ],
      proposals: [
        {
          title: '关于村东组道路硬化工程的议案',
          text: '使用奖补资金和村集体经济收入48.6万元，硬化村东组道路1.2公里，公开招标选定施工单位。',
          proposer: '村民委员会',
          status: '通过',
        },
      ],
      votes: [
        {
          method: '无记名',
          subject: '关于村东组道路硬化工程的议案',
          options: null,
          yes: 16,
          no: 10,
          abstain: 5,
          eligible: 31,
          ballots: { issued: 31, returned: 31, valid: 31, invalid: 0 },
          tellers: `${PRESENT[6]!}、${PRESENT[7]!}`,
          counters: PRESENT[8]!,
          outcome: '通过',
          explanation: roadExplanation,
        },
      ],
    },
    {
      title: '关于村文化广场命名的议题',
      presenter: PRESENT[9]!,
      description: '村文化广场即将建成，村民委员会征集了两个名称方案，提请会议选择。',
      speeches: [{ speaker: PRESENT[10]!, content: '“石溪广场”有本村特色，我支持方案二。' }],
      proposals: [],
      votes: [
        {
          method: '举手',
          subject: '方案一：青石文化广场 / 方案二：石溪广场',
          options: [
            { label: '方案一', title: '青石文化广场', votes: 12 },
            { label: '方案二', title: '石溪广场', votes: 19 },
          ],
          yes: null,
          no: null,
          abstain: null,
          eligible: 31,
          ballots: null,
          tellers: null,
          counters: null,
          outcome: '通过',
          explanation:
            '应到 45 人，实到 31 人；方案一 12 票，方案二 19 票；方案二获得的票数超过实到人数的半数（15.5），方案二通过。依据：本村村民代表会议议事规则',
        },
      ],
    },
    {
      title: '通报2026年度低保评议工作安排',
      presenter: PRESENT[11]!,
      description: null,
      speeches: [],
      proposals: [],
      votes: [],
    },
  ],
  resolutions: [
    {
      number: '〔2026〕7号',
      title: '关于实施村东组道路硬化工程的决议',
      text: '同意使用奖补资金和村集体经济收入48.6万元硬化村东组道路1.2公里，公开招标选定施工单位。',
    },
    { number: '〔2026〕8号', title: '关于村文化广场命名的决议', text: '村文化广场命名为“石溪广场”。' },
  ],
  attendeeSignatures: true,
  addenda: [{ date: '2026-11-28', text: '第一项议题中道路宽度“4.5米”应为“5米”。', by: PRESENT[1]! }],
};

export const signInData: SignInSheetData = {
  ...header,
  rows: names(80, 3).map((name, i) => ({
    name,
    groupOrHousehold: `第${(i % 8) + 1}组 ${String(101 + i).padStart(4, '0')}户`,
    role: i % 17 === 0 ? '村民代表' : null,
  })),
  observers: [
    { name: '周文华', unit: '青石镇人民政府' },
    { name: '孔繁星', unit: '预备党员（无表决权）' },
  ],
};

export const ballotData: BallotData = {
  orgName: header.orgName,
  meetingTitle: header.title,
  date: header.date,
  subject: '关于村东组道路硬化工程的议案',
  kind: 'proposal',
  method: '无记名',
  options: [],
  count: 31,
  perPage: 2,
  tellers: `${PRESENT[6]!}、${PRESENT[7]!}`,
  counters: PRESENT[8]!,
};

export const optionBallotData: BallotData = {
  ...ballotData,
  subject: '村文化广场命名',
  kind: 'options',
  options: ['方案一：青石文化广场', '方案二：石溪广场', '方案三：青石村民广场'],
  count: 10,
  perPage: 4,
};

export const noticeData: NoticeData = {
  ...header,
  audience: '全体村民代表',
  agenda: ['审议村东组道路硬化工程实施方案', '选择村文化广场名称', '通报2026年度低保评议工作安排'],
  noticeDate: '2026-11-20',
  urgentReason: null,
};

export const urgentNoticeData: NoticeData = {
  ...noticeData,
  noticeDate: '2026-11-24',
  urgentReason: '受寒潮影响，道路硬化工程须在封冻前开工，需尽快作出决定',
};

export const resolutionNoticeData: ResolutionNoticeData = {
  orgName: header.issuer,
  meetingTitle: header.title,
  meetingDate: header.date,
  resolutions: [
    { ...minutesData.resolutions[0]!, explanation: roadExplanation },
    { ...minutesData.resolutions[1]!, explanation: minutesData.items[1]!.votes[0]!.explanation },
  ],
  postFrom: '2026-11-26',
  postTo: '2026-12-10',
  minimumDays: 15,
  issuedDate: '2026-11-26',
};

/** 2,000 characters of Chinese with no line breaks and no punctuation, for counting lines and characters. */
export const LONG_TEXT = '村民代表会议讨论了集体经济组织收益分配方案大家认为应当公开透明按程序办理'.repeat(60);

/** Minutes whose only content after the header is one long paragraph: page 2 is all body text. */
export const fullPageData: MinutesData = {
  ...minutesData,
  expected: 3,
  present: 3,
  attendees: PRESENT.slice(0, 3).map((name) => ({ name, late: false, arrivedAt: null })),
  onLeave: [],
  absent: [],
  leftEarly: [],
  observers: [],
  departments: [],
  attendeeSignatures: false,
  addenda: [],
  resolutions: [],
  items: [{ title: '长段落', presenter: null, description: LONG_TEXT, speeches: [], proposals: [], votes: [] }],
};
