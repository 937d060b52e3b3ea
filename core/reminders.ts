/**
 * 今日提醒: what falls due today or is already late, in one list for the 首页 and the desktop
 * notification. Pure: the items are gathered in db/reminders.ts, judged here by the user's local
 * date (and, for the 报到 limit in hours, by the instant).
 */

export const reminderCategories = ['报到', '承诺办结', '公示期满', '督办', '备案', '热线答复'] as const;
export type ReminderCategory = (typeof reminderCategories)[number];

/** Where a reminder leads: a record's own page where it has one. */
export const reminderTargets = ['topic', 'meeting', 'summons', 'resolution', 'notices', 'rule'] as const;
export type ReminderTarget = (typeof reminderTargets)[number];

export interface Reminder {
  /** Unique in the list: category and record. */
  key: string;
  category: ReminderCategory;
  /** What is due, in words: the topic's, resolution's, notice's or rule's title, or the department summoned. */
  title: string;
  /** A second line: the department, the resolution's number, the ticket number… */
  detail: string | null;
  /** The local date it is due (for 报到: the local date of the limit). */
  dueOn: string;
  /** The instant it is due, when the deadline is a time (报到 within hours); null for a date. */
  dueAt: string | null;
  overdue: boolean;
  /** Whole calendar days after `dueOn` (0 when due today or late only by hours). */
  daysLate: number;
  /** 报到 not yet late: whole hours left (rounded up); otherwise null. */
  hoursLeft: number | null;
  /** 报到 already late: whole hours since the limit (rounded down); otherwise null. */
  hoursLate: number | null;
  link: { page: ReminderTarget; id: number | null };
}

const HOUR = 3_600_000;

/**
 * The due state of a date deadline on `today`: null unless due today or late.
 */
export function dateReminder(dueOn: string, today: string): Pick<Reminder, 'dueOn' | 'dueAt' | 'overdue' | 'daysLate' | 'hoursLeft' | 'hoursLate'> | null {
  if (dueOn > today) return null;
  return { dueOn, dueAt: null, overdue: dueOn < today, daysLate: daysBetween(dueOn, today), hoursLeft: null, hoursLate: null };
}

/**
 * The due state of an instant deadline (a 报到 limit) at `now`, whose local date is `dueOn`:
 * null unless it falls on `today` or has passed.
 */
export function instantReminder(
  dueAt: string,
  dueOn: string,
  today: string,
  now: string,
): Pick<Reminder, 'dueOn' | 'dueAt' | 'overdue' | 'daysLate' | 'hoursLeft' | 'hoursLate'> | null {
  const left = Date.parse(dueAt) - Date.parse(now);
  if (left >= 0 && dueOn > today) return null;
  const overdue = left < 0;
  return {
    dueOn,
    dueAt,
    overdue,
    daysLate: overdue ? Math.max(0, daysBetween(dueOn, today)) : 0,
    hoursLeft: overdue ? null : Math.ceil(left / HOUR),
    hoursLate: overdue ? Math.floor(-left / HOUR) : null,
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Late ones first (the longest late first), then today's, by due date and time, then in the order of the categories. */
export function compareReminders(a: Reminder, b: Reminder): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  // On the same day a limit in hours comes before a date, which runs to the day's end.
  const at = (r: Reminder) => (r.dueAt == null ? Number.POSITIVE_INFINITY : Date.parse(r.dueAt));
  if (at(a) !== at(b)) return at(a) < at(b) ? -1 : 1;
  const kind = reminderCategories.indexOf(a.category) - reminderCategories.indexOf(b.category);
  if (kind !== 0) return kind;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** "逾期 3 天" / "逾期 5 小时" / "今天到期" / "还剩 5 小时". */
export function reminderLateness(r: Pick<Reminder, 'overdue' | 'daysLate' | 'hoursLeft' | 'hoursLate'>): string {
  if (r.overdue) {
    // A limit in hours passed less than a day ago says how many hours, even across midnight.
    if (r.hoursLate != null && r.hoursLate < 24) return r.hoursLate < 1 ? '刚刚逾期' : `逾期 ${r.hoursLate} 小时`;
    return `逾期 ${Math.max(1, r.daysLate)} 天`;
  }
  if (r.hoursLeft != null) return `还剩 ${r.hoursLeft} 小时`;
  return '今天到期';
}

/** What each kind of reminder is about, for a tooltip or a legend. */
export const reminderCategoryHints: Record<ReminderCategory, string> = {
  报到: '吹哨后部门报到',
  承诺办结: '部门承诺的办结期限',
  公示期满: '公示期满，请撤下并登记',
  督办: '决议的完成期限',
  备案: '规约的备案期限',
  热线答复: '热线工单的答复时限',
};

/** "今日提醒：逾期 2 项，今天到期 3 项" and the first few titles, for the desktop notification; null when there is nothing. */
export function reminderNotice(items: readonly Reminder[], shown = 3): { title: string; body: string } | null {
  if (items.length === 0) return null;
  const late = items.filter((r) => r.overdue).length;
  const due = items.length - late;
  const parts = [late ? `逾期 ${late} 项` : '', due ? `今天到期 ${due} 项` : ''].filter(Boolean);
  const lines = items.slice(0, shown).map((r) => `【${r.category}】${r.title}（${reminderLateness(r)}）`);
  if (items.length > shown) lines.push(`……另有 ${items.length - shown} 项，点击查看`);
  return { title: `今日提醒：${parts.join('，')}`, body: lines.join('\n') };
}
