import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { importFieldLabels, importFields, type ImportRow } from '../../../core/roster/fields';
import { errorMessage } from '../api/client';
import type { ReviewRow, RowProblem } from './reviewRows';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  row: ReviewRow;
  problems: RowProblem[];
  onSave(data: ImportRow): Promise<void>;
  onCancel(): void;
}

const hints: Partial<Record<keyof ImportRow, string>> = {
  birthDate: '如 1960-03-15；有身份证号时可以不填',
  gender: '填“男”或“女”；有身份证号时可以不填',
  tags: '多个标签用顿号分开，如：党员、楼栋长',
};

/** Corrects one row of the file; the row is checked again when saved. */
export function RowEditModal({ row, problems, onSave, onCancel }: Props) {
  const [form] = Form.useForm<ImportRow>();
  const discard = useConfirmDiscard(onCancel, form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Once a field is changed its old problem no longer applies; the check runs again on save.
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());

  async function save() {
    let values: ImportRow;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const data = Object.fromEntries(importFields.map((f) => [f, (values[f] ?? '').trim()])) as ImportRow;
      await onSave(data);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const fieldErrors = (field: keyof ImportRow) => (changed.has(field) ? [] : problems.filter((p) => p.field === field).map((p) => p.text));

  return (
    <Modal
      title={`修改第 ${row.index} 行`}
      open
      onOk={save}
      {...discard}
      okText="保存并重新检查"
      cancelText="取消"
      confirmLoading={saving}
      mask={{ closable: false }}
      width={600}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        initialValues={row.data}
        onValuesChange={(patch: Partial<ImportRow>) => setChanged((c) => new Set([...c, ...Object.keys(patch)]))}
      >
        {importFields.map((field) => {
          const errors = fieldErrors(field);
          return (
            <Form.Item
              key={field}
              name={field}
              label={importFieldLabels[field]}
              extra={hints[field]}
              validateStatus={errors.length ? 'error' : undefined}
              help={errors.length ? errors.join('；') : undefined}
            >
              {field === 'note' ? <Input.TextArea rows={2} /> : <Input />}
            </Form.Item>
          );
        })}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
