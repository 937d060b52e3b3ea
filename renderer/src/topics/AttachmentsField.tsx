import { Button, Form, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';

/** 附件: an editable list of file locations, typed or pasted (e.g. D:\照片\垃圾桶.jpg). */
export function AttachmentsField({ name = 'attachments' }: { name?: string }) {
  return (
    <Form.Item label="附件" extra="填写或粘贴文件所在位置，例如 D:\照片\垃圾桶.jpg；没有附件可以不填">
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} size={8}>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" style={{ width: '100%' }}>
                <Form.Item name={field.name} noStyle rules={[{ max: 500, message: '文件位置不能超过 500 个字' }]}>
                  <Input aria-label={`附件 ${index + 1} 的位置`} placeholder="文件位置" style={{ width: 380 }} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={`删除附件 ${index + 1}`} onClick={() => remove(field.name)}>
                  删除
                </Button>
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add('')}>
              添加附件
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The filled-in locations, without blank lines. */
export function attachmentPaths(values: (string | undefined)[] | undefined): string[] {
  return (values ?? []).map((s) => (s ?? '').trim()).filter(Boolean);
}
