import { Col, Row, Space, Tag, Typography } from 'antd';
import { daysFrom, localDateTime } from '../../../core/dates';
import type { MeetingSummary } from '../../../core/contract/meetings';
import type { Topic } from '../../../core/contract/topics';
import type { Summons } from '../../../core/contract/summons';
import type { FollowUpItem } from '../../../core/contract/followup';
import type { Notice } from '../../../core/contract/notices';
import { orgWording } from '../../../core/documents/wording';
import { useCurrentOrg } from '../org/OrgContext';
import { MeetingStatusTag } from '../meetings/status';
import { HomeListCard } from './HomeListCard';
import type { HomeSummary } from './useHomeSummary';
import { homeLinks } from './links';
import { HotlineRepliesCard } from './HotlineRepliesCard';
import { DaysLeft, Title } from './cells';
import { relativeDay, shortDate, weekday } from './format';

const { Text } = Typography;

const urgencyColors: Record<Topic['urgency'], string> = { 一般: 'default', 较急: 'orange', 紧急: 'red' };

function MeetingsCard({ s }: { s: HomeSummary }) {
  const rows = [...s.meetings.today, ...s.meetings.upcoming];
  return (
    <HomeListCard<MeetingSummary>
      title="今天和近两周的会议"
      testId="home-meetings"
      pageHref={homeLinks.meetings}
      pageLabel="全部会议"
      rows={rows}
      rowKey={(m) => m.id}
      rowHref={(m) => homeLinks.meeting(m.id)}
      empty="今天和近两周没有安排会议"
      columns={[
        {
          title: '日期',
          key: 'date',
          render: (_, m) => (
            <Space size={4} wrap={false}>
              <span>{shortDate(m.date, s.today)}</span>
              <Text type="secondary">{weekday(m.date)}</Text>
              {m.date === s.today ? <Tag color="green">今天</Tag> : <Tag>{relativeDay(m.date, s.today)}</Tag>}
            </Space>
          ),
        },
        { title: '时间', key: 'time', render: (_, m) => m.startTime ?? <Text type="secondary">未定</Text> },
        {
          title: '会议',
          key: 'title',
          render: (_, m) => (
            <Space orientation="vertical" size={0}>
              <Title href={homeLinks.meeting(m.id)}>{m.title}</Title>
              <Text type="secondary">{[m.typeName, m.place].filter(Boolean).join(' · ')}</Text>
            </Space>
          ),
        },
        { title: '状态', key: 'status', render: (_, m) => <MeetingStatusTag status={m.status} /> },
      ]}
    />
  );
}

function TopicsCard({ s }: { s: HomeSummary }) {
  const more = s.counts.topicsAwaitingTriage - s.topicsAwaitingTriage.length;
  return (
    <HomeListCard<Topic>
      title={more > 0 ? `待分办的议题（先列最早的 ${s.topicsAwaitingTriage.length} 件）` : '待分办的议题'}
      testId="home-topics"
      pageHref={homeLinks.topics}
      pageLabel="全部议题"
      rows={s.topicsAwaitingTriage}
      rowKey={(t) => t.id}
      rowHref={(t) => homeLinks.topic(t.id)}
      empty="没有待分办的议题，收到的都已经处理了"
      columns={[
        { title: '收到日期', key: 'receivedOn', render: (_, t) => <span className="home-nowrap">{shortDate(t.receivedOn, s.today)}</span> },
        { title: '渠道', key: 'channel', render: (_, t) => <Tag>{t.channel}</Tag> },
        {
          title: '议题',
          key: 'title',
          render: (_, t) => (
            <Space orientation="vertical" size={0}>
              <Title href={homeLinks.topic(t.id)}>{t.title}</Title>
              <Text type="secondary">反映人：{t.raiserName}</Text>
            </Space>
          ),
        },
        { title: '紧急程度', key: 'urgency', render: (_, t) => <Tag color={urgencyColors[t.urgency]}>{t.urgency}</Tag> },
      ]}
    />
  );
}

function summonsHref(x: Summons): string {
  if (x.topicId != null) return homeLinks.topic(x.topicId);
  if (x.meetingId != null) return homeLinks.meeting(x.meetingId);
  return homeLinks.summons;
}

/** "2026-11-22 10:00" → "11月22日 10:00". */
function reportDue(local: string, today: string) {
  return `${shortDate(local.slice(0, 10), today)} ${local.slice(11)}`;
}

function SummonsCard({ s }: { s: HomeSummary }) {
  return (
    <HomeListCard<Summons>
      title="逾期和即将到期的吹哨报到"
      testId="home-summons"
      pageHref={homeLinks.summons}
      pageLabel="全部吹哨"
      rows={s.summons}
      rowKey={(x) => x.id}
      rowHref={summonsHref}
      rowAlarm={(x) => x.overdue}
      empty="没有逾期或七天内到期的吹哨事项"
      columns={[
        {
          title: '部门和事项',
          key: 'department',
          render: (_, x) => (
            <Space orientation="vertical" size={0}>
              <span>
                <Title href={summonsHref(x)}>{x.department}</Title>
                {x.contact && <Text type="secondary">{`（${x.contact}）`}</Text>}
              </span>
              <Text type="secondary">{x.topicTitle ?? x.meetingTitle ?? '没有关联议题'}</Text>
            </Space>
          ),
        },
        {
          title: '期限',
          key: 'due',
          render: (_, x) =>
            x.reportedAt == null ? (
              <Space orientation="vertical" size={0}>
                <Text type="secondary">报到时限</Text>
                <span className="home-nowrap">{reportDue(localDateTime(s.timeZone, x.reportDueAt), s.today)}</span>
              </Space>
            ) : x.deadline ? (
              <Space orientation="vertical" size={0}>
                <Text type="secondary">承诺完成期限</Text>
                <span className="home-nowrap">{shortDate(x.deadline, s.today)}</span>
              </Space>
            ) : (
              <Text type="secondary">未定期限</Text>
            ),
        },
        {
          title: '情况',
          key: 'state',
          render: (_, x) =>
            x.overdue ? (
              <Space orientation="vertical" size={0}>
                <Tag color="red">已逾期</Tag>
                {x.overdueReason && <Text type="danger">{x.overdueReason}</Text>}
              </Space>
            ) : x.deadline ? (
              <DaysLeft days={daysFrom(s.today, x.deadline)} />
            ) : (
              <Tag color="orange">即将到期</Tag>
            ),
        },
      ]}
    />
  );
}

function ResolutionsCard({ s }: { s: HomeSummary }) {
  return (
    <HomeListCard<FollowUpItem>
      title="逾期和即将到期的决议"
      testId="home-resolutions"
      pageHref={homeLinks.resolutions}
      pageLabel="决议督办"
      rows={s.resolutions}
      rowKey={(r) => r.id}
      rowHref={(r) => homeLinks.resolution(r.id)}
      rowAlarm={(r) => r.dueState === 'overdue'}
      empty="没有逾期或七天内到期的决议"
      columns={[
        { title: '编号', key: 'number', render: (_, r) => <span className="home-nowrap">{r.number}</span> },
        {
          title: '决议',
          key: 'title',
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Title href={homeLinks.resolution(r.id)}>{r.title}</Title>
              <Text type="secondary">{r.lastPercent != null ? `已完成 ${r.lastPercent}%` : '还没有登记进度'}</Text>
            </Space>
          ),
        },
        { title: '责任人', key: 'responsible', render: (_, r) => r.responsible ?? <Text type="secondary">未指定</Text> },
        { title: '期限', key: 'deadline', render: (_, r) => (r.deadline ? <span className="home-nowrap">{shortDate(r.deadline, s.today)}</span> : '—') },
        { title: '剩余', key: 'days', render: (_, r) => (r.daysLeft != null ? <DaysLeft days={r.daysLeft} /> : '—') },
      ]}
    />
  );
}

type NoticeRow = Notice & { expired: boolean };

function NoticesCard({ s }: { s: HomeSummary }) {
  const rows: NoticeRow[] = [...s.noticesExpired.map((n) => ({ ...n, expired: true })), ...s.noticesEndingSoon.map((n) => ({ ...n, expired: false }))];
  return (
    <HomeListCard<NoticeRow>
      title="本周到期和期满未撤的公示"
      testId="home-notices"
      pageHref={homeLinks.notices}
      pageLabel="全部公示"
      rows={rows}
      rowKey={(n) => n.id}
      rowHref={() => homeLinks.notices}
      rowAlarm={(n) => n.expired}
      empty="没有七天内期满的公示，也没有期满还没撤下的"
      columns={[
        {
          title: '公示',
          key: 'title',
          render: (_, n) => (
            <Space orientation="vertical" size={0}>
              <Title href={homeLinks.notices}>{n.title}</Title>
              <Text type="secondary">
                {n.kind}
                {n.resolutionNumber ? ` · ${n.resolutionNumber}` : ''} · {n.place}
              </Text>
            </Space>
          ),
        },
        {
          title: '公示期',
          key: 'period',
          render: (_, n) => (
            <span className="home-nowrap">
              {shortDate(n.postedOn, s.today)} 至 {shortDate(n.endsOn, s.today)}
            </span>
          ),
        },
        {
          title: '情况',
          key: 'state',
          render: (_, n) =>
            n.expired ? (
              <Space orientation="vertical" size={0}>
                <Tag color="red">期满未撤</Tag>
                <Text type="danger">请撤下并登记撤下日期</Text>
              </Space>
            ) : n.daysLeft === 0 ? (
              <Text type="warning" strong>
                今天期满
              </Text>
            ) : (
              <Text type="warning" strong>{`还剩${n.daysLeft ?? 0}天`}</Text>
            ),
        },
      ]}
    />
  );
}

type RuleRow = HomeSummary['rulesAwaitingFiling'][number];

function RulesCard({ s }: { s: HomeSummary }) {
  const convention = orgWording(useCurrentOrg().kind).convention;
  return (
    <HomeListCard<RuleRow>
      title={`待备案的${convention}`}
      testId="home-rules"
      pageHref={homeLinks.rules}
      pageLabel={convention}
      rows={s.rulesAwaitingFiling}
      rowKey={(r) => r.id}
      rowHref={(r) => homeLinks.rule(r.id)}
      rowAlarm={(r) => r.daysLeft < 0}
      empty={`没有等待备案的${convention}`}
      columns={[
        { title: '规约', key: 'title', render: (_, r) => <Title href={homeLinks.rule(r.id)}>{r.title}</Title> },
        { title: '备案期限', key: 'due', render: (_, r) => <span className="home-nowrap">{shortDate(r.filingDue, s.today)}</span> },
        { title: '剩余', key: 'days', render: (_, r) => <DaysLeft days={r.daysLeft} /> },
      ]}
    />
  );
}

/** The lists of things to do, two to a row on a wide screen. */
export function HomeLists({ summary }: { summary: HomeSummary }) {
  const cards = [MeetingsCard, TopicsCard, SummonsCard, HotlineRepliesCard, ResolutionsCard, NoticesCard, RulesCard];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((Card, i) => (
        <Col key={i} xs={24} xl={12}>
          <Card s={summary} />
        </Col>
      ))}
    </Row>
  );
}
