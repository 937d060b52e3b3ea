import { Alert, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Summons } from '../../../core/contract/summons';
import { call } from '../api/client';
import { localTime } from './labels';
import { useModalSubmit } from './useModalSubmit';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  summons: Summons;
  onClose(): void;
  onSaved(s: Summons): void;
}

/** 报到: when the department arrived (in time if by the report-due time). */
export function SummonsReportModal({ summons: s, onClose, onSaved }: Props) {
  const [form] = Form.useForm<{ reportedAt: Dayjs | null }>();
  const discard = useConfirmDiscard(onClose, form);
  const { saving, error, submit } = useModalSubmit(form, async (v) => {
    onSaved(await call('summons.report', { id: s.id, ...(v.reportedAt ? { reportedAt: v.reportedAt.second(0).millisecond(0).format() } : {}) }));
  });
  return (
    <Modal title={`登记报到：${s.department}`} open {...discard} onOk={submit} okText="登记报到" cancelText="取消" confirmLoading={saving} destroyOnHidden mask={{ closable: false }} width={520}>
      <Typography.Paragraph type="secondary">{`吹哨时间 ${localTime(s.summonedAt)}，应在 ${localTime(s.reportDueAt)} 前报到。`}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ reportedAt: dayjs() }}>
        <Form.Item name="reportedAt" label="报到时间" rules={[{ required: true, message: '请选择报到时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
