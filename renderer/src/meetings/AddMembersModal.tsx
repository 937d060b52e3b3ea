import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { Body } from '../../../core/contract/bodies';
import { knownPersonTags, type PersonRow } from '../../../core/contract/people';
import { bodyKinds } from '../../../core/rules/composition';
import { call, errorMessage } from '../api/client';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { EMPTY, useCall } from '../api/queries';

const PAGE = 500;

interface Props {
  orgId: number;
  body: Body;
  /** People already serving: shown, but cannot be picked again. */
  memberPersonIds: Set<number>;
  onClose(): void;
  onAdded(added: number, body: Body): void;
}

/** 添加成员: find people in the roster by name or pinyin, tick several, give them one role. */
export function AddMembersModal({ orgId, body, memberPersonIds, onClose, onAdded }: Props) {
  const kind = bodyKinds.find((k) => k.kind === body.kind);
  const roles = kind?.roles ?? ['成员'];
  const defaultRole = kind?.representativeRoles[0] ?? roles[roles.length - 1]!;
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [role, setRole] = useState(defaultRole);
  const [joinedOn, setJoinedOn] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Ask once the user pauses typing; while the next page of people loads, the last one stays.
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const list = useCall(
    'people.list',
    {
      orgId,
      status: '在册',
      page: 1,
      pageSize: PAGE,
      sortField: 'householdNo',
      sortOrder: 'ascend',
      ...(search ? { query: search } : {}),
      ...(tag ? { tag } : {}),
    },
    { keepPrevious: true },
  );
  const people: PersonRow[] = list.data?.items ?? EMPTY;
  const total = list.data?.total ?? 0;
  const loading = list.loading;

  async function submit() {
    if (selected.length === 0) {
      setError('请先在表格中勾选要添加的人（可以点表头的方框全选）');
      return;
    }
    const joinedProblem = dateCheck(joinedOn);
    if (joinedProblem) {
      setError(joinedProblem);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const result = await call('bodies.addMembers', { bodyId: body.id, personIds: selected, role, joinedOn: joinedOn ?? null });
      onAdded(result.added, result.body);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`添加成员：${body.name}`}
      open
      onCancel={onClose}
      onOk={submit}
      okText={selected.length > 0 ? `添加 ${selected.length} 人` : '添加'}
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={880}
    >
      <div className="toolbar">
        <Input.Search
          aria-label="查找人员"
          placeholder="输入姓名、拼音或首字母，如 zs 找张三"
          allowClear
          autoFocus
          style={{ width: 320 }}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Select
          aria-label="按标签筛选"
          placeholder="按标签筛选"
          allowClear
          style={{ width: 160 }}
          value={tag}
          onChange={(v: string | undefined) => setTag(v)}
          options={knownPersonTags.map((t) => ({ value: t, label: t }))}
        />
        <Typography.Text type="secondary">
          已勾选 {selected.length} 人{total > PAGE ? `；共找到 ${total} 人，只列出前 ${PAGE} 人，请输入姓名缩小范围` : ''}
        </Typography.Text>
      </div>
      <Table<PersonRow>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={people}
        pagination={false}
        scroll={{ y: 360 }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: (p) => ({ disabled: memberPersonIds.has(p.id), 'aria-label': `选择${p.name}` }),
        }}
        locale={{ emptyText: query ? `名册中没有找到“${query}”` : '名册里还没有人，请先在“人员名册”中导入或添加' }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (name: string, p) => (memberPersonIds.has(p.id) ? `${name}（已是成员）` : name) },
          { title: '性别', dataIndex: 'gender', width: 70, render: (v: string | null) => v ?? '—' },
          { title: '户号', dataIndex: 'householdNo', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '小组', dataIndex: 'groupName', width: 140, render: (v: string | null) => v ?? '—' },
          { title: '标签', dataIndex: 'tags', render: (tags: string[]) => tags.join('、') || '—' },
        ]}
      />
      <Form layout="inline" style={{ marginTop: 16 }}>
        <Form.Item label="职务">
          <Select aria-label="职务" value={role} onChange={setRole} options={roles.map((r) => ({ value: r, label: r }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="加入日期">
          <Space>
            <DateField value={joinedOn} onChange={setJoinedOn} placeholder="可不填" aria-label="加入日期" />
          </Space>
        </Form.Item>
      </Form>
      {(error ?? list.error) && <Alert type="error" showIcon title={error ?? list.error} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
