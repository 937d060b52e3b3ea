import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { call, errorMessage } from '../api/client';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

type Flag = RuleDocDetail['flags'][number];

interface Props {
  doc: RuleDocDetail;
  flag: Flag;
  onClose(): void;
  onDone(doc: RuleDocDetail): void;
}

/** 核查说明: a flag goes away only with a written reason, which stays on record. */
export function ClearFlagModal({ doc, flag, onClose, onDone }: Props) {
  const discard = useConfirmDiscard(onClose);
  const open = doc.flags.filter((f) => f.articleId === flag.articleId && !f.cleared);
  const [term, setTerm] = useState(flag.term);
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const current = open.find((f) => f.term === term) ?? flag;
  async function submit() {
    setSaving(true);
    setError(null);
    try {
      onDone(await call('rules.flags.clear', { docId: doc.id, articleId: flag.articleId, term, justification }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={`核查说明：${flag.articleLabel}`}
      okText="保存说明"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      {...discard}
      destroyOnHidden
    >
      <Form layout="vertical">
        {open.length > 1 && (
          <Form.Item label="核查哪一处">
            <Select
              aria-label="核查哪一处"
              value={term}
              onChange={setTerm}
              options={open.map((f) => ({ value: f.term, label: `“${f.match}”（${f.term}）` }))}
            />
          </Form.Item>
        )}
        <Typography.Paragraph>
          条文中的“<b>{current.match}</b>”：{current.reason}
        </Typography.Paragraph>
        <Form.Item label="核查说明" required extra="写明为什么这处用语不构成强制性处罚。说明会记入档案；条文再修改后，需要重新核查。">
          <Input.TextArea
            aria-label="核查说明"
            value={justification}
            maxLength={1000}
            autoSize={{ minRows: 3 }}
            onChange={(e) => setJustification(e.target.value)}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
