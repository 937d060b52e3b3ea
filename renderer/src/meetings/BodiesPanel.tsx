import { useState } from 'react';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Body } from '../../../core/contract/bodies';
import { EMPTY, useCall, useSetCall } from '../api/queries';
import { BodyFormModal } from './BodyFormModal';
import { BodyMembers } from './BodyMembers';
import { CompositionTags } from './CompositionTags';
import { orgWording } from '../../../core/documents/wording';
import { useCurrentOrg } from '../org/OrgContext';

interface Props {
  orgId: number;
  selectedId?: number;
  onSelect(id: number | undefined): void;
}

/** 机构与成员: the bodies whose members attend meetings (村民代表会议, 两委班子, 党支部…). */
export function BodiesPanel({ orgId, selectedId, onSelect }: Props) {
  const orgKind = useCurrentOrg().kind;
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<{ body?: Body } | null>(null);

  const { data, loading, error } = useCall('bodies.list', { orgId });
  const put = useSetCall();
  const items: Body[] = data?.items ?? EMPTY;

  const replace = (b: Body) =>
    put('bodies.list', { orgId }, (old) => {
      const list = old?.items ?? [];
      return { ...old, items: list.some((x) => x.id === b.id) ? list.map((x) => (x.id === b.id ? b : x)) : [...list, b] };
    });
  const selected = items.find((b) => b.id === selectedId);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <div className="toolbar">
          <Typography.Text type="secondary">机构的在任成员就是按“机构成员”计算应到人数的会议的应到人员。</Typography.Text>
          <div className="toolbar-spacer" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
            新建机构
          </Button>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<Body>
          rowKey="id"
          loading={loading}
          dataSource={items}
          pagination={false}
          onRow={(b) => ({ onClick: () => onSelect(b.id), className: `clickable-row${b.id === selectedId ? ' row-selected' : ''}` })}
          locale={{ emptyText: `还没有机构。点击“新建机构”，例如“第三届${orgWording(orgKind).representatives}”，再从名册中添加成员。` }}
          columns={[
            {
              title: '机构名称',
              dataIndex: 'name',
              render: (name: string, b) => (
                <Typography.Link
                  onClick={(e) => {
                    e.stopPropagation();
                    onSelect(b.id);
                  }}
                >
                  {name}
                </Typography.Link>
              ),
            },
            { title: '类别', dataIndex: 'kind', width: 140 },
            {
              title: '任期',
              key: 'term',
              width: 230,
              render: (_: unknown, b) => (b.termStart || b.termEnd ? `${b.termStart ?? '？'} 至 ${b.termEnd ?? '？'}` : '—'),
            },
            { title: '在任人数', dataIndex: 'memberCount', width: 100, render: (n: number) => `${n} 人` },
            { title: '组成检查', dataIndex: 'composition', render: (c: Body['composition']) => <CompositionTags checks={c} /> },
          ]}
        />
      </div>
      {selected ? (
        <BodyMembers
          key={`${selected.id}-${selected.name}-${selected.kind}`}
          orgId={orgId}
          bodyId={selected.id}
          onEdit={(body) => setDialog({ body })}
          onChanged={replace}
        />
      ) : (
        items.length > 0 && <Typography.Text type="secondary">点击上表中的机构，查看和管理它的成员。</Typography.Text>
      )}
      {dialog && (
        <BodyFormModal
          orgId={orgId}
          body={dialog.body}
          onClose={() => setDialog(null)}
          onSaved={(b) => {
            setDialog(null);
            message.success(dialog.body ? `已保存${b.name}` : `已新建${b.name}，现在可以添加成员`);
            replace(b);
            onSelect(b.id);
          }}
        />
      )}
    </Space>
  );
}
