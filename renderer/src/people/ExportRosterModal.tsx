import { useState } from 'react';
import { Alert, App, Checkbox, Form, Modal, Radio } from 'antd';
import { call, errorMessage, saveFile } from '../api/client';

interface Props {
  orgId: number;
  open: boolean;
  onClose(): void;
}

type ExportStatus = '在册' | '迁出' | '全部';

export function ExportRosterModal({ orgId, open, onClose }: Props) {
  const { message } = App.useApp();
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const [status, setStatus] = useState<ExportStatus>('在册');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function exportRoster() {
    setBusy(true);
    setError(null);
    try {
      const file = await call('roster.export', { orgId, includePersonalData, status });
      const saved = saveFile(file);
      if (saved.status === 'cancelled') return;
      message.success(saved.status === 'saved' ? `名册已保存到：${saved.path}` : `名册已下载：${saved.fileName}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title="导出人员名册"
      open={open}
      onCancel={onClose}
      onOk={exportRoster}
      okText="导出为 Excel"
      cancelText="取消"
      confirmLoading={busy}
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
