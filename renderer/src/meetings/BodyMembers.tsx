import { useState } from 'react';
import { Alert, App, Button, Card, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Body, BodyMember } from '../../../core/contract/bodies';
import { bodyKinds } from '../../../core/rules/composition';
import { call } from '../api/client';
import { EMPTY, useCall, useSetCall } from '../api/queries';
import { useReportError } from '../app/useReportError';
import { AddMembersModal } from './AddMembersModal';
import { CompositionAlerts } from './CompositionTags';
import { isIsoDate } from '../../../core/date-input';
import { DateField } from '../app/DateField';
import { useClock } from '../app/useClock';

interface Props {
  orgId: number;
  bodyId: number;
  onEdit(body: Body): void;
  /** The body's counts or composition changed: the list above reloads. */
  onChanged(body: Body): void;
}

/** One body's members: roles, 离任, and 添加成员. */
export function BodyMembers({ orgId, bodyId, onEdit, onChanged }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const [includeFormer, setIncludeFormer] = useState(false);
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<BodyMember | null>(null);
  const clock = useClock();
  const [leftOn, setLeftOn] = useState<string | null>(clock.today);

  const { data, loading, error, reload: load } = useCall('bodies.members', { bodyId, includeFormer });
  const body: Body | null = data?.body ?? null;
  const items: BodyMember[] = data?.items ?? EMPTY;
  const put = useSetCall();

  async function refreshAfterChange() {
    const r = await call('bodies.members', { bodyId, includeFormer });
    put('bodies.members', { bodyId, includeFormer }, r);
    onChanged(r.body);
  }

  async function changeRole(member: BodyMember, role: string) {
    try {
      await call('bodies.updateMember', { memberId: member.id, role });
      message.success(`${member.name}的职务已改为${role}`);
      await refreshAfterChange();
    } catch (e) {
      reportError(e, '职务没有修改');
    }
  }

  async function setLeft(member: BodyMember, date: string | null) {
    try {
      await call('bodies.updateMember', { memberId: member.id, leftOn: date });
      message.success(date ? `已登记${member.name}于 ${date} 离任` : `已撤销${member.name}的离任`);
      setLeaving(null);
      await refreshAfterChange();
    } catch (e) {
      reportError(e, date ? '离任没有登记' : '没有撤销离任');
    }
  }

  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={error}
        action={
          <Button size="small" onClick={() => void load()}>
            再试一次
          </Button>
        }
      />
    );
  }

  const roles = bodyKinds.find((k) => k.kind === body?.kind)?.roles ?? [];
  const currentIds = new Set(items.filter((m) => m.leftOn == null).map((m) => m.personId));

  return (
    <Card
      title={body ? `${body.name}的成员` : '成员'}
      loading={!body && loading}
      extra={
        body && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => onEdit(body)}>
              修改机构
            </Button>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              添加成员
            </Button>
          </Space>
        )
      }
    >
      {body && (
        <>
          <Typography.Paragraph type="secondary">
            类别：{body.kind}
            {body.termStart || body.termEnd ? `；任期：${body.termStart ?? '？'} 至 ${body.termEnd ?? '？'}` : ''}；在任 {body.memberCount} 人
          </Typography.Paragraph>
          <CompositionAlerts checks={body.composition} />
        </>
      )}
      <div className="toolbar">
        <Space>
          <Switch checked={includeFormer} onChange={setIncludeFormer} aria-label="显示已离任的成员" />
          <span>显示已离任的成员</span>
        </Space>
      </div>
      <Table<BodyMember>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 人` }}
        rowClassName={(m) => (m.leftOn ? 'row-former' : '')}
        locale={{ emptyText: '还没有成员。点击“添加成员”，从人员名册中选择。' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '性别', dataIndex: 'gender', width: 70, render: (v: string | null) => v ?? '—' },
          { title: '户号', dataIndex: 'householdNo', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '小组', dataIndex: 'groupName', width: 140, render: (v: string | null) => v ?? '—' },
          {
            title: '职务',
            dataIndex: 'role',
            width: 160,
            render: (role: string, m) =>
              m.leftOn ? (
                role
              ) : (
                <Select
                  aria-label={`${m.name}的职务`}
                  size="small"
                  value={role}
                  style={{ width: 130 }}
                  onChange={(r: string) => void changeRole(m, r)}
                  options={[...new Set([...roles, role])].map((r) => ({ value: r, label: r }))}
                />
              ),
          },
          { title: '加入日期', dataIndex: 'joinedOn', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '离任日期', dataIndex: 'leftOn', width: 120, render: (v: string | null) => v ?? '在任' },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, m) =>
              m.leftOn ? (
                <Button size="small" type="link" onClick={() => void setLeft(m, null)} aria-label={`撤销${m.name}的离任`}>
                  撤销离任
                </Button>
              ) : (
                <Button
                  size="small"
                  onClick={() => {
                    setLeftOn(clock.today);
                    setLeaving(m);
                  }}
                  aria-label={`${m.name}离任`}
                >
                  离任
                </Button>
              ),
          },
        ]}
      />
      {adding && body && (
        <AddMembersModal
          orgId={orgId}
          body={body}
          memberPersonIds={currentIds}
          onClose={() => setAdding(false)}
          onAdded={(added, b) => {
            setAdding(false);
            message.success(`已添加 ${added} 名成员`);
            onChanged(b);
            void load();
          }}
        />
      )}
      {leaving && (
        <Modal
          title={`${leaving.name}离任`}
          open
          okText="登记离任"
          cancelText="取消"
          onCancel={() => setLeaving(null)}
          onOk={() => isIsoDate(leftOn) && void setLeft(leaving, leftOn)}
          okButtonProps={{ disabled: !isIsoDate(leftOn) }}
          destroyOnHidden
        >
          <Typography.Paragraph>离任后不再计入应到人数；已经开始的会议不受影响，记录会保留。</Typography.Paragraph>
          <Space align="start">
            <span style={{ lineHeight: '32px' }}>离任日期</span>
            <DateField value={leftOn} onChange={setLeftOn} allowClear={false} aria-label="离任日期" />
          </Space>
        </Modal>
      )}
    </Card>
  );
}
