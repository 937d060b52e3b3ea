import { useState } from 'react';
import { Alert, Button, Card, Form, Typography } from 'antd';
import { call, errorMessage } from '../api/client';
import { useUsers } from './UserContext';
import { UserFields, type UserValues } from './UserFields';

/** First start: who keeps the records here? Their name goes on every entry and document. */
export function FirstUserSetup() {
  const { reload } = useUsers();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(values: UserValues) {
    setSaving(true);
    setError(null);
    try {
      await call('users.create', { name: values.name, role: values.role, ...(values.pin ? { pin: values.pin } : {}) });
      await reload();
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  }

  return (
    <div className="welcome-screen">
      <Card className="welcome-card">
        <Typography.Title level={2}>请先登记使用人</Typography.Title>
        <Typography.Paragraph>
          议事厅会在每一条记录里写明是谁做的，会议记录上也会印出定稿人、更正人。请填写您自己的姓名和职务；以后可以在“设置”里添加其他同事（主任、书记……）。
        </Typography.Paragraph>
        <Form<UserValues> layout="vertical" initialValues={{ name: '', role: '文书', pin: '' }} onFinish={create} requiredMark={false}>
          <UserFields autoFocus />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={saving}>
            下一步
          </Button>
        </Form>
      </Card>
    </div>
  );
}
