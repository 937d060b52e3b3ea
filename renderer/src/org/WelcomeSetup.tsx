import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { orgKinds } from '../../../core/contract/organizations';
import { call, errorMessage } from '../api/client';
import { useOrgs } from './OrgContext';
import type { OrgKind } from './OrgFormModal';

interface Values {
  name: string;
  kind: OrgKind;
}

/** First run: nothing works without a 议事主体, so ask for it kindly before anything else. */
export function WelcomeSetup() {
  const { switchTo } = useOrgs();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(values: Values) {
    setSaving(true);
    setError(null);
    try {
      const org = await call('organizations.create', { name: values.name, kind: values.kind });
      await switchTo(org.id);
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  }

  return (
    <div className="welcome-screen">
      <Card className="welcome-card">
        <Typography.Title level={2}>欢迎使用议事厅</Typography.Title>
        <Typography.Paragraph>议事厅帮您管理居民（村民）名册，今后还能安排议事会议、记录表决、整理村规民约并打印会议记录。</Typography.Paragraph>
        <Typography.Paragraph>
          开始之前，请先填写您所在的<strong>议事主体</strong>——也就是您为哪个社区、村、街道或乡镇做记录。以后可以改名，也可以再添加别的。
        </Typography.Paragraph>
        <Form<Values> layout="vertical" initialValues={{ name: '', kind: '社区' }} onFinish={create} requiredMark={false}>
          <Form.Item name="name" label="议事主体名称" rules={[{ required: true, whitespace: true, message: '请填写名称，例如“幸福社区”' }]}>
            <Input placeholder="例如：幸福社区" maxLength={60} size="large" autoFocus />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Radio.Group optionType="button" buttonStyle="solid" size="large" options={orgKinds.map((k) => ({ label: k, value: k }))} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={saving}>
            开始使用
          </Button>
        </Form>
      </Card>
    </div>
  );
}
