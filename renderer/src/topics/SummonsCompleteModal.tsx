import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { Summons } from '../../../core/contract/summons';
import { call } from '../api/client';
import { useModalSubmit } from './useModalSubmit';
import { DateTimeField } from '../app/DateField';
import { dateTimeRule } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Values {
  result: string;
  resolved?: boolean;
  closedAt: string | null;
}

interface Props {
  summons: Summons;
  onClose(): void;
  onSaved(s: Summons): void;
}

/** 办结: what the department did, and whether the problem is solved (counts toward 解决率). */
export function SummonsCompleteModal({ summons: s, onClose, onSaved }: Props) {
  const clock = useClock();
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const { saving, error, submit } = useModalSubmit(form, async (v) => {
    onSaved(
      await call('summons.complete', {
        id: s.id,
        result: v.result.trim(),
        resolved: Boolean(v.resolved),
        ...(v.closedAt ? { closedAt: v.closedAt } : {}),
      }),
    );
  });
  return (
    <Modal
      title={`办结：${s.department}`}
      open
      {...discard}
      onOk={submit}
      okText="办结"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ closedAt: clock.thisMinute() }}>
        <Form.Item name="result" label="办理结果" rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}>
          <Input.TextArea rows={3} maxLength={5000} autoFocus />
        </Form.Item>
        <Form.Item name="resolved" label="问题是否已解决" rules={[{ required: true, message: '请选择问题是否已解决' }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: '已解决' },
              { value: false, label: '未解决' },
            ]}
          />
        </Form.Item>
        <Form.Item name="closedAt" label="办结时间" rules={[dateTimeRule()]}>
          <DateTimeField aria-label="办结" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
