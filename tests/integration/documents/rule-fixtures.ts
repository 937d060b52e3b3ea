// A 居民公约 of 2 chapters and 8 articles, its 征求意见稿 → 表决稿 comparison written by hand (so the
// builders are tested without the comparison code), the opinions on the 征求意见稿 (numbered as it
// was; the 表决稿's numbers beside them) and its filing report.
import type { RuleFilingData, RuleOpinionsData, RuleRevisionData, RuleTextData } from '../../../electron/documents/index';
import type { ArticleComparison, ChapterComparison, NumberedArticle, RuleSnapshot } from '../../../core/ruletext/types';

const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const ORG = '幸福里社区居民委员会';
export const TITLE = '幸福里社区居民公约';

/** The 征求意见稿's articles; article ids are 101…108, chapter ids 1 and 2. */
export const ARTICLES = [
  '为了加强社区居民自治，弘扬社会主义核心价值观，营造文明和谐的社区环境，根据《中华人民共和国城市居民委员会组织法》等法律法规，结合本社区实际，制定本公约。',
  '本公约适用于本社区全体居民，驻社区单位和租住人员参照执行。',
  '居民享有对社区事务的知情权、参与权、表达权和监督权。\n居民应当遵守法律法规和本公约，履行应尽的义务。',
  '爱护公共设施，不在楼道、消防通道堆放杂物，不私拉电线为电动自行车充电。',
  '垃圾分类投放，不乱扔乱倒；饲养犬只应当文明牵引，及时清理粪便。',
  '邻里之间互谅互让，发生矛盾纠纷通过协商或者人民调解解决。',
  '倡导移风易俗，婚事新办、丧事简办，反对铺张浪费和高额彩礼。',
  '尊老爱幼，赡养老人，反对家庭暴力，保障妇女儿童合法权益。',
];

export const snapshot: RuleSnapshot = {
  chapters: [
    { id: 1, title: '总则', number: 1, label: '第一章' },
    { id: 2, title: '社区生活', number: 2, label: '第二章' },
  ],
  articles: ARTICLES.map((text, i): NumberedArticle => ({ id: 101 + i, chapterId: i < 3 ? 1 : 2, text, number: i + 1, label: `第${NUM[i]}条` })),
};

export const ruleTextData: RuleTextData = {
  orgName: ORG,
  kind: '居民公约',
  title: TITLE,
  versionName: '征求意见稿',
  adoptedNote: null,
  date: '2026-10-15',
  snapshot,
};

export const adoptedTextData: RuleTextData = {
  ...ruleTextData,
  versionName: '正式稿',
  adoptedNote: '（2026年11月20日幸福里社区居民会议表决通过）',
  date: '2026-11-20',
};

/** A text without chapters: the articles only. */
export const flatTextData: RuleTextData = {
  ...ruleTextData,
  versionName: '表决稿',
  snapshot: { chapters: [], articles: snapshot.articles.slice(0, 3).map((a) => ({ ...a, chapterId: null })) },
};

// ---------------------------------------------------------------------------------------------
// 征求意见稿 → 表决稿

const CH1 = { chapterLabel: '第一章', chapterTitle: '总则' };
const CH2_OLD = { chapterLabel: '第二章', chapterTitle: '社区生活' };
const CH2_NEW = { chapterLabel: '第二章', chapterTitle: '社区公共生活' };
const old = (i: number, ch = i < 3 ? CH1 : CH2_OLD) => ({ articleId: 101 + i, label: `第${NUM[i]}条`, ...ch, text: ARTICLES[i]! });
const now = (id: number, n: number, text: string, ch = n < 3 ? CH1 : CH2_NEW) => ({ articleId: id, label: `第${NUM[n]}条`, ...ch, text });

/** What the 表决稿 says instead of 第四条. */
export const CHANGED_TEXT =
  '爱护公共设施，不在楼道、消防通道堆放杂物，不私拉电线，不将电动自行车推入楼道或者入户充电。\n损坏公共设施的，应当及时修复或者赔偿。';
export const INSERTED_TEXT = '高空抛物危害公共安全，居民不得从建筑物中抛掷物品。';
/** The comments (批注) on the moved articles' numbers: the 征求意见稿's 第五条, and 第四条, now in 第一章. */
export const MOVED_NOTE = '本条由原第五条移至此处。';
export const CHAPTER_MOVE_NOTE = '本条由原第二章第四条移至此处。';

const same = (i: number, n: number): ArticleComparison => ({
  change: 'same',
  moved: false,
  renumbered: i !== n,
  before: old(i),
  after: now(101 + i, n, ARTICLES[i]!),
  parts: [{ value: ARTICLES[i]! }],
});

const articles: ArticleComparison[] = [
  same(0, 0),
  { change: 'deleted', moved: false, renumbered: false, before: old(1), after: null, parts: [{ value: ARTICLES[1]!, removed: true }] },
  same(2, 1),
  {
    // now the last of 第一章 (the 2nd article was deleted): moved into another chapter
    change: 'changed',
    moved: true,
    renumbered: true,
    before: old(3),
    after: now(104, 2, CHANGED_TEXT),
    parts: [
      { value: '爱护公共设施，不在楼道、消防通道堆放杂物，不私拉电线' },
      { value: '为', removed: true },
      { value: '，不将', added: true },
      { value: '电动自行车' },
      { value: '推入楼道或者入户', added: true },
      { value: '充电。' },
      { value: '\n损坏公共设施的，应当及时修复或者赔偿。', added: true },
    ],
  },
  { change: 'inserted', moved: false, renumbered: false, before: null, after: now(109, 3, INSERTED_TEXT), parts: [{ value: INSERTED_TEXT, added: true }] },
  same(5, 4),
  { ...same(4, 5), moved: true },
  same(6, 6),
  same(7, 7),
];

const chapters: ChapterComparison[] = [
  {
    change: 'same',
    before: { chapterId: 1, label: '第一章', title: '总则' },
    after: { chapterId: 1, label: '第一章', title: '总则' },
    parts: [{ value: '总则' }],
  },
  {
    change: 'changed',
    before: { chapterId: 2, label: '第二章', title: '社区生活' },
    after: { chapterId: 2, label: '第二章', title: '社区公共生活' },
    parts: [{ value: '社区' }, { value: '公共', added: true }, { value: '生活' }],
  },
];

export const revisionData: RuleRevisionData = {
  orgName: ORG,
  title: TITLE,
  fromName: '征求意见稿',
  toName: '表决稿',
  author: ORG,
  date: '2026-11-18T09:00:00Z',
  fileDate: '2026-11-18',
  comparison: { articles, chapters, counts: { same: 5, changed: 1, inserted: 1, deleted: 1, moved: 2, renumbered: 4 } },
};

/** The 表决稿's article texts in order: what "accept all" must leave. */
export const ACCEPTED = [ARTICLES[0]!, ARTICLES[2]!, CHANGED_TEXT, INSERTED_TEXT, ARTICLES[5]!, ARTICLES[4]!, ARTICLES[6]!, ARTICLES[7]!];

/** The 表决稿 itself (the newer side of the comparison above); article ids as in the comparison. */
export const votingSnapshot: RuleSnapshot = {
  chapters: [
    { id: 1, title: '总则', number: 1, label: '第一章' },
    { id: 2, title: '社区公共生活', number: 2, label: '第二章' },
  ],
  articles: ACCEPTED.map((text, i): NumberedArticle => ({
    id: [101, 103, 104, 109, 106, 105, 107, 108][i]!,
    chapterId: i < 3 ? 1 : 2,
    text,
    number: i + 1,
    label: `第${NUM[i]}条`,
  })),
};

// ---------------------------------------------------------------------------------------------

export const opinionsData: RuleOpinionsData = {
  orgName: ORG,
  title: TITLE,
  issuedDate: '2026-11-10',
  rows: [
    {
      seq: 1,
      name: '王建国',
      channel: '座谈会',
      receivedOn: '2026-10-18',
      articleLabel: '第四条',
      currentLabel: '第三条',
      content: '电动自行车推进楼道充电的问题最突出，建议写明。',
      disposition: '采纳',
      reason: '已在第三条中写明不得推入楼道或者入户充电。',
    },
    {
      seq: 2,
      name: '匿名',
      channel: '意见箱',
      receivedOn: '2026-10-20',
      articleLabel: null,
      currentLabel: null,
      content: '建议增加高空抛物的条款。',
      disposition: '采纳',
      reason: '新增第四条。',
    },
    {
      seq: 3,
      name: '李秀英',
      channel: '微信群',
      receivedOn: '2026-10-21',
      articleLabel: '第二条',
      currentLabel: null,
      content: '适用范围已在总则中体现，本条可删去。',
      disposition: '部分采纳',
      reason: '删去第二条，租住人员的约束在各条中分别写明。',
    },
    {
      seq: 4,
      name: '张志强',
      channel: '入户走访',
      receivedOn: '2026-10-25',
      articleLabel: '第五条',
      currentLabel: '第六条',
      content: '乱扔垃圾的应当罚款五十元。',
      disposition: '未采纳',
      reason: '居民公约不得设定罚款等处罚，改为劝导和公示。',
    },
    {
      seq: 5,
      name: '刘海燕',
      channel: '座谈会',
      receivedOn: '2026-10-28',
      articleLabel: '第六条',
      currentLabel: '第五条',
      content: '调解不成的可以请社区法律顾问帮助。\n建议公布法律顾问的联系方式。',
      disposition: '待处理',
      reason: null,
    },
  ],
};

export const filingData: RuleFilingData = {
  orgName: ORG,
  kind: '居民公约',
  title: TITLE,
  authority: '幸福街道办事处',
  meetingTitle: '幸福里社区居民会议',
  meetingDate: '2026-11-20',
  meetingKind: '居民会议',
  expected: 120,
  present: 93,
  womenPresent: 42,
  votesFor: 85,
  votesAgainst: 3,
  abstain: 5,
  lawBasis: '根据《中华人民共和国城市居民委员会组织法》第十五条和民政部等七部门《关于做好村规民约和居民公约工作的指导意见》的规定',
  attachments: ['幸福里社区居民公约（正式稿）', '幸福里社区居民会议记录（复印件）', '《幸福里社区居民公约》意见采纳情况表'],
  issuedDate: '2026-11-25',
};
