import { Alert, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';

interface Props {
  busy: boolean;
  error: string | null;
  onFile(file: File): void;
}

export function FileStep({ busy, error, onFile }: Props) {
  return (
    <Spin spinning={busy} description="正在读取文件…">
      <Typography.Paragraph>
        请选择您平时保存名册的 Excel 文件（.xlsx）或 CSV 文件（.csv）。第一行应是表头，如“姓名”“身份证号”“联系电话”。
        下一步会让您确认每一列的意思，导入前还会逐行检查，<strong>点“导入”之前名册不会有任何改动</strong>。
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击这里选择名册文件，或把文件拖到这里</p>
        <p className="ant-upload-hint">支持 .xlsx 和 .csv（WPS、Excel 另存的 CSV 都可以）</p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
    </Spin>
  );
}
