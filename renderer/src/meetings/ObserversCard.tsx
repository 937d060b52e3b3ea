import { memo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Table, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { call, errorMessage } from '../api/client';
import { TimeField } from '../app/DateField';
import { timeRule } from '../app/dateRules';
import type { SheetChange } from '../../../core/contract/attendance';
import type { Observer } from './types';

interface Props {
  meetingId: number;
  observers: Observer[];
  readOnly: boolean;
  onChange(change: SheetChange): void;
}

interface Values {
  name: string;
  unit: string;
  department: string;
  time: string | null;
}

/** 列席: guests, units and summoned departments (吹哨报到). They never count toward the quorum. */
export const ObserversCard = memo(function ObserversCard({ meetingId, observers, readOnly, onChange }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const change = await call('attendance.addObserver', {
        meetingId,
        name: v.name.trim(),
        ...(v.unit?.trim() ? { unit: v.unit.trim() } : {}),
        ...(v.department?.trim() ? { department: v.department.trim() } : {}),
        ...(v.time ? { time: v.time } : {}),
      });
      onChange(change);
      form.resetFields();
      message.success(`已登记列席：${v.name.trim()}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="列席人员" size="small" className="observers-card">
      <Typography.Paragraph type="secondary">
        列席人员（企事业单位、群团组织代表，吹哨报到的部门等）可以参加会议、发言，但<Typography.Text strong>不计入应到、实到人数</Typography.Text>
        ，也不参加表决。
      </Typography.Paragraph>
      {!readOnly && (
        <Form form={form} layout="inline" className="observer-form" initialValues={{ name: '', unit: '', department: '', time: null }}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写列席人姓名' }]}>
            <Input maxLength={30} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="unit" label="单位">
            <Input maxLength={60} style={{ width: 180 }} placeholder="例如：镇农业办" />
          </Form.Item>
          <Form.Item name="department" label="报到部门">
            <Input maxLength={60} style={{ width: 160 }} placeholder="吹哨报到时填写" />
          </Form.Item>
          <Form.Item name="time" label="到会时间" rules={[timeRule()]}>
            <TimeField placeholder="现在" aria-label="到会时间" />
          </Form.Item>
          <Form.Item>
            <Button icon={<UserAddOutlined />} onClick={() => void add()} loading={saving}>
              登记列席
            </Button>
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      <Table<Observer>
        rowKey="id"
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        dataSource={observers}
        locale={{ emptyText: '没有列席人员' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 140 },
          { title: '单位', dataIndex: 'unit', render: (v: string | null) => v ?? '—' },
          { title: '报到部门', dataIndex: 'department', render: (v: string | null) => v ?? '—' },
          { title: '到会时间', dataIndex: 'arrivedAt', width: 110, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}, sameProps);

/** A new sheet after each sign-in brings an equal observer list: no need to redraw the form. */
function sameProps(a: Props, b: Props): boolean {
  return (
    a.meetingId === b.meetingId &&
    a.readOnly === b.readOnly &&
    a.onChange === b.onChange &&
    a.observers.length === b.observers.length &&
    a.observers.every((o, i) => JSON.stringify(o) === JSON.stringify(b.observers[i]))
  );
}
