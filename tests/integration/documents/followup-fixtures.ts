// The road resolution of ./fixtures (〔2026〕7号, 青石村 representatives' meeting of 25 November)
// carried out and posted, and the same matter through 四议两公开 with its last step still to do.
import type { MatterRegistrationData, MatterStep, ResultNoticeData } from '../../../electron/documents/index';
import { minutesData } from './fixtures';

const road = minutesData.resolutions[0]!;

export const ORG = minutesData.issuer;
export const VILLAGE_LAW = '《中华人民共和国村民委员会组织法》第三十五条';

export const resultNoticeData: ResultNoticeData = {
  orgName: ORG,
  resolution: { ...road, meetingTitle: minutesData.title, meetingDate: minutesData.date },
  responsible: '青石村村民委员会（责任人：村委会副主任李秀英）',
  deadline: '2026-12-31',
  completedOn: '2026-12-22',
  result: '村东组道路硬化1.2公里已全部完工，路面宽5米，经镇村建办、监理单位和村民代表共同验收合格。\n实际支出46.9万元，结余1.7万元转入村集体经济账户。',
  progress: [
    { date: '2026-12-01', text: '公开招标确定施工单位，施工队进场', percent: 10 },
    { date: '2026-12-08', text: '路基平整、碾压完成', percent: 45 },
    { date: '2026-12-16', text: '混凝土路面浇筑完成，进入养护期', percent: 90 },
    { date: '2026-12-22', text: '竣工验收合格', percent: 100 },
  ],
  // 23 December to 6 January: 9 + 6 = 15 days, across the new year.
  postFrom: '2026-12-23',
  postTo: '2027-01-06',
  minimumDays: 15,
  lawBasis: VILLAGE_LAW,
  place: '青石村村务公开栏及各村民小组公示栏',
  contact: '村务监督委员会（联系人：赵德明，电话：13805716688）',
  issuedDate: '2026-12-23',
};

/** No law, place, contact or deadline, finished late: the fallbacks. */
export const plainResultNoticeData: ResultNoticeData = {
  ...resultNoticeData,
  deadline: '2026-12-19',
  minimumDays: null,
  lawBasis: null,
  place: null,
  contact: null,
  progress: [],
};

const step = (s: Partial<MatterStep> & Pick<MatterStep, 'step' | 'name'>): MatterStep => ({
  date: null,
  form: null,
  expected: null,
  present: null,
  ratio: null,
  content: null,
  townshipOfficials: null,
  mergedWithPrevious: false,
  ...s,
});

const OFFICIAL = '王春生（青石镇人民政府副镇长、包村干部）';

export const STEPS: MatterStep[] = [
  step({
    step: 1,
    name: '党组织提议',
    date: '2026-11-10',
    form: '支部委员会',
    expected: 5,
    present: 5,
    ratio: '5/5（100.0%）',
    content: '村党支部在走访党员群众、听取意见的基础上，提议使用奖补资金和村集体经济收入硬化村东组道路1.2公里。',
    townshipOfficials: OFFICIAL,
  }),
  step({
    step: 2,
    name: '"两委"会议商议',
    date: '2026-11-10',
    form: '两委联席会议',
    expected: 9,
    present: 8,
    ratio: '8/9（88.9%）',
    content: '村“两委”商议认为道路硬化工程可行，资金预算48.6万元，采取公开招标方式选定施工单位。',
    townshipOfficials: OFFICIAL,
    mergedWithPrevious: true,
  }),
  step({
    step: 3,
    name: '党员大会审议',
    date: '2026-11-18',
    form: '党员大会',
    expected: 45,
    present: 38,
    ratio: '38/45（84.4%）',
    content: '党员大会审议道路硬化方案，赞成36人，反对1人，弃权1人，审议通过。',
    townshipOfficials: OFFICIAL,
  }),
  step({
    step: 4,
    name: '村民会议或村民代表会议决议',
    date: '2026-11-25',
    form: '村民代表会议',
    expected: 45,
    present: 31,
    ratio: '31/45（68.9%）',
    content: `${road.text}\n表决结果：赞成16票，反对10票，弃权5票，通过。`,
    townshipOfficials: OFFICIAL,
  }),
  step({
    step: 5,
    name: '决议公开',
    date: '2026-11-26',
    form: '公示栏',
    content: '决议内容及表决情况在村务公开栏公示，公示期2026年11月26日至2026年12月10日。',
  }),
  step({ step: 6, name: '实施结果公开' }),
];

export const registrationData: MatterRegistrationData = {
  orgName: ORG,
  subject: '村东组道路硬化工程',
  content: '使用奖补资金和村集体经济收入48.6万元，硬化村东组道路1.2公里，路面宽5米，公开招标选定施工单位。',
  steps: STEPS,
  issuedDate: '2026-12-20',
};

/** An empty form to fill in by hand: only the matter, no step recorded. */
export const blankRegistrationData: MatterRegistrationData = { ...registrationData, steps: [] };
