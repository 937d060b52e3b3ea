import { Typography } from 'antd';
import { dateWords, daysLeftWords } from './labels';

/** The filing deadline with "还剩N天" or, in red, "已逾期N天"; or the date it was filed. */
/** `daysLeft` comes from the server, counted by the user's local date (北京时间 unless changed). */
export function FilingDue({ due, filedOn, daysLeft }: { due: string | null; filedOn: string | null; daysLeft: number | null }) {
  if (filedOn) return <span>已于{dateWords(filedOn)}备案</span>;
  if (!due || daysLeft === null) return <span className="muted">表决通过后开始计算</span>;
  const left = daysLeftWords(daysLeft);
  return (
    <span>
      {dateWords(due)}前{' '}
      <Typography.Text
        strong
        type={left.level === 'over' ? 'danger' : left.level === 'soon' ? 'warning' : undefined}
        className={`filing-left filing-${left.level}`}
      >
        （{left.text}）
      </Typography.Text>
    </span>
  );
}
