import { Alert, Form, Modal, Typography } from 'antd';
import type { Summons } from '../../../core/contract/summons';
import { call } from '../api/client';
import { localTime } from './labels';
import { useModalSubmit } from './useModalSubmit';
import { DateTimeField } from '../app/DateField';
import { dateTimeRule } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  summons: Summons;
  onClose(): void;
  onSaved(s: Summons): void;
}

/** 报到: when the department arrived (in time if by the report-due time). */
export function SummonsReportModal({ summons: s, onClose, onSaved }: Props) {
  const clock = useClock();
  const [form] = Form.useForm<{ reportedAt: string | null }>();
  const discard = useConfirmDiscard(onClose, form);
  const { saving, error, submit } = useModalSubmit(form, async (v) => {
    onSaved(await call('summons.report', { id: s.id, ...(v.reportedAt ? { reportedAt: v.reportedAt } : {}) }));
  });
  return (
    <Modal
      title={`登记报到：${s.department}`}
      open
      {...discard}
      onOk={submit}
      okText="登记报到"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={520}
    >
      <Typography.Paragraph type="secondary">{`吹哨时间 ${localTime(clock.timeZone, s.summonedAt)}，应在 ${localTime(clock.timeZone, s.reportDueAt)} 前报到。`}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ reportedAt: clock.thisMinute() }}>
        <Form.Item name="reportedAt" label="报到时间" rules={[dateTimeRule('请填写报到时间')]}>
          <DateTimeField aria-label="报到" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
