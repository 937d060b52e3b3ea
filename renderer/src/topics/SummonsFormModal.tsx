import { useState } from 'react';
import { Alert, AutoComplete, Form, Input, InputNumber, Modal } from 'antd';
import { errorMessage } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { MeetingSelect } from './MeetingSelect';
import { DateField, DateTimeField } from '../app/DateField';
import { dateRule, dateTimeRule } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Values {
  meetingId?: number;
  department: string;
  contact?: string;
  summonedAt: string | null;
  reportWithinHours: number | null;
  commitment?: string;
  deadline: string | null;
}

export interface SummonsFields {
  department: string;
  contact?: string;
  summonedAt?: string;
  reportWithinHours?: number;
  commitment?: string;
  deadline?: string;
}

interface Props {
  orgId: number;
  title: string;
  /** 新增吹哨 from the 吹哨报到 tab: the meeting it is for is chosen here. */
  forMeeting?: boolean;
  onClose(): void;
  onSubmit(fields: SummonsFields & { meetingId?: number }): Promise<void>;
}

/** 吹哨: which department, who to contact, when, how soon it must report, and its deadline. */
export function SummonsFormModal({ orgId, title, forMeeting, onClose, onSubmit }: Props) {
  const clock = useClock();
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const departments: string[] = useCall('summons.departments', { orgId }).data?.items ?? EMPTY;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typed = Form.useWatch('department', form) ?? '';

  async function submit() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit({
        ...(forMeeting && v.meetingId ? { meetingId: v.meetingId } : {}),
        department: v.department.trim(),
        ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
        ...(v.summonedAt ? { summonedAt: v.summonedAt } : {}),
        ...(v.reportWithinHours ? { reportWithinHours: v.reportWithinHours } : {}),
        ...(v.commitment?.trim() ? { commitment: v.commitment.trim() } : {}),
        ...(v.deadline ? { deadline: v.deadline } : {}),
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={title}
      open
      {...discard}
      onOk={submit}
      okText="吹哨"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{ summonedAt: clock.thisMinute(), reportWithinHours: 24, deadline: null }}
      >
        {forMeeting && (
          <Form.Item name="meetingId" label="会议" rules={[{ required: true, message: '请选择为哪次会议吹哨' }]}>
            <MeetingSelect orgId={orgId} />
          </Form.Item>
        )}
        <Form.Item name="department" label="部门或单位" rules={[{ required: true, whitespace: true, message: '请填写部门或单位' }]}>
          <AutoComplete
            aria-label="部门或单位"
            maxLength={60}
            placeholder="例如：街道环卫所、供电所"
            options={departments.filter((d) => d.includes(typed.trim())).map((d) => ({ value: d }))}
          />
        </Form.Item>
        <Form.Item name="contact" label="联系人">
          <Input maxLength={60} placeholder="例如：刘所长 13800000000" />
        </Form.Item>
        <Form.Item name="summonedAt" label="吹哨时间" rules={[dateTimeRule('请填写吹哨时间')]}>
          <DateTimeField aria-label="吹哨" />
        </Form.Item>
        <Form.Item name="reportWithinHours" label="报到时限" extra="在这个时间内报到算“按时报到”，计入响应率">
          <InputNumber min={1} max={720} precision={0} suffix="小时内" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="commitment" label="承诺事项">
          <Input.TextArea rows={2} maxLength={2000} placeholder="可以报到后再填" />
        </Form.Item>
        <Form.Item name="deadline" label="承诺完成期限" rules={[dateRule()]}>
          <DateField aria-label="承诺完成期限" placeholder="可不填，如 2026-12-31" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
