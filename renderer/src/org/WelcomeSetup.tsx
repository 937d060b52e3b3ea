import { useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { orgKinds } from '../../../core/contract/organizations';
import { defaultProfile } from '../../../core/documents/issuer';
import { call, errorMessage } from '../api/client';
import { useOrgs } from './OrgContext';
import type { OrgKind } from './OrgFormModal';
import { OrgProfileFields, profileInput, type ProfileValues } from './OrgProfileFields';

interface Values extends ProfileValues {
  name: string;
  kind: OrgKind;
}

/**
 * First run: nothing works without a 议事主体, so ask for it kindly before anything else, with the
 * names its documents sign with (本单位信息) filled in from it for her to check.
 */
export function WelcomeSetup() {
  const { switchTo } = useOrgs();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Names she typed herself are hers; derived ones follow the 议事主体's name until she does.
  const typed = useRef(new Set<string>());
  const created = useRef<number | null>(null);

  function derive(changed: Partial<Values>, all: Values) {
    for (const key of Object.keys(changed)) if (key !== 'name' && key !== 'kind') typed.current.add(key);
    if (!('name' in changed) && !('kind' in changed)) return;
    const name = all.name?.trim() ?? '';
    const derived = name ? defaultProfile({ name, kind: all.kind }) : { committeeName: '', partyOrgName: '' };
    const next: Partial<Values> = {};
    if (!typed.current.has('committeeName')) next.committeeName = derived.committeeName;
    if (!typed.current.has('partyOrgName')) next.partyOrgName = derived.partyOrgName;
    form.setFieldsValue(next);
  }

  async function create(values: Values) {
    setSaving(true);
    setError(null);
    try {
      // A retry after a failed profile save does not create the organization twice.
      const orgId = created.current ?? (await call('organizations.create', { name: values.name, kind: values.kind })).id;
      created.current = orgId;
      await call('organizations.setProfile', { orgId, ...profileInput(values) });
      await switchTo(orgId);
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  }

  return (
    <div className="welcome-screen">
      <Card className="welcome-card">
        <Typography.Title level={2}>欢迎使用议事厅</Typography.Title>
        <Typography.Paragraph>
          {'议事厅帮您管理居民（村民）名册（可从 Excel 导入），安排议事会议、签到并计算应到实到、记录发言和表决，登记议题和吹哨报到，跟进决议督办和公示，' +
            '整理村规民约（居民公约），并导出会议通知、会议记录和公示的 Word 文件打印。'}
        </Typography.Paragraph>
        <Typography.Paragraph>
          开始之前，请先填写您所在的<strong>议事主体</strong>——也就是您为哪个社区、村、街道或乡镇做记录，以及文件落款用的正式名称。以后都可以在“设置”里修改。
        </Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ name: '', kind: '社区', committeeName: '', partyOrgName: '' }}
          onValuesChange={derive}
          onFinish={create}
          requiredMark={false}
        >
          <Form.Item name="name" label="议事主体名称" rules={[{ required: true, whitespace: true, message: '请填写名称，例如“幸福社区”' }]}>
            <Input placeholder="例如：幸福社区" maxLength={60} size="large" autoFocus />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Radio.Group optionType="button" buttonStyle="solid" size="large" options={orgKinds.map((k) => ({ label: k, value: k }))} />
          </Form.Item>
          <Typography.Title level={4}>本单位信息</Typography.Title>
          <OrgProfileFields compact />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={saving}>
            开始使用
          </Button>
        </Form>
      </Card>
    </div>
  );
}
