import { useMemo } from 'react';
import { Select } from 'antd';
import { useCall } from '../api/queries';
import { MAX_PAGE_SIZE } from '../../../core/contract/paging';

interface Props {
  orgId: number;
  /** Leave out finalized (已定稿) meetings: their agenda can no longer change. */
  notFinalized?: boolean;
  id?: string;
  value?: number;
  onChange?(id: number): void;
  'aria-label'?: string;
}

/** A meeting of this organization among its newest 200, newest first, searchable by title or date. */
export function MeetingSelect({ orgId, notFinalized, id, value, onChange, ...rest }: Props) {
  const { data, pending: loading } = useCall('meetings.list', { orgId, pageSize: MAX_PAGE_SIZE });
  const items = useMemo(() => {
    const all = data?.items ?? [];
    return notFinalized ? all.filter((m) => m.status !== '已定稿') : all;
  }, [data, notFinalized]);
  return (
    <Select<number>
      id={id}
      aria-label={rest['aria-label'] ?? '会议'}
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      value={value}
      onChange={onChange}
      placeholder="选择会议"
      notFoundContent={loading ? '正在读取会议…' : notFinalized ? '没有可以添加议程的会议（已定稿的会议不能再改议程），请先到“会议”页新建会议' : '还没有会议'}
      options={items.map((m) => ({ value: m.id, label: `${m.date} ${m.title}（${m.status}）` }))}
      style={{ width: '100%' }}
    />
  );
}
