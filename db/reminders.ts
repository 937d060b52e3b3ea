import type { Clock } from '../core/clock';
import { zonedParts } from '../core/clock';
import { compareReminders, dateReminder, instantReminder, type Reminder } from '../core/reminders';
import { ApiError } from '../core/contract/define';
import { appendAudit } from './audit';
import type { Db, Tx } from './client';
import { followUpItems } from './followup';
import { hotlineRepliesDue } from './home';
import { noticesOf } from './notices';
import { getOrganization } from './organizations';
import { rulesAwaitingFiling } from './rules/documents';
import { getSetting, setSetting } from './settings';
import { listSummons } from './summons';

/** Open summons read at most for the reminders: far more than an office keeps open at once. */
const OPEN_SUMMONS_LIMIT = 1000;
const DESKTOP_KEY = 'desktopReminders';

/**
 * 今日提醒: what is due on the user's local date of `clock` or already late — 报到 limits (by the
 * instant), 承诺办结, 公示期满 not taken down, 督办 deadlines, 备案 deadlines and 热线答复 — late
 * first. Gathered from the same queries as the 首页's cards; nothing "due soon".
 */
export function remindersFor(db: Db, orgId: number, clock: Clock): Reminder[] {
  getOrganization(db, orgId);
  const today = clock.today;
  const out: Reminder[] = [];
  const push = (r: Omit<Reminder, 'dueOn' | 'dueAt' | 'overdue' | 'daysLate' | 'hoursLeft' | 'hoursLate'>, due: ReturnType<typeof dateReminder>) => {
    if (due) out.push({ ...r, ...due });
  };

  for (const s of listSummons(db, { orgId, openOnly: true, pageSize: OPEN_SUMMONS_LIMIT }, clock).items) {
    const link =
      s.topicId != null
        ? { page: 'topic' as const, id: s.topicId }
        : s.meetingId != null
          ? { page: 'meeting' as const, id: s.meetingId }
          : { page: 'summons' as const, id: null };
    const title = s.topicTitle ?? s.meetingTitle ?? `向${s.department}吹哨`;
    const detail = s.contact ? `${s.department}（${s.contact}）` : s.department;
    if (s.reportedAt == null) {
      const dueOn = zonedParts(clock.timeZone, s.reportDueAt).date;
      push(
        { key: `报到:${s.id}`, category: '报到', title, detail: `${detail}：${s.reportWithinHours} 小时内报到`, link },
        instantReminder(s.reportDueAt, dueOn, today, clock.instant),
      );
    }
    if (s.deadline != null) push({ key: `承诺办结:${s.id}`, category: '承诺办结', title, detail, link }, dateReminder(s.deadline, today));
  }

  for (const n of [...noticesOf(db, orgId, 'expired', today), ...noticesOf(db, orgId, 'endingSoon', today)]) {
    push(
      { key: `公示期满:${n.id}`, category: '公示期满', title: n.title, detail: `${n.place}，期满请撤下并登记`, link: { page: 'notices', id: n.id } },
      dateReminder(n.endsOn, today),
    );
  }

  for (const r of [...followUpItems(db, orgId, 'overdue', today), ...followUpItems(db, orgId, 'dueSoon', today)]) {
    if (r.deadline == null) continue;
    const detail = r.responsible ? `${r.number} · 责任人 ${r.responsible}` : r.number;
    push({ key: `督办:${r.id}`, category: '督办', title: r.title, detail, link: { page: 'resolution', id: r.id } }, dateReminder(r.deadline, today));
  }

  for (const d of rulesAwaitingFiling(db, orgId, today)) {
    push(
      { key: `备案:${d.id}`, category: '备案', title: d.title, detail: '通过后报乡镇（街道）备案', link: { page: 'rule', id: d.id } },
      dateReminder(d.filingDue, today),
    );
  }

  for (const t of hotlineRepliesDue(db, orgId, today)) {
    const detail = t.ticketNumber ? `${t.channel} · 工单号 ${t.ticketNumber}` : t.channel;
    push({ key: `热线答复:${t.id}`, category: '热线答复', title: t.title, detail, link: { page: 'topic', id: t.id } }, dateReminder(t.replyDueOn, today));
  }

  return out.sort(compareReminders);
}

/** Whether the desktop app shows the reminders as a notification (on unless turned off in 设置). */
export function desktopReminders(db: Db): boolean {
  return getSetting<boolean>(db, DESKTOP_KEY) !== false;
}

export function setDesktopReminders(tx: Tx, desktopNotifications: boolean): { desktopNotifications: boolean } {
  if (typeof desktopNotifications !== 'boolean') throw new ApiError('INVALID_INPUT', '请选择是否显示桌面提醒');
  const before = desktopReminders(tx);
  setSetting(tx, DESKTOP_KEY, desktopNotifications);
  appendAudit(tx, {
    action: 'settings.desktopReminders',
    entity: 'settings',
    entityId: null,
    before: { desktopNotifications: before },
    after: { desktopNotifications },
  });
  return { desktopNotifications };
}

/** The reminders.today answer: the list and the day it was judged by. */
export function todaysReminders(db: Db, orgId: number, clock: Clock) {
  return {
    today: clock.today,
    timeZone: clock.timeZone,
    now: clock.instant,
    items: remindersFor(db, orgId, clock),
    desktopNotifications: desktopReminders(db),
  };
}
