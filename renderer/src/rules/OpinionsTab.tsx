import { useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import type { RuleDocDetail, RuleOpinion } from '../../../core/contract/rules';
import { call } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { DisposeModal } from './DisposeModal';
import { OpinionFormModal } from './OpinionFormModal';
import { dateWords } from './labels';
import { useExport } from '../app/useExport';

interface Props {
  doc: RuleDocDetail;
  onChanged(): void;
}

const dispositionColors: Record<string, string> = { 待处理: 'orange', 采纳: 'green', 部分采纳: 'blue', 未采纳: 'default' };

/** 意见: what residents said, on which article, and what became of it. */
export function OpinionsTab({ doc, onChanged }: Props) {
  const { message } = App.useApp();
  const exporter = useExport();
  const [adding, setAdding] = useState(false);
  const [disposing, setDisposing] = useState<RuleOpinion | null>(null);

  const { data, loading, error, reload: load } = useCall('rules.opinions.list', { docId: doc.id });
  const items: RuleOpinion[] = data?.items ?? EMPTY;
  const channels: string[] = data?.channels ?? EMPTY;

  const count = (d: string) => items.filter((o) => o.disposition === d).length;
  return (
    <div>
      <div className="toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          登记意见
        </Button>
        <Typography.Text className="counts-line">
          共 {items.length} 条：采纳 {count('采纳')}，部分采纳 {count('部分采纳')}，未采纳 {count('未采纳')}，
          {count('待处理') ? (
            <Typography.Text type="warning" strong>
              待处理 {count('待处理')}
            </Typography.Text>
          ) : (
            '待处理 0'
          )}
        </Typography.Text>
        <div className="toolbar-spacer" />
        <Button
          icon={<FileWordOutlined />}
          loading={exporter.isBusy('意见采纳情况表')}
          onClick={() => void exporter.run('意见采纳情况表', () => call('rules.export', { docId: doc.id, document: '意见采纳情况表' }))}
        >
          导出意见采纳情况表
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<RuleOpinion>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有登记意见。座谈会、入户走访、意见箱收到的意见，都可以在这里逐条登记。' }}
        columns={[
          { title: '提出人', dataIndex: 'name', width: 110 },
          { title: '渠道', dataIndex: 'channel', width: 110 },
          { title: '日期', dataIndex: 'receivedOn', width: 130, render: (v: string) => dateWords(v) },
          {
            title: '涉及条款',
            width: 150,
            render: (_: unknown, o) =>
              o.articleLabel ? o.articleDeleted ? <Typography.Text type="secondary">（原{o.articleLabel}，已删除）</Typography.Text> : o.articleLabel : '全文',
          },
          { title: '内容', dataIndex: 'content' },
          { title: '处理结果', dataIndex: 'disposition', width: 100, render: (d: string) => <Tag color={dispositionColors[d]}>{d}</Tag> },
          { title: '理由', dataIndex: 'reason', width: 200, render: (v: string | null) => v ?? <span className="muted">—</span> },
          {
            title: '操作',
            width: 90,
            render: (_: unknown, o) => (
              <Space>
                <Button size="small" type={o.disposition === '待处理' ? 'primary' : 'default'} onClick={() => setDisposing(o)}>
                  处理
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {adding && (
        <OpinionFormModal
          doc={doc}
          channels={channels}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            message.success('意见已登记');
            void load();
            onChanged();
          }}
        />
      )}
      {disposing && (
        <DisposeModal
          opinion={disposing}
          onClose={() => setDisposing(null)}
          onSaved={(o) => {
            setDisposing(null);
            message.success(`已标为“${o.disposition}”`);
            void load();
            onChanged();
          }}
        />
      )}
    </div>
  );
}
