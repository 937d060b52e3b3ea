import { Card, Empty, Typography } from 'antd';
import { pageLabels, type PageKey } from '../layout/navigation';

const plans: Partial<Record<PageKey, string>> = {
  meetings:
    '今后在这里安排议事协商会、居民会议、村民代表会议等：准备议程和会议通知，现场签到并实时核对到会人数，记录讨论和表决，会后生成可以打印的会议记录。',
  topics: '今后在这里收集议题：来自信箱、热线、网格员、居民留言或党组织提议的事情，都能登记、分类，并安排上会讨论、跟踪办理结果。',
  rules: '今后在这里起草和修订村规民约、居民公约：保存各版草稿，记录居民提出的修改意见，组织表决通过，并导出报乡镇（街道）备案的文本。',
};

/** An honest placeholder: says what the section will do instead of pretending to work. */
export function ComingSoonPage({ page }: { page: PageKey }) {
  return (
    <Card>
      <Typography.Title level={3} className="page-title">
        {pageLabels[page]}
      </Typography.Title>
      <Empty
        description={
          <div style={{ maxWidth: 560, margin: '0 auto' }}>
            <Typography.Title level={4}>即将推出</Typography.Title>
            <Typography.Paragraph>{plans[page]}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">这一部分还在制作中，现在可以先整理人员名册。</Typography.Paragraph>
          </div>
        }
      />
    </Card>
  );
}
