import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { call, errorMessage } from '../api/client';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

/** What the dialog records: moving on, the township's review, filing, publication, a revision. */
export type StageForm = 'advance' | 'review' | 'file' | 'publish' | 'revise';

interface Props {
  doc: RuleDocDetail;
  form: StageForm;
  onClose(): void;
  onDone(doc: RuleDocDetail, note: string): void;
}

const titles: Record<StageForm, string> = {
  advance: '进入下一步',
  review: '登记审核意见',
  file: '登记备案',
  publish: '登记公布',
  revise: '启动修订',
};

/** The review authority the filing usually goes to as well. */
function reviewAuthority(doc: RuleDocDetail): string {
  return [...doc.steps].reverse().find((s) => s.stage === '提请审核' && s.authority)?.authority ?? '';
}

/** One dialog for each dated step of the procedure; the server checks the order and the dates. */
export function StageFormModal({ doc, form, onClose, onDone }: Props) {
  const clock = useClock();
  const discard = useConfirmDiscard(onClose);
  const [date, setDate] = useState<string | null>(clock.today);
  const [note, setNote] = useState('');
  const [authority, setAuthority] = useState(() => (form === 'file' ? reviewAuthority(doc) : ''));
  const [receiptNo, setReceiptNo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const iso = date ?? '';

  async function submit() {
    setError(null);
    const dateProblem = dateCheck(date, '请填写日期');
    if (dateProblem) return setError(dateProblem);
    setSaving(true);
    try {
      let next: RuleDocDetail;
      let done: string;
      if (form === 'advance') {
        next = await call('rules.advance', { id: doc.id, date: iso, ...(note.trim() ? { note: note.trim() } : {}) });
        done = `已进入“${next.stage}”`;
      } else if (form === 'review') {
        next = await call('rules.recordReview', { id: doc.id, authority: authority.trim(), date: iso, opinion: note });
        done = '审核意见已登记';
      } else if (form === 'file') {
        next = await call('rules.file', {
          docId: doc.id,
          authority: authority.trim(),
          filedOn: iso,
          ...(receiptNo.trim() ? { receiptNo: receiptNo.trim() } : {}),
        });
        done = '备案已登记，下一步请登记公布';
      } else if (form === 'publish') {
        next = await call('rules.publish', { docId: doc.id, publishedOn: iso, place: note.trim() });
        done = '公布已登记，规约制定程序完成';
      } else {
        next = await call('rules.startRevision', { id: doc.id, date: iso, note });
        done = '已启动修订，可以修改条文了';
      }
      onDone(next, done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const title = form === 'advance' && doc.nextStage ? `进入下一步：${doc.nextStage}` : titles[form];
  return (
    <Modal open title={title} okText="确定" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} {...discard} destroyOnHidden>
      <Form layout="vertical">
        {form === 'advance' && doc.nextStage === '提请审核' && (
          <Typography.Paragraph type="secondary">提请审核时会自动保存一份“审核稿”，报乡镇（街道）审核的就是这一稿。</Typography.Paragraph>
        )}
        {(form === 'review' || form === 'file') && (
          <Form.Item label={form === 'review' ? '审核机关' : '备案机关'} required extra={form === 'file' ? '一般是乡镇人民政府或街道办事处。' : undefined}>
            <Input
              aria-label={form === 'review' ? '审核机关' : '备案机关'}
              value={authority}
              maxLength={60}
              onChange={(e) => setAuthority(e.target.value)}
              placeholder="例如：幸福街道办事处"
            />
          </Form.Item>
        )}
        <Form.Item label={{ advance: '日期', review: '审核日期', file: '备案日期', publish: '公布日期', revise: '日期' }[form]} required>
          <DateField
            aria-label={{ advance: '日期', review: '审核日期', file: '备案日期', publish: '公布日期', revise: '日期' }[form]}
            allowClear={false}
            value={date}
            onChange={setDate}
          />
        </Form.Item>
        {form === 'file' && (
          <Form.Item label="备案回执编号（可不填）">
            <Input
              aria-label="备案回执编号"
              value={receiptNo}
              maxLength={60}
              onChange={(e) => setReceiptNo(e.target.value)}
              placeholder="例如：幸街备〔2026〕7号"
            />
          </Form.Item>
        )}
        {form === 'advance' && (
          <Form.Item label="说明（可不填）">
            <Input.TextArea aria-label="说明" value={note} maxLength={2000} autoSize={{ minRows: 2 }} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        )}
        {form === 'review' && (
          <Form.Item label="审核意见" required>
            <Input.TextArea
              aria-label="审核意见"
              value={note}
              maxLength={5000}
              autoSize={{ minRows: 3 }}
              onChange={(e) => setNote(e.target.value)}
              placeholder="照录审核意见书上的文字"
            />
          </Form.Item>
        )}
        {form === 'publish' && (
          <Form.Item label="公布方式或地点" required>
            <Input
              aria-label="公布方式或地点"
              value={note}
              maxLength={100}
              onChange={(e) => setNote(e.target.value)}
              placeholder="例如：社区公告栏、居民微信群"
            />
          </Form.Item>
        )}
        {form === 'revise' && (
          <Form.Item label="修订原因" required extra="修订稿要重新征求意见、报审核、提交会议表决，再备案公布。">
            <Input.TextArea aria-label="修订原因" value={note} maxLength={2000} autoSize={{ minRows: 2 }} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
