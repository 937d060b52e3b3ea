import { useState } from 'react';
import { App, Button, Space, Table, Typography } from 'antd';
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import type { FollowUpDetail } from '../../../core/contract/followup';
import type { Notice } from '../../../core/contract/notices';
import type { NoticeKind } from '../../../core/followup/data';
import { call } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { MAX_PAGE_SIZE } from '../../../core/contract/paging';
import { NoticeStatusTag, showDate } from './labels';
import { NoticeFormModal } from './NoticeFormModal';
import { useExport } from '../app/useExport';

/** The notices of one resolution, and 决议公开 / 实施结果公开 buttons that open a prefilled 新建公示. */
export function ResolutionNotices({ detail }: { detail: FollowUpDetail }) {
  const { message } = App.useApp();
  const [creating, setCreating] = useState<NoticeKind | null>(null);
  const { isBusy, run } = useExport();

  const { data, reload: load } = useCall('notices.list', { orgId: detail.orgId, resolutionId: detail.id, filter: 'all', pageSize: MAX_PAGE_SIZE });
  const items: Notice[] = data?.items ?? EMPTY;

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setCreating('决议公开')}>
          新建决议公开
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => setCreating('实施结果公开')}>
          新建实施结果公开
        </Button>
      </Space>
      {!detail.completedOn && (
        <Typography.Paragraph type="secondary">实施结果公开一般在登记办结之后张贴，导出的公示会写明落实进度和结果。</Typography.Paragraph>
      )}
      {items.length > 0 && (
        <Table<Notice>
          rowKey="id"
          size="small"
          aria-label="本决议的公示"
          dataSource={items}
          pagination={false}
          columns={[
            { title: '类别', dataIndex: 'kind', width: 110 },
            { title: '标题', dataIndex: 'title' },
            { title: '公示期', width: 210, render: (_v, n) => `${showDate(n.postedOn)}起 共${n.periodDays}天` },
            { title: '状态', width: 100, render: (_v, n) => <NoticeStatusTag notice={n} /> },
            {
              title: '',
              width: 90,
              render: (_v, n) => (
                <Button
                  size="small"
                  icon={<FileWordOutlined />}
                  loading={isBusy(`n${n.id}`)}
                  onClick={() => void run('公示', () => call('notices.export', { id: n.id }), { key: `n${n.id}` })}
                  aria-label={`导出 Word：${n.title}`}
                >
                  导出
                </Button>
              ),
            },
          ]}
        />
      )}
      {creating && (
        <NoticeFormModal
          orgId={detail.orgId}
          preset={{ kind: creating, resolutionId: detail.id }}
          onClose={() => setCreating(null)}
          onCreated={(n) => {
            setCreating(null);
            message.success(`已登记公示“${n.title}”，公示到 ${showDate(n.endsOn)}`);
            void load();
          }}
        />
      )}
    </div>
  );
}
