import { useState } from 'react';
import { App, Button, Empty, Radio, Space, Table, Typography } from 'antd';
import { CameraOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import type { Notice } from '../../../core/contract/notices';
import { call } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { NoticeStatusTag, showDate } from './labels';
import { NoticeFormModal } from './NoticeFormModal';
import { TakeDownModal } from './TakeDownModal';
import { NoticeBoardDrawer } from './NoticeBoardDrawer';
import { useExport } from '../app/useExport';
import { LoadError } from '../app/LoadError';
import { PAGE_SIZE, serverPagination } from '../app/serverPagination';

type Filter = 'current' | 'endingSoon' | 'expired' | 'all';

const filters: { value: Filter; label: string }[] = [
  { value: 'current', label: '公示中' },
  { value: 'endingSoon', label: '本周到期' },
  { value: 'expired', label: '已到期未撤下' },
  { value: 'all', label: '全部' },
];

const emptyText: Record<Filter, string> = {
  current: '现在没有正在公示的内容。',
  endingSoon: '本周没有到期的公示。',
  expired: '没有期满还未撤下的公示。',
  all: '还没有登记公示。点击“新建公示”，登记贴到公开栏的决议公示或实施结果公示。',
};

/** 公示: what is posted now, what ends this week, what should come down; new, take down, export. */
export function NoticesPanel({ orgId }: { orgId: number }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [creating, setCreating] = useState(false);
  const [takingDown, setTakingDown] = useState<Notice | null>(null);
  const [record, setRecord] = useState<number | null>(null);
  const { isBusy, run } = useExport();

  const [page, setPage] = useState(1);

  const { data, loading, error, reload: load } = useCall('notices.list', { orgId, filter, page, pageSize: PAGE_SIZE }, { keepPrevious: true });
  const items: Notice[] = data?.items ?? EMPTY;

  return (
    <div>
      <div className="toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建公示
        </Button>
        <span style={{ marginLeft: 12 }}>显示</span>
        <Radio.Group
          optionType="button"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value as Filter);
            setPage(1);
          }}
          options={filters}
          aria-label="显示哪些公示"
        />
      </div>
      <LoadError message={error} onRetry={() => void load()} />
      <Table<Notice>
        rowKey="id"
        aria-label="公示"
        loading={loading}
        dataSource={items}
        pagination={serverPagination(page, data?.total ?? 0, setPage, (n) => `共 ${n} 条公示`)}
        locale={{ emptyText: <Empty description={emptyText[filter]} /> }}
        columns={[
          { title: '类别', dataIndex: 'kind', width: 130, render: (v: string) => <span className="followup-nowrap">{v}</span> },
          {
            title: '标题',
            render: (_v, n) => (
              <div>
                <Typography.Text strong>{n.title}</Typography.Text>
                {n.resolutionNumber && <div className="followup-muted">决议 {n.resolutionNumber}</div>}
              </div>
            ),
          },
          {
            title: '公示期',
            width: 240,
            render: (_v, n) => (
              <div>
                <div>{showDate(n.postedOn)}起</div>
                <div className="followup-muted">
                  至{showDate(n.endsOn)}，共 {n.periodDays} 天
                </div>
              </div>
            ),
          },
          { title: '张贴地点', dataIndex: 'place', width: 130 },
          {
            title: '状态',
            width: 150,
            render: (_v, n) => (
              <div>
                <NoticeStatusTag notice={n} />
                {n.status === '公示中' && n.daysLeft != null && <div className="followup-muted">{n.daysLeft === 0 ? '今天期满' : `还剩 ${n.daysLeft} 天`}</div>}
                {n.takenDownOn && <div className="followup-muted">{showDate(n.takenDownOn)}撤下</div>}
                {n.takeDownReason && <div className="followup-muted">原因：{n.takeDownReason}</div>}
                {n.postedPhotos.length + n.takenDownPhotos.length > 0 && (
                  <div className="followup-muted">照片 {n.postedPhotos.length + n.takenDownPhotos.length} 张</div>
                )}
              </div>
            ),
          },
          {
            title: '操作',
            width: 200,
            render: (_v, n) => (
              <Space size={4} orientation="vertical">
                <Button
                  size="small"
                  icon={<FileWordOutlined />}
                  loading={isBusy(`n${n.id}`)}
                  onClick={() => void run('公示', () => call('notices.export', { id: n.id }), { key: `n${n.id}` })}
                  aria-label={`导出 Word：${n.title}`}
                >
                  导出 Word
                </Button>
                <Button size="small" icon={<CameraOutlined />} onClick={() => setRecord(n.id)} aria-label={`张贴记录：${n.title}`}>
                  张贴记录
                </Button>
                {!n.takenDownOn && (
                  <Button size="small" onClick={() => setTakingDown(n)} aria-label={`撤下：${n.title}`}>
                    撤下
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <NoticeFormModal
          orgId={orgId}
          onClose={() => setCreating(false)}
          onCreated={(n) => {
            setCreating(false);
            message.success(`已登记公示“${n.title}”，公示到 ${showDate(n.endsOn)}`);
            void load();
          }}
        />
      )}
      {record != null && <NoticeBoardDrawer noticeId={record} onClose={() => setRecord(null)} onChanged={() => void load()} />}
      {takingDown && (
        <TakeDownModal
          notice={takingDown}
          onClose={() => setTakingDown(null)}
          onDone={(n) => {
            setTakingDown(null);
            message.success(`已登记撤下“${n.title}”`);
            void load();
          }}
        />
      )}
    </div>
  );
}
