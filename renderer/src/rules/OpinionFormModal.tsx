import { useState } from 'react';
import { Alert, AutoComplete, Form, Input, Modal, Radio, Select } from 'antd';
import type { RuleDocDetail, RuleOpinion } from '../../../core/contract/rules';
import { call, errorMessage } from '../api/client';
import { articleOptions } from './articleOptions';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { PersonPicker } from '../people/PersonPicker';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  doc: RuleDocDetail;
  channels: string[];
  onClose(): void;
  onSaved(opinion: RuleOpinion): void;
}

type Who = 'roster' | 'free' | 'anonymous';
const WHOLE = 0;

/** 登记意见: who said it (roster, a free name, or anonymous), how it came in, on which article. */
export function OpinionFormModal({ doc, channels, onClose, onSaved }: Props) {
  const discard = useConfirmDiscard(onClose);
  const [who, setWho] = useState<Who>('roster');
  const [person, setPerson] = useState<{ id: number; name: string } | null>(null);
  const [name, setName] = useState('');
  const [channel, setChannel] = useState(channels[0] ?? '');
  const clock = useClock();
  const [date, setDate] = useState<string | null>(clock.today);
  const [articleId, setArticleId] = useState<number>(WHOLE);
  const [content, setContent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit() {
    setError(null);
    const dateProblem = dateCheck(date, '请填写收到日期');
    if (dateProblem) return setError(dateProblem);
    if (who === 'roster' && !person) return setError('请在名册中选择提出意见的居民；不在名册中的，请改选“名册外的人”');
    if (who === 'free' && !name.trim()) return setError('请填写提出人的姓名；不愿留名的，请改选“匿名”');
    setSaving(true);
    try {
      onSaved(
        await call('rules.opinions.add', {
          docId: doc.id,
          articleId: articleId === WHOLE ? null : articleId,
          personId: who === 'roster' ? (person?.id ?? null) : null,
          name: who === 'free' ? name.trim() : '',
          channel: channel.trim(),
          receivedOn: date!,
          content,
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
      title="登记意见"
      width={640}
      okText="登记"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      {...discard}
      destroyOnHidden
      maskClosable={false}
    >
      <Form layout="vertical">
        <Form.Item label="提出人">
          <Radio.Group
            value={who}
            onChange={(e) => setWho(e.target.value as Who)}
            options={[
              { value: 'roster', label: '名册中的居民' },
              { value: 'free', label: '名册外的人' },
              { value: 'anonymous', label: '匿名' },
            ]}
          />
        </Form.Item>
        {who === 'roster' && (
          <Form.Item label="选择居民">
            <PersonPicker
              orgId={doc.orgId}
              value={person?.id ?? null}
              onPicked={(p) => setPerson(p ? { id: p.id, name: p.name } : null)}
              notFoundHint="名册中没有找到，可以改选“名册外的人”"
            />
          </Form.Item>
        )}
        {who === 'free' && (
          <Form.Item label="提出人姓名">
            <Input
              aria-label="提出人姓名"
              value={name}
              maxLength={40}
              onChange={(e) => setName(e.target.value)}
              placeholder="例如：3号楼业主 王女士"
              style={{ width: 320 }}
            />
          </Form.Item>
        )}
        <Form.Item label="意见来源" required extra="可以从列表中选，也可以直接输入。">
          <AutoComplete aria-label="意见来源" value={channel} onChange={setChannel} options={channels.map((c) => ({ value: c }))} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label="收到日期" required>
          <DateField aria-label="收到日期" allowClear={false} value={date} onChange={setDate} />
        </Form.Item>
        <Form.Item label="涉及条款">
          <Select<number>
            aria-label="涉及条款"
            value={articleId}
            onChange={setArticleId}
            showSearch={{ optionFilterProp: 'label' }}
            options={[{ value: WHOLE, label: '全文（不针对某一条）' }, ...articleOptions(doc)]}
          />
        </Form.Item>
        <Form.Item label="意见内容" required>
          <Input.TextArea aria-label="意见内容" value={content} maxLength={5000} autoSize={{ minRows: 3 }} onChange={(e) => setContent(e.target.value)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
