import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Typography } from 'antd';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/queries';
import { useCurrentOrg } from './OrgContext';
import { OrgProfileFields, profileInput, profileValues, type ProfileValues } from './OrgProfileFields';

/** 设置 → 本单位: the names every document signs with. */
export function OrgProfileCard() {
  const org = useCurrentOrg();
  const { message } = App.useApp();
  const { data: profile, error: loadError, reload } = useCall('organizations.profile', { orgId: org.id });
  const [form] = Form.useForm<ProfileValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (profile) form.setFieldsValue(profileValues(profile));
  }, [profile, form]);

  async function save(values: ProfileValues) {
    setSaving(true);
    setError(null);
    try {
      await call('organizations.setProfile', { orgId: org.id, ...profileInput(values) });
      await reload();
      message.success('本单位信息已保存，以后导出的文件都用这些名称');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={`本单位信息（${org.name}）`} id="org-profile">
      {loadError && <Alert type="error" showIcon title={loadError} />}
      {profile && !profile.saved && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="还没有核对本单位信息"
          description="下面的名称是按议事主体名称自动生成的。请核对后点“保存”，文件的落款才是正式名称。"
        />
      )}
      <Typography.Paragraph type="secondary">会议通知、会议记录、公示、备案报告等文件的落款和“向…反映”都用这里的名称。</Typography.Paragraph>
      <Form<ProfileValues> form={form} layout="vertical" onFinish={save} requiredMark={false} style={{ maxWidth: 720 }}>
        <OrgProfileFields compact />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={saving}>
          保存本单位信息
        </Button>
      </Form>
    </Card>
  );
}
