// Plain data for the Word documents of a decision's follow-up: the 实施结果公示 and the 四议两公开
// 登记表. Like ./types, no I/O: the caller reads the database and supplies every date.

/** 实施结果公开: what a resolution decided, who carried it out, the progress and the result. */
export interface ResultNoticeData {
  /** The issuing committee's full name: it signs the notice. */
  orgName: string;
  resolution: {
    /** "〔2026〕7号" */
    number: string;
    /** "关于实施村东组道路硬化工程的决议"; printed in 《》. */
    title: string;
    text: string;
    meetingTitle: string;
    /** ISO date. */
    meetingDate: string;
  };
  /** The responsible person or unit. */
  responsible: string;
  /** ISO date, or null when none was set. */
  deadline: string | null;
  /** ISO date. */
  completedOn: string;
  result: string;
  /** The progress record, oldest first; percent is 0–100. */
  progress: { date: string; text: string; percent: number }[];
  postFrom: string;
  postTo: string;
  /** The minimum posting period in days where the law sets one (15 under the 2025 texts), else null. */
  minimumDays: number | null;
  /** The provision that sets it, e.g. "《中华人民共和国村民委员会组织法》第三十五条"; without it the notice says 有关法律. */
  lawBasis?: string | null;
  /** Where the notice is posted: "村务公开栏". */
  place?: string | null;
  /** Whom to tell: "村务监督委员会（联系人：李秀英，电话：13805716688）"; the organization when absent. */
  contact?: string | null;
  issuedDate: string;
}

/** The six steps of 四议两公开 (../shared/DOMAIN.md), in order; the quotes print as “两委”. */
export const MATTER_STEP_NAMES = ['党组织提议', '"两委"会议商议', '党员大会审议', '村民会议或村民代表会议决议', '决议公开', '实施结果公开'] as const;
export type MatterStepName = (typeof MATTER_STEP_NAMES)[number];

export interface MatterStep {
  step: 1 | 2 | 3 | 4 | 5 | 6;
  name: MatterStepName;
  /** ISO date; null while the step is not done (the cell is left blank to fill in by hand). */
  date: string | null;
  /** "支部委员会", "两委联席会议", "党员大会", "村民代表会议", "公示栏". */
  form: string | null;
  expected: number | null;
  present: number | null;
  /** Printed as given: "30/45（66.7%）". */
  ratio: string | null;
  content: string | null;
  /** 包村干部 and other township officials present, with their posts. */
  townshipOfficials: string | null;
  /** Step 2 held together with step 1 (one person holds both posts). */
  mergedWithPrevious: boolean;
}

/** 四议两公开登记表 for one major village matter. Steps missing from `steps` print blank. */
export interface MatterRegistrationData {
  /** 填报单位: the committee's full name. */
  orgName: string;
  /** 事项名称 */
  subject: string;
  /** 事项内容 */
  content: string;
  steps: MatterStep[];
  issuedDate: string;
}

/** A notice not tied to one resolution (公示 of a 四议两公开 matter, a list, a plan): its own words. */
export interface PublicNoticeData {
  /** The issuing committee's full name: it signs the notice. */
  orgName: string;
  title: string;
  /** Paragraphs separated by "\n". */
  content: string;
  postFrom: string;
  postTo: string;
  /** The minimum period where the law sets one, with its source, else null. */
  minimumDays: number | null;
  lawBasis: string | null;
  place: string | null;
  issuedDate: string;
}
