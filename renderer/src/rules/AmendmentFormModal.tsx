import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { RuleAmendment, RuleDocDetail } from '../../../core/contract/rules';
import type { AmendmentAction } from '../../../core/ruletext/procedure';
import { call, errorMessage } from '../api/client';
import { articleOptions } from './articleOptions';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  doc: RuleDocDetail;
  onClose(): void;
  onSaved(amendment: RuleAmendment): void;
}

const AT_START = 0;

/** 提出修改建议: change, add after, or delete an article; by a person or a group. */
export function AmendmentFormModal({ doc, onClose, onSaved }: Props) {
  const discard = useConfirmDiscard(onClose);
  const { articles, chapters } = doc.text;
  const [action, setAction] = useState<AmendmentAction>('修改');
  const [articleId, setArticleId] = useState<number | null>(null);
  const [chapterId, setChapterId] = useState<number | null>(chapters[0]?.id ?? null);
  const [text, setText] = useState('');
  const [proposer, setProposer] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const current = articles.find((a) => a.id === articleId);

  async function submit() {
    setError(null);
    if (action !== '新增' && articleId === null) return setError(`请选择要${action}的条文`);
    setSaving(true);
    try {
      const after = action === '新增' && articleId === AT_START ? null : articleId;
      onSaved(
        await call('rules.amendments.add', {
          docId: doc.id,
          action,
          articleId: after,
          ...(action === '新增' && after === null ? { chapterId } : {}),
          text: action === '删除' ? '' : text,
          proposer: proposer.trim(),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title="提出修改建议"
      width={680}
      okText="登记建议"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      {...discard}
      destroyOnHidden
      maskClosable={false}
    >
      <Form layout="vertical">
        <Form.Item label="修改方式">
          <Radio.Group
            optionType="button"
            value={action}
            onChange={(e) => {
              setAction(e.target.value as AmendmentAction);
              setArticleId(null);
            }}
            options={[
              { value: '修改', label: '修改一条' },
              { value: '新增', label: '新增一条' },
              { value: '删除', label: '删除一条' },
            ]}
          />
        </Form.Item>
        <Form.Item label={action === '新增' ? '放在哪一条之后' : `要${action}的条文`}>
          <Select<number>
            aria-label={action === '新增' ? '放在哪一条之后' : `要${action}的条文`}
            value={articleId ?? undefined}
            placeholder="请选择"
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v) => {
              setArticleId(v);
              const a = articles.find((x) => x.id === v);
              if (action === '修改' && a) setText(a.text);
            }}
            options={[...(action === '新增' ? [{ value: AT_START, label: chapters.length ? '放在某一章的开头' : '放在最前面' }] : []), ...articleOptions(doc)]}
          />
        </Form.Item>
        {action === '新增' && articleId === AT_START && chapters.length > 0 && (
          <Form.Item label="哪一章">
            <Select<number>
              aria-label="哪一章"
              value={chapterId ?? undefined}
              onChange={setChapterId}
              options={chapters.map((c) => ({ value: c.id, label: `${c.label} ${c.title}` }))}
            />
          </Form.Item>
        )}
        {action === '修改' && current && (
          <Typography.Paragraph type="secondary">
            现在的条文：{current.label} {current.text}
          </Typography.Paragraph>
        )}
        {action !== '删除' && (
          <Form.Item label={action === '修改' ? '修改后的条文' : '新增的条文'} required>
            <Input.TextArea
              aria-label={action === '修改' ? '修改后的条文' : '新增的条文'}
              value={text}
              maxLength={5000}
              autoSize={{ minRows: 3 }}
              onChange={(e) => setText(e.target.value)}
            />
          </Form.Item>
        )}
        <Form.Item label="提出人" required extra="个人或者小组，例如“居民代表第三小组”。">
          <Input aria-label="提出人" value={proposer} maxLength={60} onChange={(e) => setProposer(e.target.value)} />
        </Form.Item>
        <Form.Item label="理由（可不填）">
          <Input.TextArea aria-label="理由" value={reason} maxLength={2000} autoSize={{ minRows: 2 }} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
