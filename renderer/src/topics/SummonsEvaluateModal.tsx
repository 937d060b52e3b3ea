import { Alert, Form, Modal, Radio } from 'antd';
import type { Summons } from '../../../core/contract/summons';
import { call } from '../api/client';
import { satisfactionOptions } from './labels';
import { useModalSubmit } from './useModalSubmit';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

type Evaluation = NonNullable<Summons['evaluation']>;

interface Props {
  summons: Summons;
  onClose(): void;
  onSaved(s: Summons): void;
}

/** 评价: the committee's own verdict on the department's work. */
export function SummonsEvaluateModal({ summons: s, onClose, onSaved }: Props) {
  const [form] = Form.useForm<{ evaluation?: Evaluation }>();
  const discard = useConfirmDiscard(onClose, form);
  const { saving, error, submit } = useModalSubmit(form, async (v) => {
    if (v.evaluation) onSaved(await call('summons.evaluate', { id: s.id, evaluation: v.evaluation }));
  });
  return (
    <Modal
      title={`评价：${s.department}`}
      open
      {...discard}
      onOk={submit}
      okText="保存评价"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={480}
    >
      <Form form={form} layout="vertical" initialValues={{ evaluation: s.evaluation ?? undefined }}>
        <Form.Item name="evaluation" label="对部门办理的评价" rules={[{ required: true, message: '请选择满意、基本满意或不满意' }]}>
          <Radio.Group optionType="button" options={satisfactionOptions.map((x) => ({ value: x, label: x }))} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
