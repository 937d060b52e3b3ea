import { useState } from 'react';
import { App, Button, Table, Tag, Typography } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import type { RuleDocSummary } from '../../../core/contract/rules';
import { EMPTY, useCall } from '../api/queries';
import { CreateRuleModal } from './CreateRuleModal';
import { PenaltyTermsDrawer } from './PenaltyTermsDrawer';
import { FilingDue } from './FilingDue';
import { StageTag } from './labels';
import { LoadError } from '../app/LoadError';

interface Props {
  orgId: number;
  onOpen(id: number): void;
}

/** 村规民约 list: every rule document of the organization, 新建, and the penalty wording list. */
export function RuleList({ orgId, onOpen }: Props) {
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [terms, setTerms] = useState(false);

  const { data, loading, error, reload: load } = useCall('rules.list', { orgId });
  const items: RuleDocSummary[] = data?.items ?? EMPTY;

  return (
    <>
      <div className="toolbar">
        <Typography.Text type="secondary">村规民约、居民公约、小区公约和自治章程，从征集民意到表决、备案、公布，每一步都在这里留痕。</Typography.Text>
        <div className="toolbar-spacer" />
        <Button icon={<WarningOutlined />} onClick={() => setTerms(true)}>
          违规用语清单
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建规约
        </Button>
      </div>
      <LoadError message={error} onRetry={() => void load()} />
      <Table<RuleDocSummary>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 份` }}
        onRow={(d) => ({ onClick: () => onOpen(d.id), className: 'clickable-row' })}
        locale={{ emptyText: '还没有规约。点击右上角“新建规约”，可以从空白开始起草，也可以导入现有的文本。' }}
        columns={[
          {
            title: '名称',
            dataIndex: 'title',
            render: (_: unknown, d) => (
              <Typography.Link
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(d.id);
                }}
              >
                {d.title}
              </Typography.Link>
            ),
          },
          { title: '类别', dataIndex: 'kind', width: 110 },
          { title: '进行到', dataIndex: 'stage', width: 110, render: (_: unknown, d) => <StageTag stage={d.stage} /> },
          {
            title: '条文',
            dataIndex: 'articleCount',
            width: 110,
            render: (_: unknown, d) => (d.chapterCount ? `${d.chapterCount} 章 ${d.articleCount} 条` : `${d.articleCount} 条`),
          },
          {
            title: '待处理意见',
            dataIndex: 'pendingOpinions',
            width: 120,
            render: (n: number, d) =>
              n ? <Tag color="orange">{n} 条待处理</Tag> : d.opinionCount ? <span className="muted">已全部处理</span> : <span className="muted">—</span>,
          },
          {
            title: '违规用语提示',
            dataIndex: 'openFlags',
            width: 130,
            render: (n: number) => (n ? <Tag color="red">{n} 处待核查</Tag> : <span className="muted">无</span>),
          },
          {
            title: '备案期限',
            dataIndex: 'filingDue',
            width: 200,
            render: (_: unknown, d) => <FilingDue due={d.filingDue} filedOn={d.filedOn} daysLeft={d.filingDaysLeft} />,
          },
        ]}
      />
      {creating && (
        <CreateRuleModal
          orgId={orgId}
          onClose={() => setCreating(false)}
          onCreated={(doc) => {
            setCreating(false);
            message.success(`已新建《${doc.title}》`);
            onOpen(doc.id);
          }}
        />
      )}
      {terms && <PenaltyTermsDrawer orgId={orgId} onClose={() => setTerms(false)} />}
    </>
  );
}
