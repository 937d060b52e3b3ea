import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { CalendarOutlined, ImportOutlined, MessageOutlined, ReloadOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { useCurrentOrg } from '../org/OrgContext';
import type { PageKey } from '../layout/navigation';
import { zonedParts } from '../../../core/clock';
import { useClock } from '../app/useClock';
import { useHomeSummary } from '../home/useHomeSummary';
import { HomeCounts } from '../home/HomeCounts';
import { HomeLists } from '../home/HomeLists';
import { TopicChart } from '../home/TopicChart';
import { chineseDate, timeZoneLabel, weekday } from '../home/format';
import '../home/home.css';
import { LedgerExportCard } from '../ledgers/LedgerExportCard';
import { RemindersCard } from '../home/RemindersCard';

interface Props {
  onNavigate(page: PageKey, options?: { openImport?: boolean }): void;
}

/** 首页: what needs the secretary today, each line a click from its page. */
export function HomePage({ onNavigate }: Props) {
  const org = useCurrentOrg();
  const { timeZone } = useClock();
  const { summary, reminders, remindersError, rosterSize, loading, error, loadedAt, reload } = useHomeSummary(org.id);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <div className="home-header">
          <div>
            <Typography.Title level={3} className="page-title">
              您好，这里是{org.name}的议事厅
            </Typography.Title>
            <Typography.Text className="home-today" data-testid="home-today">
              {summary ? `今天：${chineseDate(summary.today)} ${weekday(summary.today)}（${timeZoneLabel(summary.timeZone)}）` : '正在查看今天要办的事…'}
            </Typography.Text>
          </div>
          <Space wrap>
            {loadedAt && <Typography.Text type="secondary">{`${zonedParts(timeZone, loadedAt).time} 更新`}</Typography.Text>}
            <Button size="large" icon={<ReloadOutlined />} loading={loading && summary !== null} onClick={() => void reload()}>
              刷新
            </Button>
          </Space>
        </div>
      </Card>

      {rosterSize === 0 && (
        <Alert
          type="info"
          showIcon
          title="还没有人员名册"
          description="开会签到、计算应到人数和表决都要用到名册。可以从 Excel 一次导入，也可以在“人员名册”里逐个添加。"
          action={
            <Button type="primary" size="large" icon={<ImportOutlined />} onClick={() => onNavigate('people', { openImport: true })}>
              从 Excel 导入名册
            </Button>
          }
        />
      )}

      {error && (
        <Alert
          type="warning"
          showIcon
          title={summary ? '刚才没有刷新成功，下面显示的是上一次的内容' : '今天要办的事暂时没有读出来'}
          description={error}
          action={
            <Button onClick={() => void reload()} loading={loading}>
              再试一次
            </Button>
          }
        />
      )}

      <RemindersCard reminders={reminders} error={remindersError} />

      {summary ? (
        <>
          <HomeCounts summary={summary} />
          <HomeLists summary={summary} />
          <TopicChart chart={summary.chart} />
        </>
      ) : (
        !error && (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )
      )}

      <Card title="常用操作">
        <Space wrap size="middle">
          <Button size="large" icon={<CalendarOutlined />} onClick={() => onNavigate('meetings')}>
            会议
          </Button>
          <Button size="large" icon={<MessageOutlined />} onClick={() => onNavigate('topics')}>
            议题
          </Button>
          <Button size="large" icon={<TeamOutlined />} onClick={() => onNavigate('people')}>
            查看人员名册{rosterSize ? `（在册 ${rosterSize} 人）` : ''}
          </Button>
          <Button size="large" icon={<ImportOutlined />} onClick={() => onNavigate('people', { openImport: true })}>
            从 Excel 导入名册
          </Button>
          <Button size="large" icon={<SettingOutlined />} onClick={() => onNavigate('settings')}>
            设置与数据安全
          </Button>
        </Space>
      </Card>
      <LedgerExportCard orgId={org.id} />
    </Space>
  );
}
