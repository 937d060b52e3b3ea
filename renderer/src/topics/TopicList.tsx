import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { topicStatusSchema, type Topic } from '../../../core/contract/topics';
import { skipToken, useCall } from '../api/queries';
import { MAX_PAGE_SIZE } from '../../../core/contract/paging';
import { TopicStatusTag, UrgencyTag } from './labels';
import { TopicFormModal } from './TopicFormModal';
import { useChannels } from './useChannels';
import { LoadError } from '../app/LoadError';
import { useClock } from '../app/useClock';
import { lastMonths } from '../../../core/dates';

type Status = Topic['status'];

interface Filters {
  status?: Status;
  channel?: string;
  month?: string;
  query: string;
  page: number;
}

const PAGE_SIZE = 20;
const NO_TOPICS: Topic[] = [];

interface Props {
  orgId: number;
  onOpen(id: number): void;
}

/** 议题征集: filters, the list with urgent and overdue rows marked, and 登记议题. */
export function TopicList({ orgId, onOpen }: Props) {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ query: '', page: 1 });
  const [search, setSearch] = useState('');
  const { today } = useClock();
  const [creating, setCreating] = useState(false);
  const { channels, hotline, take: setChannels } = useChannels(orgId);
  const query = filters.query.trim();
  const list = useCall(
    'topics.list',
    {
      orgId,
      page: filters.page,
      pageSize: PAGE_SIZE,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.channel ? { channel: filters.channel } : {}),
      ...(filters.month ? { month: filters.month } : {}),
      ...(query ? { query } : {}),
    },
    { keepPrevious: true },
  );
  const items = list.data?.items ?? NO_TOPICS;
  // Only the shown page's topics are asked about: the marks never need every overdue summons.
  const topicIds = useMemo(() => items.map((t) => t.id), [items]);
  const overdue = useCall('summons.list', topicIds.length ? { orgId, overdueOnly: true, topicIds, pageSize: MAX_PAGE_SIZE } : skipToken);
  const total = list.data?.total ?? 0;
  const overdueTopics = useMemo(
    () => new Map((overdue.data?.items ?? []).filter((s) => s.topicId != null).map((s) => [s.topicId!, `${s.department}：${s.overdueReason ?? '已逾期'}`])),
    [overdue.data],
  );
  const loading = list.loading || overdue.loading;
  const error = list.error ?? overdue.error;
  const { reload: reloadList } = list;
  const { reload: reloadOverdue } = overdue;
  const load = useCallback(async () => {
    await Promise.all([reloadList(), reloadOverdue()]);
  }, [reloadList, reloadOverdue]);

  // Search as the user types, once they pause.
  useEffect(() => {
    if (search === filters.query) return;
    const timer = setTimeout(() => setFilters((f) => ({ ...f, query: search, page: 1 })), 300);
    return () => clearTimeout(timer);
  }, [search, filters.query]);

  const filtered = Boolean(filters.status || filters.channel || filters.month || filters.query);

  const rowClass = (t: Topic) => {
    const classes = ['clickable-row'];
    if (!t.closed && overdueTopics.has(t.id)) classes.push('row-overdue');
    else if (!t.closed && t.urgency === '紧急') classes.push('row-urgent');
    return classes.join(' ');
  };

  return (
    <>
      <div className="toolbar">
        <Select
          aria-label="议题状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 150 }}
          value={filters.status}
          onChange={(v: Status | undefined) => setFilters((f) => ({ ...f, status: v, page: 1 }))}
          options={topicStatusSchema.options.map((s) => ({ value: s, label: s }))}
        />
        <Select
          aria-label="来源渠道"
          placeholder="全部渠道"
          allowClear
          style={{ width: 150 }}
          value={filters.channel}
          onChange={(v: string | undefined) => setFilters((f) => ({ ...f, channel: v, page: 1 }))}
          options={channels.map((c) => ({ value: c, label: c }))}
        />
        <Select
          aria-label="收到月份"
          placeholder="全部月份"
          allowClear
          showSearch
          value={filters.month}
          onChange={(m: string | undefined) => setFilters((f) => ({ ...f, month: m, page: 1 }))}
          options={lastMonths(today, 36)
            .reverse()
            .map((m) => ({ value: m, label: `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月` }))}
          style={{ width: 150 }}
        />
        <Input.Search
          aria-label="搜索议题"
          placeholder="搜索标题、内容、地点或反映人"
          allowClear
          style={{ width: 300 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => setFilters((f) => ({ ...f, query: value, page: 1 }))}
        />
        <div className="toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          登记议题
        </Button>
      </div>
      <LoadError message={error} onRetry={() => void load()} />
      <Table<Topic>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 个议题`,
          onChange: (page) => setFilters((f) => ({ ...f, page })),
        }}
        onRow={(t) => ({ onClick: () => onOpen(t.id), className: rowClass(t) })}
        locale={{
          emptyText: filtered ? '没有符合条件的议题，可以清除筛选条件再看' : '还没有议题。居民反映的事情，点击右上角“登记议题”记下来。',
        }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', width: 120 },
          {
            title: '议题',
            dataIndex: 'title',
            render: (_: unknown, t) => (
              <div>
                <Typography.Link
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(t.id);
                  }}
                >
                  {t.title}
                </Typography.Link>
                {!t.closed && overdueTopics.has(t.id) && (
                  <Tooltip title={overdueTopics.get(t.id)}>
                    <Tag color="red" style={{ marginLeft: 8 }}>
                      吹哨逾期
                    </Tag>
                  </Tooltip>
                )}
                <div className="muted">{[t.category, t.place].filter(Boolean).join(' · ')}</div>
              </div>
            ),
          },
          { title: '反映人', dataIndex: 'raiserName', width: 120 },
          { title: '来源渠道', dataIndex: 'channel', width: 120 },
          { title: '紧急程度', dataIndex: 'urgency', width: 100, render: (_: unknown, t) => <UrgencyTag urgency={t.urgency} /> },
          { title: '状态', dataIndex: 'status', width: 120, render: (_: unknown, t) => <TopicStatusTag status={t.status} /> },
        ]}
      />
      {creating && (
        <TopicFormModal
          orgId={orgId}
          channels={channels}
          hotline={hotline}
          onChannels={setChannels}
          onClose={() => setCreating(false)}
          onSaved={(t) => {
            setCreating(false);
            message.success(`已登记议题“${t.title}”`);
            void load();
          }}
        />
      )}
    </>
  );
}
