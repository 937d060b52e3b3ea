import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { CallOutput } from '../../../core/contract/index';
import { call, errorMessage } from '../api/client';
import { UsersSettings } from '../users/UsersSettings';
import { OrgProfileCard } from '../org/OrgProfileCard';
import { DiagnosticsCard } from '../settings/diagnostics/DiagnosticsCard';
import { useCall } from '../api/queries';
import { DataSafetyCard } from '../settings/DataSafetyCard';
import { MigrationCard } from '../settings/migration/MigrationCard';
import { ReminderSettingsCard } from '../settings/ReminderSettingsCard';

type Verification = CallOutput<'system.verifyAudit'>;

export function SettingsPage() {
  const { data: info, error: infoError } = useCall('system.info', {});
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  async function verify() {
    setVerifying(true);
    setVerifyError(null);
    setVerification(null);
    try {
      setVerification(await call('system.verifyAudit', {}));
    } catch (e) {
      setVerifyError(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <OrgProfileCard />
      <Card title="软件信息">
        {infoError && <Alert type="error" showIcon title={infoError} />}
        {info && (
          <Descriptions
            column={1}
            bordered
            items={[
              { key: 'version', label: '软件版本', children: info.appVersion },
              {
                key: 'db',
                label: '数据库文件',
                children: <Typography.Text copyable>{info.databasePath}</Typography.Text>,
              },
              { key: 'schema', label: '数据库结构版本', children: info.schemaVersion },
              {
                key: 'backup',
                label: '最近一次备份',
                children: info.lastBackupPath ? <Typography.Text copyable>{info.lastBackupPath}</Typography.Text> : '还没有备份（见下方“数据安全”）',
              },
            ]}
          />
        )}
      </Card>
      <DataSafetyCard />
      <ReminderSettingsCard />
      <UsersSettings />
      <MigrationCard />
      <Card title="操作记录">
        <Typography.Paragraph>
          议事厅把每一次添加、修改、导入都记入操作记录，每条记录都与前一条相互关联。核验可以发现记录是否被人改动或删除过。
        </Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button icon={<SafetyCertificateOutlined />} onClick={verify} loading={verifying}>
            核验操作记录
          </Button>
          {verification?.ok && <Alert type="success" showIcon title={`共 ${verification.entries} 条操作记录，核验通过`} />}
          {verification && !verification.ok && (
            <Alert
              type="error"
              showIcon
              title={`共 ${verification.entries} 条操作记录，第 ${verification.brokenAt ?? '?'} 条核验不通过`}
              description="这一条或它之前的记录可能被改动或删除过。请不要再修改数据，保留数据库文件和备份，并联系技术人员检查。"
            />
          )}
          {verifyError && <Alert type="error" showIcon title={verifyError} />}
        </Space>
      </Card>
      <DiagnosticsCard />
    </Space>
  );
}
