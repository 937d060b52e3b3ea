import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import type { User } from '../../../core/contract/users';
import { errorMessage } from '../api/client';
import { useUsers } from './UserContext';

/** The start screen: who is at the keyboard? A PIN is asked only of those who set one. */
export function ChooseUser() {
  const { users, signIn } = useUsers();
  const [chosen, setChosen] = useState<User | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = users.filter((u) => !u.retired);

  async function choose(user: User, pin?: string) {
    setError(null);
    if (user.hasPin && !pin) {
      setChosen(user);
      return;
    }
    setBusy(true);
    try {
      await signIn(user.id, pin);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <div className="welcome-screen">
      <Card className="welcome-card">
        <Typography.Title level={2}>选择使用人</Typography.Title>
        <Typography.Paragraph>请点您的名字。之后的每一项记录都会写明是您做的。</Typography.Paragraph>
        {!chosen && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {active.map((u) => (
              <Button key={u.id} size="large" block icon={<UserOutlined />} loading={busy && chosen === null} onClick={() => void choose(u)}>
                {u.name}（{u.role}）
              </Button>
            ))}
          </Space>
        )}
        {chosen && (
          <Form<{ pin: string }> layout="vertical" onFinish={(v) => void choose(chosen, v.pin)} requiredMark={false}>
            <Typography.Paragraph strong>
              {chosen.name}（{chosen.role}）
            </Typography.Paragraph>
            <Form.Item name="pin" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password inputMode="numeric" maxLength={8} size="large" autoFocus autoComplete="current-password" />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" size="large" loading={busy}>
                确定
              </Button>
              <Button
                size="large"
                onClick={() => {
                  setChosen(null);
                  setError(null);
                }}
              >
                换一位
              </Button>
            </Space>
          </Form>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      </Card>
    </div>
  );
}
