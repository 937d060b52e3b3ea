import { useState } from 'react';
import { App, Button, Empty, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { matterSchema } from '../../../core/contract/matters';
import { matterSteps } from '../../../core/followup/data';
import { EMPTY, useCall } from '../api/queries';
import { showDate } from './labels';
import { MatterFormModal } from './MatterFormModal';
import { LoadError } from '../app/LoadError';
import { PAGE_SIZE, serverPagination } from '../app/serverPagination';
import { orgWording } from '../../../core/documents/wording';
import { useCurrentOrg } from '../org/OrgContext';

type Matter = z.infer<typeof matterSchema>;

const TOTAL = matterSteps.length;

/** 四议两公开: the matters and how far each has come; click one to open its six steps. */
export function MattersPanel({ orgId, onOpen }: { orgId: number; onOpen(id: number): void }) {
  const { message } = App.useApp();
  const words = orgWording(useCurrentOrg().kind);
  const [creating, setCreating] = useState(false);

  const [page, setPage] = useState(1);

  const { data, loading, error, reload: load } = useCall('matters.list', { orgId, page, pageSize: PAGE_SIZE }, { keepPrevious: true });
  const items: Matter[] = data?.items ?? EMPTY;

  return (
    <div>
      <div className="toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建事项
        </Button>
        <Typography.Text type="secondary">
          {words.place === '村' ? '村级' : '社区'}重大事项按“四议两公开”六个步骤依次办理：党组织提议、“两委”会议商议、党员大会审议、{words.resident}
          （代表）会议决议、决议公开、实施结果公开。
        </Typography.Text>
      </div>
      <LoadError message={error} onRetry={() => void load()} />
      <Table<Matter>
        rowKey="id"
        aria-label="四议两公开事项"
        loading={loading}
        dataSource={items}
        pagination={serverPagination(page, data?.total ?? 0, setPage, (n) => `共 ${n} 项事项`)}
        rowClassName={() => 'clickable-row'}
        onRow={(m) => ({ onClick: () => onOpen(m.id) })}
        locale={{ emptyText: <Empty description="{`还没有四议两公开事项。${words.place === '村' ? '村里' : '社区'}的重大事项，点击“新建事项”开始登记。`}" /> }}
        columns={[
          { title: '事项名称', dataIndex: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: '类别', dataIndex: 'category', width: 140, render: (v: string | null) => v ?? '—' },
          { title: '登记日期', dataIndex: 'createdOn', width: 150, render: showDate },
          {
            title: '下一步',
            width: 260,
            render: (_v, m) => (m.nextStep ? `第${m.nextStep}步：${m.nextStepName ?? ''}` : <Typography.Text type="success">六步全部完成</Typography.Text>),
          },
          { title: '进度', width: 100, render: (_v, m) => `${m.nextStep ? m.nextStep - 1 : TOTAL}/${TOTAL}` },
          {
            title: '操作',
            width: 100,
            render: (_v, m) => (
              <Button
                size="small"
                aria-label={`打开：${m.title}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(m.id);
                }}
              >
                打开
              </Button>
            ),
          },
        ]}
      />
      {creating && (
        <MatterFormModal
          orgId={orgId}
          onClose={() => setCreating(false)}
          onCreated={(m) => {
            setCreating(false);
            message.success(`已登记事项“${m.title}”，下一步：${m.nextStepName ?? ''}`);
            onOpen(m.id);
          }}
        />
      )}
    </div>
  );
}
