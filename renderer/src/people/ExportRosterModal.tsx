import { useState } from 'react';
import { Alert, Checkbox, Form, Modal, Radio } from 'antd';
import { call } from '../api/client';
import { useExport } from '../app/useExport';

interface Props {
  orgId: number;
  open: boolean;
  onClose(): void;
}

type ExportStatus = '在册' | '迁出' | '全部';

export function ExportRosterModal({ orgId, open, onClose }: Props) {
  const exporter = useExport();
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const [status, setStatus] = useState<ExportStatus>('在册');
  const [error, setError] = useState<string | null>(null);

  async function exportRoster() {
    setError(null);
    const saved = await exporter.run('人员名册', () => call('roster.export', { orgId, includePersonalData, status }), { onError: setError });
    // A cancelled save dialog leaves the choices on screen to try again.
    if (saved && saved.status !== 'cancelled') onClose();
  }

  return (
    <Modal
      title="导出人员名册"
      open={open}
      onCancel={onClose}
      onOk={exportRoster}
      okText="导出为 Excel"
      cancelText="取消"
      confirmLoading={exporter.isBusy('人员名册')}
      afterOpenChange={(visible) => {
        if (!visible) {
          setIncludePersonalData(false);
          setError(null);
        }
      }}
    >
      <Form layout="vertical">
        <Form.Item label="导出哪些人">
          <Radio.Group
            value={status}
            onChange={(e) => setStatus(e.target.value as ExportStatus)}
            options={[
              { label: '在册人员', value: '在册' },
              { label: '已迁出人员', value: '迁出' },
              { label: '全部', value: '全部' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={includePersonalData} onChange={(e) => setIncludePersonalData(e.target.checked)}>
            包含完整身份证号和电话（默认隐藏）
          </Checkbox>
        </Form.Item>
      </Form>
      {includePersonalData && (
        <Alert type="warning" showIcon title="导出的文件会含有完整的身份证号和电话。请妥善保管，不要发到微信群或公开场合。" style={{ marginBottom: 12 }} />
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
