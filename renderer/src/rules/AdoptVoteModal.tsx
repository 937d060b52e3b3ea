import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { call, errorMessage } from '../api/client';
import { dateWords } from './labels';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

export interface Candidate {
  voteId: number;
  meetingTitle: string;
  meetingDate: string;
  meetingKind: string;
  subject: string;
  needsDelegation: boolean;
}

interface Props {
  doc: RuleDocDetail;
  candidate: Candidate;
  onClose(): void;
  onDone(doc: RuleDocDetail): void;
}

/** 登记通过: the document is adopted by this vote; a delegated meeting also records its mandate. */
export function AdoptVoteModal({ doc, candidate, onClose, onDone }: Props) {
  const discard = useConfirmDiscard(onClose);
  const [basis, setBasis] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit() {
    setSaving(true);
    setError(null);
    try {
      onDone(await call('rules.adopt', { docId: doc.id, voteId: candidate.voteId, ...(basis.trim() ? { delegationBasis: basis.trim() } : {}) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal open title="登记表决通过" okText="登记通过" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} {...discard} destroyOnHidden>
      <Typography.Paragraph>
        《{doc.title}》经{dateWords(candidate.meetingDate)}“{candidate.meetingTitle}”（{candidate.meetingKind}）表决通过。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        登记后，表决的这一稿保存为“正式稿”，条文不能再直接修改；备案期限从会议之日起计算（{doc.filingDays} 天）。
      </Typography.Paragraph>
      {candidate.needsDelegation && (
        <Form layout="vertical">
          <Form.Item label="授权依据" required extra="居民代表会议须经居民会议授权才能通过居民公约：写明哪次居民会议、何时作出授权。">
            <Input.TextArea aria-label="授权依据" value={basis} maxLength={500} autoSize={{ minRows: 2 }} onChange={(e) => setBasis(e.target.value)} />
          </Form.Item>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
