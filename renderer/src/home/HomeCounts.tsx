import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { HomeSummary } from './useHomeSummary';
import { homeLinks } from './links';

interface CountCard {
  key: string;
  title: string;
  value: number;
  suffix: string;
  href: string;
  /** A short line under the number: what the figure is made of. */
  note: ReactNode;
  /** Red when something is already late. */
  alarm: boolean;
}

function cards(s: HomeSummary): CountCard[] {
  const c = s.counts;
  const late = (n: number, word = '逾期') => (n > 0 ? <Typography.Text type="danger">{`${word} ${n}`}</Typography.Text> : `${word} 0`);
  return [
    {
      key: 'meetings',
      title: '今日会议',
      value: c.meetingsToday,
      suffix: '场',
      href: homeLinks.meetings,
      note: `两周内还有 ${c.meetingsUpcoming} 场`,
      alarm: false,
    },
    {
      key: 'topics',
      title: '待分办议题',
      value: c.topicsAwaitingTriage,
      suffix: '件',
      href: homeLinks.topics,
      note: `未办结的议题共 ${c.topicsOpen} 件`,
      alarm: false,
    },
    {
      key: 'summons',
      title: '逾期/即将到期的吹哨',
      value: c.summonsOverdue + c.summonsDueSoon,
      suffix: '件',
      href: homeLinks.summons,
      note: (
        <>
          {late(c.summonsOverdue)}，即将到期 {c.summonsDueSoon}
        </>
      ),
      alarm: c.summonsOverdue > 0,
    },
    {
      key: 'resolutions',
      title: '逾期/即将到期的决议',
      value: c.resolutionsOverdue + c.resolutionsDueSoon,
      suffix: '项',
      href: homeLinks.resolutions,
      note: (
        <>
          {late(c.resolutionsOverdue)}，即将到期 {c.resolutionsDueSoon}
        </>
      ),
      alarm: c.resolutionsOverdue > 0,
    },
    {
      key: 'notices',
      title: '本周到期公示',
      value: c.noticesEndingSoon,
      suffix: '份',
      href: homeLinks.notices,
      note:
        s.noticesExpired.length > 0 ? (
          <>
            {late(s.noticesExpired.length, '期满未撤')}，公示中 {c.noticesCurrent}
          </>
        ) : (
          `正在公示 ${c.noticesCurrent} 份`
        ),
      alarm: s.noticesExpired.length > 0,
    },
    {
      key: 'rules',
      title: '待备案规约',
      value: c.rulesAwaitingFiling,
      suffix: '份',
      href: homeLinks.rules,
      note: (() => {
        const overdue = s.rulesAwaitingFiling.filter((r) => r.daysLeft < 0).length;
        return overdue > 0 ? late(overdue, '已逾期') : '表决通过后要报备案';
      })(),
      alarm: s.rulesAwaitingFiling.some((r) => r.daysLeft < 0),
    },
  ];
}

/** Six figures across the top; each one opens its page. */
export function HomeCounts({ summary }: { summary: HomeSummary }) {
  return (
    <Row gutter={[16, 16]} role="list" aria-label="今天要办的事的数目">
      {cards(summary).map((card) => (
        <Col key={card.key} xs={12} md={8} xxl={4} role="listitem">
          <a className="home-count" href={card.href} aria-label={`${card.title} ${card.value}${card.suffix}`} data-count={card.key}>
            <Card hoverable size="small" className={card.alarm ? 'home-count-card home-count-alarm' : 'home-count-card'}>
              <Statistic
                title={card.title}
                value={card.value}
                suffix={card.suffix}
                styles={{ content: card.alarm ? { color: '#cf1322' } : card.value > 0 ? { color: '#1677ff' } : undefined }}
              />
              <div className="home-count-note">{card.note}</div>
            </Card>
          </a>
        </Col>
      ))}
    </Row>
  );
}
