import { Alert, Button, Card, Descriptions } from 'antd';
import { FileDoneOutlined, NotificationOutlined } from '@ant-design/icons';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { FilingDue } from './FilingDue';
import { daysLeftWords, dateWords } from './labels';

type Filing = NonNullable<RuleDocDetail['filing']>;

interface Props {
  doc: RuleDocDetail;
  filing: Filing;
  onFile(): void;
  onPublish(): void;
}

/** 备案 and 公布: the deadline with a reminder, then the authority, date and receipt number. */
export function FilingCard({ doc, filing: f, onFile, onPublish }: Props) {
  const left = daysLeftWords(f.daysLeft);
  return (
    <Card
      title="备案与公布"
      size="small"
      className="rule-card"
      extra={
        doc.stage === '备案' ? (
          <Button type="primary" icon={<FileDoneOutlined />} onClick={onFile}>
            登记备案
          </Button>
        ) : doc.stage === '公布' ? (
          <Button type="primary" icon={<NotificationOutlined />} onClick={onPublish}>
            登记公布
          </Button>
        ) : null
      }
    >
      {!f.filedOn && left.level !== 'ok' && (
        <Alert
          type={left.level === 'over' ? 'error' : 'warning'}
          showIcon
          title={left.level === 'over' ? `备案期限已过（${left.text}）` : `备案期限快到了（${left.text}）`}
          description="请尽快把正式稿和备案报告报送乡镇人民政府（街道办事处）备案，并登记回执编号。"
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="备案期限">{f.filedOn ? dateWords(f.due) : <FilingDue due={f.due} filedOn={null} daysLeft={f.daysLeft} />}</Descriptions.Item>
        <Descriptions.Item label="备案机关">{f.authority ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="备案日期">{dateWords(f.filedOn)}</Descriptions.Item>
        <Descriptions.Item label="回执编号">{f.receiptNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="公布日期">{dateWords(doc.publishedOn)}</Descriptions.Item>
        <Descriptions.Item label="公布方式">{doc.publishedPlace ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
