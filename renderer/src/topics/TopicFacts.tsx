import { Descriptions, Typography, type DescriptionsProps } from 'antd';
import type { TopicDetail } from '../../../core/contract/topics';
import { AttachmentList } from '../attachments/AttachmentList';
import { CallerPhone } from './CallerPhone';

interface Props {
  topic: TopicDetail;
  onOpen(id: number): void;
}

/** 议题信息: everything registered, and how it ended if it has. */
export function TopicFacts({ topic: t, onOpen }: Props) {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'receivedOn', label: '收到日期', children: <span className="nowrap">{t.receivedOn}</span> },
    { key: 'channel', label: '来源渠道', children: t.channel },
    { key: 'raiser', label: '反映人', children: t.raiserName },
    { key: 'urgency', label: '紧急程度', children: t.urgency },
    { key: 'place', label: '户号或地点', children: [t.householdNumber ? `户号 ${t.householdNumber}` : '', t.place ?? ''].filter(Boolean).join('，') || '—' },
    { key: 'category', label: '类别', children: t.category ?? '—' },
    ...hotlineItems(t),
    { key: 'content', label: '议题内容', span: 2, children: <div className="pre-wrap">{t.content}</div> },
    {
      key: 'attachments',
      label: '附件',
      span: 2,
      children: <AttachmentList target={{ kind: 'topic', id: t.id }} paths={t.attachments} />,
    },
  ];
  if (t.reply) items.push({ key: 'reply', label: '答复内容', span: 2, children: <div className="pre-wrap">{t.reply}</div> });
  if (t.rejectReason) items.push({ key: 'reject', label: '不予受理理由', span: 2, children: t.rejectReason });
  if (t.result) items.push({ key: 'result', label: '办理结果', span: 2, children: <div className="pre-wrap">{t.result}</div> });
  if (t.mergedInto) {
    items.push({
      key: 'mergedInto',
      label: '已合并到',
      span: 2,
      children: (
        <Typography.Link onClick={() => onOpen(t.mergedInto!.id)}>{`议题 ${t.mergedInto.id}：${t.mergedInto.title}（${t.mergedInto.status}）`}</Typography.Link>
      ),
    });
  }
  if (t.closedOn) items.push({ key: 'closedOn', label: '结束日期', children: <span className="nowrap">{t.closedOn}</span> });
  if (t.satisfaction) {
    items.push({
      key: 'feedback',
      label: '居民评价',
      span: 2,
      children: `${t.satisfaction}${t.feedbackNote ? `（${t.feedbackNote}）` : ''}${t.feedbackOn ? `，${t.feedbackOn} 登记` : ''}`,
    });
  }
  return <Descriptions bordered size="middle" column={2} items={items} className="topic-facts" styles={{ label: { width: 128, whiteSpace: 'nowrap' } }} />;
}

/** 工单号, 来电人, 来电电话 (masked), 答复时限: shown when the topic has any of them. */
function hotlineItems(t: TopicDetail): NonNullable<DescriptionsProps['items']> {
  if (!t.ticketNumber && !t.callerName && !t.callerPhoneMasked && !t.replyDueOn) return [];
  return [
    { key: 'ticketNumber', label: '工单号', children: t.ticketNumber ?? '—' },
    { key: 'replyDueOn', label: '答复时限', children: <span className="nowrap">{t.replyDueOn ?? '—'}</span> },
    { key: 'callerName', label: '来电人', children: t.callerName ?? '—' },
    { key: 'callerPhone', label: '来电电话', children: t.callerPhoneMasked ? <CallerPhone topicId={t.id} masked={t.callerPhoneMasked} /> : '—' },
  ];
}
