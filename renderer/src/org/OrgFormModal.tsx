import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { orgKinds, type Organization } from '../../../core/contract/organizations';
import { call, errorMessage } from '../api/client';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

export type OrgKind = (typeof orgKinds)[number];

interface Props {
  /** With an organization: rename it. Without: create a new one. */
  organization?: Organization;
  open: boolean;
  onClose(): void;
  onSaved(org: Organization): void | Promise<void>;
}

interface Values {
  name: string;
  kind: OrgKind;
}

export function OrgFormModal({ organization, open, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const renaming = Boolean(organization);

  async function submit() {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = organization
        ? await call('organizations.rename', { id: organization.id, name: values.name })
        : await call('organizations.create', { name: values.name, kind: values.kind });
      await onSaved(saved);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={renaming ? '重命名议事主体' : '新建议事主体'}
      open={open}
      {...discard}
      onOk={submit}
      okText={renaming ? '保存' : '新建'}
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(visible) => {
        discard.afterOpenChange(visible);
        if (!visible) setError(null);
      }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ name: organization?.name ?? '', kind: organization?.kind ?? '社区' }}
      >
        <Form.Item name="name" label="议事主体名称" rules={[{ required: true, whitespace: true, message: '请填写议事主体名称，例如“幸福社区”' }]}>
          <Input placeholder="例如：幸福社区" maxLength={60} autoFocus />
        </Form.Item>
        {!renaming && (
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={orgKinds.map((k) => ({ label: k, value: k }))} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
