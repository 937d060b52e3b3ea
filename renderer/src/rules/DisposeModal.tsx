import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import type { RuleOpinion } from '../../../core/contract/rules';
import type { OpinionDisposition } from '../../../core/ruletext/procedure';
import { call, errorMessage } from '../api/client';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  opinion: RuleOpinion;
  onClose(): void;
  onSaved(opinion: RuleOpinion): void;
}

/** 处理意见: 采纳, 部分采纳 or 未采纳, with the reason the adopting meeting will be shown. */
export function DisposeModal({ opinion, onClose, onSaved }: Props) {
  const discard = useConfirmDiscard(onClose);
  const [disposition, setDisposition] = useState<OpinionDisposition>(opinion.disposition === '待处理' ? '采纳' : opinion.disposition);
  const [reason, setReason] = useState(opinion.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit() {
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('rules.opinions.dispose', { id: opinion.id, disposition, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  const needsReason = disposition === '未采纳' || disposition === '部分采纳';
  return (
    <Modal open title="处理意见" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} {...discard} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {opinion.name}（{opinion.channel}）：{opinion.content}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="处理结果">
          <Radio.Group
            optionType="button"
            value={disposition}
            onChange={(e) => setDisposition(e.target.value as OpinionDisposition)}
            options={(['采纳', '部分采纳', '未采纳', '待处理'] as const).map((d) => ({ value: d, label: d }))}
          />
        </Form.Item>
        <Form.Item label={needsReason ? '理由' : '理由（可不填）'} required={needsReason} extra="表决前要向会议说明意见采纳情况，理由会写进“意见采纳情况表”。">
          <Input.TextArea aria-label="理由" value={reason} maxLength={2000} autoSize={{ minRows: 2 }} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
