import { Alert, Card, Empty, Tag, Tooltip, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { CallOutput } from '../../../core/contract/index';
import { zonedParts } from '../../../core/clock';
import { reminderCategoryHints, reminderLateness, type Reminder, type ReminderCategory } from '../../../core/reminders';
import { homeLinks, openHash } from './links';
import { shortDate } from './format';

export type Reminders = CallOutput<'reminders.today'>;

const categoryColors: Record<ReminderCategory, string> = {
  报到: 'volcano',
  承诺办结: 'orange',
  公示期满: 'purple',
  督办: 'blue',
  备案: 'cyan',
  热线答复: 'magenta',
};

/** The record a reminder opens: its topic, meeting, resolution's 督办 drawer, rule's 备案 card, or the list it lives in. */
export function reminderHref(r: Reminder): string {
  const { page, id } = r.link;
  if (page === 'topic' && id != null) return homeLinks.topic(id);
  if (page === 'meeting' && id != null) return homeLinks.meeting(id);
  if (page === 'resolution' && id != null) return homeLinks.resolution(id);
  if (page === 'rule' && id != null) return homeLinks.rule(id);
  if (page === 'notices') return homeLinks.notices;
  return homeLinks.summons;
}

/** "12月1日" for a date; "12月2日 00:00" for a limit in hours, in the user's zone setting. */
function dueText(r: Reminder, today: string, timeZone: string) {
  return r.dueAt ? `${shortDate(r.dueOn, today)} ${zonedParts(timeZone, r.dueAt).time}` : shortDate(r.dueOn, today);
}

function ReminderRow({ r, today, timeZone }: { r: Reminder; today: string; timeZone: string }) {
  const href = reminderHref(r);
  const lateness = reminderLateness(r);
  return (
    <li className={r.overdue ? 'home-reminder home-reminder-late' : 'home-reminder'} onClick={(e) => !(e.target as HTMLElement).closest('a') && openHash(href)}>
      <Tooltip title={reminderCategoryHints[r.category]}>
        <Tag color={categoryColors[r.category]} className="home-reminder-tag">
          {r.category}
        </Tag>
      </Tooltip>
      <div className="home-reminder-what">
        <a href={href} className="home-item-title">
          {r.title}
        </a>
        {r.detail && <Typography.Text type="secondary">{r.detail}</Typography.Text>}
      </div>
      <Typography.Text type="secondary" className="home-nowrap home-reminder-due">
        {`期限 ${dueText(r, today, timeZone)}`}
      </Typography.Text>
      <Typography.Text type={r.overdue ? 'danger' : 'warning'} strong className="home-nowrap home-reminder-late-text">
        {lateness}
      </Typography.Text>
    </li>
  );
}

/**
 * 今日提醒: what is due today or already late, late first, each a click from its record. The
 * desktop app shows the same list as a notification at start and every morning.
 */
export function RemindersCard({ reminders, error }: { reminders: Reminders | null; error: string | null }) {
  const items = reminders?.items ?? [];
  const late = items.filter((r) => r.overdue).length;
  const counts = [late ? `逾期 ${late} 项` : '', items.length > late ? `今天到期 ${items.length - late} 项` : ''].filter(Boolean);
  const title = counts.length ? `今日提醒（${counts.join('，')}）` : '今日提醒';
  return (
    <Card
      title={
        <span>
          <BellOutlined /> {title}
        </span>
      }
      className="home-card home-reminders"
      data-testid="home-reminders"
      loading={!reminders && !error}
    >
      {error && !reminders && <Alert type="warning" showIcon title="今日提醒暂时没有读出来" description={error} />}
      {reminders &&
        (items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="今天没有到期或逾期的事项" />
        ) : (
          <ul className="home-reminder-list" aria-label="今日提醒">
            {items.map((r) => (
              <ReminderRow key={r.key} r={r} today={reminders.today} timeZone={reminders.timeZone} />
            ))}
          </ul>
        ))}
    </Card>
  );
}
