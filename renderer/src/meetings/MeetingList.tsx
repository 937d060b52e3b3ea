import { useEffect, useState } from 'react';
import { App, Button, Input, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { MeetingType } from '../../../core/contract/meeting-types';
import { meetingStatuses, type MeetingSummary } from '../../../core/contract/meetings';
import { useCall } from '../api/queries';
import { MeetingFormModal } from './MeetingFormModal';
import { MeetingStatusTag } from './status';
import { lawVersionLabel } from './ruleWords';
import type { MeetingStatus } from './types';
import { LoadError } from '../app/LoadError';
import { useClock } from '../app/useClock';
import { PAGE_SIZE, serverPagination } from '../app/serverPagination';

interface Filters {
  meetingTypeId?: number;
  year?: number;
  status?: MeetingStatus;
  query: string;
  page: number;
}

const NO_MEETINGS: MeetingSummary[] = [];
const NO_TYPES: MeetingType[] = [];

interface Props {
  orgId: number;
  onOpen(id: number): void;
}

/** 会议列表: filters, search, and 新建会议. */
export function MeetingList({ orgId, onOpen }: Props) {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ query: '', page: 1 });
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const { today } = useClock();
  const query = filters.query.trim();
  const list = useCall(
    'meetings.list',
    {
      orgId,
      page: filters.page,
      pageSize: PAGE_SIZE,
      ...(filters.meetingTypeId ? { meetingTypeId: filters.meetingTypeId } : {}),
      ...(filters.year ? { year: filters.year } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(query ? { query } : {}),
    },
    { keepPrevious: true },
  );
  const items = list.data?.items ?? NO_MEETINGS;
  const total = list.data?.total ?? 0;
  const { loading, error, reload: load } = list;
  const types = useCall('meetingTypes.list', { orgId }).data?.items ?? NO_TYPES;

  // Search as the user types, once they pause.
  useEffect(() => {
    if (search === filters.query) return;
    const timer = setTimeout(() => setFilters((f) => ({ ...f, query: search, page: 1 })), 300);
    return () => clearTimeout(timer);
  }, [search, filters.query]);

  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: thisYear + 2 - 2018 }, (_, i) => thisYear + 1 - i);
  const filtered = Boolean(filters.meetingTypeId || filters.year || filters.status || filters.query);

  return (
    <>
      <div className="toolbar">
        <Select
          aria-label="会议类型"
          placeholder="全部类型"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          value={filters.meetingTypeId}
          onChange={(v: number | undefined) => setFilters((f) => ({ ...f, meetingTypeId: v, page: 1 }))}
          options={types.map((t) => ({ value: t.id, label: t.name }))}
        />
        <Select
          aria-label="年份"
          placeholder="全部年份"
          allowClear
          style={{ width: 130 }}
          value={filters.year}
          onChange={(v: number | undefined) => setFilters((f) => ({ ...f, year: v, page: 1 }))}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Select
          aria-label="会议状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 130 }}
          value={filters.status}
          onChange={(v: MeetingStatus | undefined) => setFilters((f) => ({ ...f, status: v, page: 1 }))}
          options={meetingStatuses.map((s) => ({ value: s, label: s }))}
        />
        <Input.Search
          aria-label="搜索会议名称或地点"
          placeholder="搜索会议名称或地点"
          allowClear
          style={{ width: 280 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => setFilters((f) => ({ ...f, query: value, page: 1 }))}
        />
        <div className="toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建会议
        </Button>
      </div>
      <LoadError message={error} onRetry={() => void load()} />
      <Table<MeetingSummary>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={serverPagination(
          filters.page,
          total,
          (page) => setFilters((f) => ({ ...f, page })),
          (n) => `共 ${n} 次会议`,
        )}
        onRow={(m) => ({ onClick: () => onOpen(m.id), className: 'clickable-row' })}
        locale={{
          emptyText: filtered ? '没有符合条件的会议，可以清除筛选条件再看' : '还没有会议。点击右上角“新建会议”开始准备第一次会议。',
        }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 150, render: (_: unknown, m) => `${m.date}${m.startTime ? ` ${m.startTime}` : ''}` },
          {
            title: '会议名称',
            dataIndex: 'title',
            render: (_: unknown, m) => (
              <Typography.Link
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(m.id);
                }}
              >
                {m.title}
              </Typography.Link>
            ),
          },
          { title: '类型', dataIndex: 'typeName', width: 160 },
          { title: '地点', dataIndex: 'place', width: 200, render: (v: string | null) => v ?? '—' },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: MeetingStatus) => <MeetingStatusTag status={s} /> },
          { title: '法律版本', dataIndex: 'lawVersion', width: 120, render: (v: string | null) => lawVersionLabel(v) },
        ]}
      />
      {creating && (
        <MeetingFormModal
          orgId={orgId}
          onClose={() => setCreating(false)}
          onSaved={(m) => {
            setCreating(false);
            message.success(`已新建会议“${m.title}”`);
            onOpen(m.id);
          }}
        />
      )}
    </>
  );
}
