import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult, TablePaginationConfig } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import type { PersonRow } from '../../../core/contract/people';
import { call } from '../api/client';
import { useReportError } from '../app/useReportError';
import { StatusActions } from './StatusActions';
import { PersonTopicsModal } from '../topics/PersonTopicsModal';
import type { ListParams, SortField } from './usePeopleList';

interface Props {
  items: PersonRow[];
  total: number;
  loading: boolean;
  params: ListParams;
  onParamsChange(patch: Partial<ListParams>): void;
  onEdit(person: PersonRow): void;
  onChanged(): void;
}

interface Revealed {
  idNumber: string | null;
  phone: string | null;
}

const SORTABLE: readonly string[] = ['name', 'householdNo', 'groupName', 'birthDate'] satisfies SortField[];

export function PeopleTable({ items, total, loading, params, onParamsChange, onEdit, onChanged }: Props) {
  const reportError = useReportError();
  // Full ID number and phone, only for the rows the user asked to see.
  const [revealed, setRevealed] = useState<Record<number, Revealed>>({});
  // 议题: the topics this resident raised (topics.byPerson).
  const [topicsOf, setTopicsOf] = useState<PersonRow | null>(null);
  // Whenever the list reloads (search, paging, an edit), everything is masked again.
  useEffect(() => setRevealed({}), [items]);

  async function reveal(person: PersonRow) {
    try {
      const full = await call('people.reveal', { id: person.id });
      setRevealed((r) => ({ ...r, [person.id]: { idNumber: full.idNumber, phone: full.phone } }));
    } catch (error) {
      reportError(error, '没有显示出来');
    }
  }

  function hide(person: PersonRow) {
    setRevealed((r) => {
      const next = { ...r };
      delete next[person.id];
      return next;
    });
  }

  const sortOrderOf = (field: SortField) => (params.sortField === field ? (params.sortOrder ?? null) : null);

  const columns: ColumnsType<PersonRow> = [
    { title: '姓名', dataIndex: 'name', key: 'name', sorter: true, sortOrder: sortOrderOf('name'), width: 92, fixed: 'left' },
    { title: '性别', dataIndex: 'gender', key: 'gender', width: 64, render: (v: string | null) => v ?? '' },
    {
      title: '出生日期',
      dataIndex: 'birthDate',
      key: 'birthDate',
      sorter: true,
      sortOrder: sortOrderOf('birthDate'),
      width: 112,
      render: (v: string | null) => v ?? '',
    },
    {
      title: '户号',
      dataIndex: 'householdNo',
      key: 'householdNo',
      sorter: true,
      sortOrder: sortOrderOf('householdNo'),
      width: 84,
    },
    {
      title: '小组',
      dataIndex: 'groupName',
      key: 'groupName',
      sorter: true,
      sortOrder: sortOrderOf('groupName'),
      width: 128,
    },
    { title: '与户主关系', dataIndex: 'relationToHead', key: 'relationToHead', width: 100, render: (v: string | null) => v ?? '' },
    { title: '住址', dataIndex: 'address', key: 'address', width: 180, ellipsis: true, render: (v: string | null) => v ?? '' },
    {
      title: '联系电话',
      key: 'phone',
      width: 124,
      render: (_: unknown, p) => (revealed[p.id] ? (revealed[p.id]?.phone ?? '') : (p.phoneMasked ?? '')),
    },
    {
      title: '身份证号',
      key: 'idNumber',
      width: 188,
      render: (_: unknown, p) => (
        <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {revealed[p.id] ? (revealed[p.id]?.idNumber ?? '') : (p.idNumberMasked ?? '')}
        </span>
      ),
    },
    {
      title: '标签',
      dataIndex: 'tags',
      key: 'tags',
      width: 110,
      render: (tags: string[]) => (
        <Space size={[0, 4]} wrap>
          {tags.map((t) => (
            <Tag key={t} color={t === '党员' ? 'red' : 'blue'}>
              {t}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      hidden: params.status === '在册',
      title: '状态',
      key: 'status',
      width: 100,
      render: (_: unknown, p) =>
        p.status === '在册' ? (
          <Tag color="green">在册</Tag>
        ) : (
          <span>
            <Tag>迁出</Tag>
            {p.movedAt && <Typography.Text type="secondary">{p.movedAt}</Typography.Text>}
          </span>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 236,
      fixed: 'right',
      render: (_: unknown, p) => (
        <Space size={4} wrap>
          {revealed[p.id] ? (
            <Button size="small" aria-label={`隐藏${p.name}的完整信息`} onClick={() => hide(p)}>
              隐藏
            </Button>
          ) : (
            <Button size="small" aria-label={`显示${p.name}的完整信息`} disabled={!p.idNumberMasked && !p.phoneMasked} onClick={() => void reveal(p)}>
              显示
            </Button>
          )}
          <Button size="small" aria-label={`修改${p.name}`} onClick={() => onEdit(p)}>
            修改
          </Button>
          <Button size="small" aria-label={`${p.name}反映的议题`} onClick={() => setTopicsOf(p)}>
            议题
          </Button>
          <StatusActions
            person={p}
            onChanged={() => {
              hide(p);
              onChanged();
            }}
          />
        </Space>
      ),
    },
  ];

  function handleChange(pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<PersonRow> | SorterResult<PersonRow>[]) {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = typeof s?.columnKey === 'string' && SORTABLE.includes(s.columnKey) ? (s.columnKey as SortField) : undefined;
    const order = key ? (s?.order ?? undefined) : undefined;
    const pageSize = pagination.pageSize ?? params.pageSize;
    onParamsChange({
      page: pageSize !== params.pageSize ? 1 : (pagination.current ?? 1),
      pageSize,
      sortField: order ? key : undefined,
      sortOrder: order ?? undefined,
    });
  }

  return (
    <>
      <Table<PersonRow>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        onChange={handleChange}
        size="middle"
        scroll={{ x: params.status === '在册' ? 1430 : 1530 }}
        locale={{
          emptyText: params.query ? `没有找到“${params.query}”，可以换个写法，例如只输入姓，或输入拼音首字母` : '名册里还没有人，可以点“添加人员”或“导入名册”',
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => `共 ${n} 人`,
        }}
      />
      {topicsOf && <PersonTopicsModal person={topicsOf} onClose={() => setTopicsOf(null)} />}
    </>
  );
}
