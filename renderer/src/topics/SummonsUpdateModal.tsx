import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Summons } from '../../../core/contract/summons';
import { call } from '../api/client';
import { useModalSubmit } from './useModalSubmit';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Values {
  contact?: string;
  commitment?: string;
  deadline: Dayjs | null;
}

interface Props {
  summons: Summons;
  onClose(): void;
  onSaved(s: Summons): void;
}

/** 更新承诺: the department's contact, what it promised, and by when. */
export function SummonsUpdateModal({ summons: s, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const { saving, error, submit } = useModalSubmit(form, async (v) => {
    onSaved(
      await call('summons.update', {
        id: s.id,
        contact: (v.contact ?? '').trim(),
        commitment: (v.commitment ?? '').trim(),
        deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
      }),
    );
  });
  return (
    <Modal title={`更新承诺：${s.department}`} open {...discard} onOk={submit} okText="保存" cancelText="取消" confirmLoading={saving} destroyOnHidden mask={{ closable: false }} width={560}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ contact: s.contact ?? '', commitment: s.commitment ?? '', deadline: s.deadline ? dayjs(s.deadline) : null }}
      >
        <Form.Item name="contact" label="联系人">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="commitment" label="承诺事项">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="deadline" label="承诺完成期限">
          <DatePicker format="YYYY-MM-DD" style={{ width: 220 }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
