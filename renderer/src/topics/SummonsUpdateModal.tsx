import { Alert, Form, Input, Modal } from 'antd';
import type { Summons } from '../../../core/contract/summons';
import { call } from '../api/client';
import { useModalSubmit } from './useModalSubmit';
import { DateField } from '../app/DateField';
import { dateRule } from '../app/dateRules';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Values {
  contact?: string;
  commitment?: string;
  deadline: string | null;
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
        deadline: v.deadline ?? null,
      }),
    );
  });
  return (
    <Modal
      title={`更新承诺：${s.department}`}
      open
      {...discard}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ contact: s.contact ?? '', commitment: s.commitment ?? '', deadline: s.deadline ?? null }}>
        <Form.Item name="contact" label="联系人">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="commitment" label="承诺事项">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="deadline" label="承诺完成期限" rules={[dateRule()]}>
          <DateField aria-label="承诺完成期限" placeholder="可不填，如 2026-12-31" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
