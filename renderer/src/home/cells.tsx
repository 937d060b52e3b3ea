import { Typography } from 'antd';
import { daysLeftText } from './format';

/** The linked title of a home-page row. */
export function Title({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} className="home-item-title">
      {children}
    </a>
  );
}

/** "还剩3天" in orange, "今天到期" in orange, "已逾期2天" in red. */
export function DaysLeft({ days }: { days: number }) {
  return (
    <Typography.Text type={days < 0 ? 'danger' : 'warning'} strong>
      {daysLeftText(days)}
    </Typography.Text>
  );
}
