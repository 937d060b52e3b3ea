import { useState } from 'react';
import { Button, Empty, Progress, Radio, Table, Typography } from 'antd';
import type { FollowUpItem } from '../../../core/contract/followup';
import { EMPTY, useCall } from '../api/queries';
import { DueTag, showDate } from './labels';
import { FollowUpDrawer } from './FollowUpDrawer';
import { LoadError } from '../app/LoadError';
import { PAGE_SIZE, serverPagination } from '../app/serverPagination';

type Filter = 'overdue' | 'dueSoon' | 'open' | 'done' | 'all';

const filters: { value: Filter; label: string }[] = [
  { value: 'overdue', label: '逾期' },
  { value: 'dueSoon', label: '即将到期' },
  { value: 'open', label: '未完成' },
  { value: 'done', label: '已完成' },
  { value: 'all', label: '全部' },
];

const emptyText: Record<Filter, string> = {
  overdue: '没有逾期的决议。',
  dueSoon: '没有 7 天内到期的决议。',
  open: '没有未完成的决议。',
  done: '还没有办结的决议。',
  all: '还没有决议。会议表决通过并确认的议案会自动成为决议，列在这里督办。',
};

interface Props {
  orgId: number;
  /** The resolution whose drawer is open (from the address). */
  openId?: number;
  onOpen(id: number | undefined): void;
}

/** 决议督办: every resolution with who does it, by when, how far it is, and whether it is late. */
export function FollowUpList({ orgId, openId, onOpen }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);

  const { data, loading, error, reload: load } = useCall('followUp.list', { orgId, filter, page, pageSize: PAGE_SIZE }, { keepPrevious: true });
  const items: FollowUpItem[] = data?.items ?? EMPTY;

  return (
    <div>
      <div className="toolbar">
        <span>显示</span>
        <Radio.Group
          optionType="button"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value as Filter);
            setPage(1);
          }}
          options={filters}
          aria-label="显示哪些决议"
        />
        <div className="toolbar-spacer" />
        <Typography.Text type="secondary">
          点一行查看详情、登记进度和办结。全部决议的表决情况见 <a href="#/meetings/resolutions">会议 → 决议</a>。
        </Typography.Text>
      </div>
      <LoadError message={error} onRetry={() => void load()} />
      <Table<FollowUpItem>
        rowKey="id"
        aria-label="决议督办"
        loading={loading}
        dataSource={items}
        pagination={serverPagination(page, data?.total ?? 0, setPage, (n) => `共 ${n} 项决议`)}
        rowClassName={() => 'clickable-row'}
        onRow={(r) => ({ onClick: () => onOpen(r.id) })}
        locale={{ emptyText: <Empty description={emptyText[filter]} /> }}
        columns={[
          {
            title: '编号',
            dataIndex: 'number',
            width: 130,
            render: (v: string) => (
              <Typography.Text strong className="followup-nowrap">
                {v}
              </Typography.Text>
            ),
          },
          {
            title: '决议事项',
            render: (_v, r) => (
              <div>
                <Typography.Text strong>{r.title}</Typography.Text>
                <div className="followup-muted">
                  {r.meetingTitle}（{showDate(r.meetingDate)}）
                </div>
              </div>
            ),
          },
          {
            title: '责任人/单位',
            dataIndex: 'responsible',
            width: 150,
            render: (v: string | null) => v ?? <Typography.Text type="secondary">未指定</Typography.Text>,
          },
          {
            title: '完成期限',
            dataIndex: 'deadline',
            width: 140,
            render: (v: string | null) => (v ? showDate(v) : <Typography.Text type="secondary">未定</Typography.Text>),
          },
          {
            title: '落实进度',
            width: 190,
            render: (_v, r) =>
              r.lastPercent == null ? (
                <Typography.Text type="secondary">还没有登记进度</Typography.Text>
              ) : (
                <div>
                  <Progress
                    percent={r.lastPercent}
                    size="small"
                    status={r.dueState === 'done' ? 'success' : r.dueState === 'overdue' ? 'exception' : 'normal'}
                    aria-label={`完成 ${r.lastPercent}%`}
                  />
                  <div className="followup-muted">{showDate(r.lastProgressOn)}</div>
                </div>
              ),
          },
          { title: '状态', width: 140, render: (_v, r) => <DueTag item={r} /> },
          {
            title: '操作',
            width: 110,
            render: (_v, r) => (
              <Button
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(r.id);
                }}
                aria-label={`督办：${r.title}`}
              >
                {r.completedOn ? '查看' : '督办'}
              </Button>
            ),
          },
        ]}
      />
      {openId != null && <FollowUpDrawer key={openId} resolutionId={openId} onClose={() => onOpen(undefined)} onChanged={() => void load()} />}
    </div>
  );
}
