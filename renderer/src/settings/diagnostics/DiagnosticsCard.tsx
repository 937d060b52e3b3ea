import { Button, Card, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import { useExport } from '../../app/useExport';

/** 设置 → 导出诊断信息: a .txt for whoever helps with a problem; no names, ID numbers or phones. */
export function DiagnosticsCard() {
  const exporter = useExport();
  return (
    <Card title="诊断信息">
      <Typography.Paragraph>
        软件出现问题时，可以导出诊断信息发给技术人员。文件只含软件版本、电脑系统、数据文件大小和各类记录的条数、操作记录核验结果和运行日志，
        不含姓名、身份证号或电话。
      </Typography.Paragraph>
      <Button
        icon={<FileTextOutlined />}
        loading={exporter.isBusy('诊断信息')}
        onClick={() => void exporter.run('诊断信息', () => call('system.diagnostics', {}))}
      >
        导出诊断信息
      </Button>
    </Card>
  );
}
