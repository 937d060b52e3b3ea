import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { useCall, useWrite } from '../api/queries';

/** While the check and the backup run after the window opened, the report is read again this often. */
const WHILE_CHECKING_MS = 4000;

/**
 * What the start-up check found in the data file: protection rules (triggers) missing or changed
 * — writes are refused until repaired — and an audit trail cut short or rewritten. 修复 re-creates
 * the rules and records that someone saw the findings.
 */
export function IntegrityBanner() {
  const [checking, setChecking] = useState(true);
  const report = useCall('system.integrity', {}, checking ? { refetchInterval: WHILE_CHECKING_MS } : {});
  const repair = useWrite('system.repairGuards');
  const data = report.data;
  if (data && checking !== data.fileCheck.running) setChecking(data.fileCheck.running);
  if (!data) return null;
  if (data.fileCheck.damage) {
    // A damaged file is not something 修复 can mend: only a restore from a good backup can.
    return <Alert type="error" showIcon style={{ margin: '12px 16px 0' }} message="数据文件检查发现损坏" description={data.fileCheck.damage} />;
  }
  if (!data.guards && data.audit.length === 0) return null;

  const onRepair = async () => {
    try {
      await repair.run({});
      await report.reload();
    } catch {
      // The error is shown below from repair.error.
    }
  };

  return (
    <Alert
      type="error"
      showIcon
      style={{ margin: '12px 16px 0' }}
      message={data.guards ? '数据保护规则不完整，已暂停保存修改' : '操作记录检查发现问题'}
      description={
        <Space direction="vertical" size={4}>
          {data.guards && <Typography.Text>{data.writesBlocked ?? data.guards.message}</Typography.Text>}
          {data.audit.map((f) => (
            <Typography.Text key={f.at + f.message}>
              {f.message}（{f.at.slice(0, 10)} 启动时发现，已记入操作记录）
            </Typography.Text>
          ))}
          {data.audit.length > 0 && (
            <Typography.Text type="secondary">请先从 设置 → 数据安全 备份当前数据并联系技术人员核对；点击“修复”表示已知悉，此后不再提示。</Typography.Text>
          )}
          {repair.error && <Typography.Text type="danger">{repair.error}</Typography.Text>}
        </Space>
      }
      action={
        <Button danger loading={repair.saving} onClick={() => void onRepair()}>
          修复
        </Button>
      }
    />
  );
}
