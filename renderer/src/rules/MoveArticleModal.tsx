import { useState } from 'react';
import { Alert, Form, Modal, Select, Typography } from 'antd';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { errorMessage } from '../api/client';

type Article = RuleDocDetail['text']['articles'][number];

interface Props {
  doc: RuleDocDetail;
  article: Article;
  onClose(): void;
  onMove(chapterId: number | null, afterArticleId: number | null): Promise<void>;
}

const START = 0;

/** 移动条文: choose the chapter, then the article it goes after (or the chapter's start). */
export function MoveArticleModal({ doc, article, onClose, onMove }: Props) {
  const { chapters, articles } = doc.text;
  const [chapterId, setChapterId] = useState<number | null>(article.chapterId);
  const inChapter = articles.filter((a) => a.chapterId === chapterId && a.id !== article.id);
  const previous = articles.filter((a) => a.chapterId === article.chapterId).findLast((a) => a.number < article.number);
  const [after, setAfter] = useState<number>(previous && previous.chapterId === chapterId ? previous.id : START);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit() {
    setSaving(true);
    setError(null);
    try {
      await onMove(chapterId, after === START ? null : after);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`移动${article.label}`}
      okText="移动"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {article.label} {article.text}
      </Typography.Paragraph>
      <Form layout="vertical">
        {chapters.length > 0 && (
          <Form.Item label="移到哪一章">
            <Select<number>
              aria-label="移到哪一章"
              value={chapterId ?? undefined}
              onChange={(v) => {
                setChapterId(v);
                setAfter(START);
              }}
              options={chapters.map((c) => ({ value: c.id, label: `${c.label} ${c.title}` }))}
            />
          </Form.Item>
        )}
        <Form.Item label="放在…之后" extra="移动后，条文会重新编号，其他条文中引用的“第X条”会随之更新。">
          <Select<number>
            aria-label="放在…之后"
            value={after}
            onChange={setAfter}
            options={[
              { value: START, label: chapters.length ? '放在本章开头' : '放在最前面' },
              ...inChapter.map((a) => ({ value: a.id, label: `${a.label}之后（${a.text.slice(0, 16)}${a.text.length > 16 ? '…' : ''}）` })),
            ]}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
