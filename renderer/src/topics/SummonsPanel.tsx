import { useCallback, useState } from 'react';
import { Alert, App, Button, Checkbox, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Summons } from '../../../core/contract/summons';
import { call } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { SummonsFormModal } from './SummonsFormModal';
import { SummonsTable } from './SummonsTable';
import { LoadError } from '../app/LoadError';
import { PAGE_SIZE, serverPagination } from '../app/serverPagination';

interface Filters {
  department?: string;
  overdueOnly: boolean;
  openOnly: boolean;
  page: number;
}

interface Props {
  orgId: number;
  onOpenTopic(id: number): void;
}

/** 吹哨报到: every summons, for topics and for meetings, with 报到 · 办结 · 评价. */
export function SummonsPanel({ orgId, onOpenTopic }: Props) {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ overdueOnly: false, openOnly: false, page: 1 });
  const [creating, setCreating] = useState(false);
  const list = useCall(
    'summons.list',
    {
      orgId,
      page: filters.page,
      pageSize: PAGE_SIZE,
      ...(filters.department ? { department: filters.department } : {}),
      ...(filters.overdueOnly ? { overdueOnly: true } : {}),
      ...(filters.openOnly ? { openOnly: true } : {}),
    },
    { keepPrevious: true },
  );
  const deps = useCall('summons.departments', { orgId });
  const items: Summons[] = list.data?.items ?? EMPTY;
  const total = list.data?.total ?? 0;
  const departments: string[] = deps.data?.items ?? EMPTY;
  const loading = list.loading || deps.loading;
  const error = list.error ?? deps.error;
  const { reload: reloadList } = list;
  const { reload: reloadDeps } = deps;
  const load = useCallback(async () => {
    await Promise.all([reloadList(), reloadDeps()]);
  }, [reloadList, reloadDeps]);

  const filtered = Boolean(filters.department || filters.overdueOnly || filters.openOnly);

  return (
    <>
      <div className="toolbar">
        <Select
          aria-label="部门或单位"
          placeholder="全部部门"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          value={filters.department}
          onChange={(v: string | undefined) => setFilters((f) => ({ ...f, department: v, page: 1 }))}
          options={departments.map((d) => ({ value: d, label: d }))}
        />
        <Checkbox checked={filters.overdueOnly} onChange={(e) => setFilters((f) => ({ ...f, overdueOnly: e.target.checked, page: 1 }))}>
          只看逾期
        </Checkbox>
        <Checkbox checked={filters.openOnly} onChange={(e) => setFilters((f) => ({ ...f, openOnly: e.target.checked, page: 1 }))}>
          只看未办结
        </Checkbox>
        <div className="toolbar-spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          为会议吹哨
        </Button>
      </div>
      <Alert
        type="info"
        showIcon
        className="summons-legend"
        title="红色的行已逾期（超时未报到或超过承诺期限），橙色的行 7 天内到期。为议题吹哨请在议题里点“转部门办理”。"
        style={{ marginBottom: 12 }}
      />
      <LoadError message={error} onRetry={() => void load()} />
      <SummonsTable
        items={items}
        loading={loading}
        pagination={serverPagination(
          filters.page,
          total,
          (page) => setFilters((f) => ({ ...f, page })),
          (n) => `共 ${n} 条吹哨记录`,
        )}
        onOpenTopic={onOpenTopic}
        onChanged={() => void load()}
        emptyText={
          filtered
            ? '没有符合条件的吹哨记录，可以清除筛选条件再看'
            : '还没有吹哨记录。议题需要部门来办时，在议题里点“转部门办理”；会议需要部门到场时，点右上角“为会议吹哨”。'
        }
      />
      {creating && (
        <SummonsFormModal
          orgId={orgId}
          title="为会议吹哨"
          forMeeting
          onClose={() => setCreating(false)}
          onSubmit={async (fields) => {
            const s = await call('summons.create', { orgId, ...fields });
            setCreating(false);
            message.success(`已向${s.department}吹哨`);
            void load();
          }}
        />
      )}
    </>
  );
}
