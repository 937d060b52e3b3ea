import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Space } from 'antd';
import type { Body } from '../../../core/contract/bodies';
import { orgWording } from '../../../core/documents/wording';
import { bodyKindNamesFor } from '../../../core/rules/composition';
import { useCurrentOrg } from '../org/OrgContext';
import { call, errorMessage } from '../api/client';
import { DateField } from '../app/DateField';
import { dateRule } from '../app/dateRules';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Values {
  name: string;
  kind?: string;
  termStart: string | null;
  termEnd: string | null;
  note: string;
}

interface Props {
  orgId: number;
  body?: Body;
  onClose(): void;
  onSaved(body: Body): void;
}

/** 新建机构 / 修改机构: name, kind (which decides the roles and the composition checks), term. */
export function BodyFormModal({ orgId, body, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const orgKind = useCurrentOrg().kind;
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  async function submit() {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setSaveError(null);
    const fields = {
      name: values.name.trim(),
      kind: values.kind!,
      termStart: values.termStart ?? null,
      termEnd: values.termEnd ?? null,
      note: values.note ?? '',
    };
    try {
      onSaved(body ? await call('bodies.update', { id: body.id, ...fields }) : await call('bodies.create', { orgId, ...fields }));
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={body ? `修改机构：${body.name}` : '新建机构'}
      open
      {...discard}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={600}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        initialValues={{
          name: body?.name ?? '',
          kind: body?.kind,
          termStart: body?.termStart ?? null,
          termEnd: body?.termEnd ?? null,
          note: body?.note ?? '',
        }}
      >
        <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请填写机构名称' }]}>
          <Input maxLength={60} placeholder={`例如：第三届${orgWording(orgKind).representatives}`} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label="机构类别" rules={[{ required: true, message: '请选择机构类别' }]} extra="类别决定成员的职务和法律规定的组成比例检查">
          <Select
            placeholder="请选择"
            options={[...new Set([...bodyKindNamesFor(orgKind), ...(body?.kind ? [body.kind] : [])])].map((k) => ({ value: k, label: k }))}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item label="任期">
          <Space align="start">
            <Form.Item name="termStart" noStyle rules={[dateRule()]}>
              <DateField placeholder="任期开始" aria-label="任期开始" />
            </Form.Item>
            <span style={{ lineHeight: '32px' }}>至</span>
            <Form.Item name="termEnd" noStyle rules={[dateRule()]}>
              <DateField placeholder="任期结束" aria-label="任期结束" />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {saveError && <Alert type="error" showIcon title={saveError} />}
    </Modal>
  );
}
