import { Space, Tag, Typography } from 'antd';
import { HomeListCard } from './HomeListCard';
import type { HomeSummary } from './useHomeSummary';
import { homeLinks } from './links';
import { shortDate } from './format';
import { DaysLeft, Title } from './cells';

type Row = HomeSummary['hotlineReplies'][number];

/** 12345 and other hotline tickets whose 答复时限 has passed or comes within the week. */
export function HotlineRepliesCard({ s }: { s: HomeSummary }) {
  return (
    <HomeListCard<Row>
      title="逾期和即将到期的热线答复"
      testId="home-hotline"
      pageHref={homeLinks.topics}
      pageLabel="全部议题"
      rows={s.hotlineReplies}
      rowKey={(r) => r.id}
      rowHref={(r) => homeLinks.topic(r.id)}
      rowAlarm={(r) => r.daysLeft < 0}
      empty="没有逾期或即将到期的热线答复"
      columns={[
        {
          title: '工单',
          key: 'title',
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Title href={homeLinks.topic(r.id)}>{r.title}</Title>
              <Typography.Text type="secondary">{r.ticketNumber ? `工单号 ${r.ticketNumber}` : '没有工单号'}</Typography.Text>
            </Space>
          ),
        },
        { title: '渠道', key: 'channel', render: (_, r) => <Tag>{r.channel}</Tag> },
        { title: '答复时限', key: 'due', render: (_, r) => <span className="home-nowrap">{shortDate(r.replyDueOn, s.today)}</span> },
        {
          title: '剩余',
          key: 'days',
          render: (_, r) => <DaysLeft days={r.daysLeft} />,
        },
      ]}
    />
  );
}
