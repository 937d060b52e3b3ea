import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import type { TopicDetail } from '../../../core/contract/topics';
import { call } from '../api/client';
import { FeedbackModal } from './FeedbackModal';
import { MergeModal } from './MergeModal';
import { SummonsFormModal } from './SummonsFormModal';
import { TextActionModal } from './TextActionModal';
import { ToAgendaModal } from './ToAgendaModal';

type Dialog = 'agenda' | 'refer' | 'reply' | 'merge' | 'reject' | 'close' | 'feedback' | null;

interface Props {
  orgId: number;
  topic: TopicDetail;
  onChanged(topic: TopicDetail): void;
}

/**
 * 分办 while the topic is open (纳入议程 / 转部门办理 / 直接答复 / 合并 / 不予受理, then 办结);
 * 居民评价 once it has been handled. A finished topic offers no triage at all.
 */
export function TriageActions({ orgId, topic, onChanged }: Props) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = (t: TopicDetail, text: string) => {
    setDialog(null);
    message.success(text);
    onChanged(t);
  };
  const mayRate = topic.status !== '待分办' && topic.status !== '已合并';

  return (
    <div className="triage-bar" role="group" aria-label="办理操作">
      {topic.closed ? (
        <Typography.Text type="secondary">这个议题已{topic.status.replace(/^已/, '')}，不能再分办或修改。如有新情况，请登记一个新议题。</Typography.Text>
      ) : (
        <Space wrap>
          <Button type="primary" onClick={() => setDialog('agenda')}>
            纳入议程
          </Button>
          <Button onClick={() => setDialog('refer')}>转部门办理</Button>
          <Button onClick={() => setDialog('reply')}>直接答复</Button>
          <Button onClick={() => setDialog('merge')}>合并到…</Button>
          <Button onClick={() => setDialog('reject')}>不予受理</Button>
          <Button onClick={() => setDialog('close')} disabled={topic.status === '待分办'} title={topic.status === '待分办' ? '先分办，再办结' : undefined}>
            办结
          </Button>
        </Space>
      )}
      {mayRate && (
        <Button style={{ marginLeft: topic.closed ? 16 : 8 }} onClick={() => setDialog('feedback')}>
          {topic.satisfaction ? '修改居民评价' : '居民评价'}
        </Button>
      )}

      {dialog === 'agenda' && <ToAgendaModal orgId={orgId} topic={topic} onClose={() => setDialog(null)} onSaved={(t) => done(t, '已纳入会议议程')} />}
      {dialog === 'refer' && (
        <SummonsFormModal
          orgId={orgId}
          title={`转部门办理：${topic.title}`}
          onClose={() => setDialog(null)}
          onSubmit={async (fields) => {
            done(await call('topics.refer', { id: topic.id, ...fields }), `已向${fields.department}吹哨`);
          }}
        />
      )}
      {dialog === 'reply' && (
        <TextActionModal
          title={`直接答复：${topic.title}`}
          label="答复内容"
          okText="答复并结束"
          hint="答复后议题即结束，不再分办。"
          onClose={() => setDialog(null)}
          onSubmit={async (text) => done(await call('topics.reply', { id: topic.id, reply: text }), '已答复')}
        />
      )}
      {dialog === 'reject' && (
        <TextActionModal
          title={`不予受理：${topic.title}`}
          label="不予受理的理由"
          okText="不予受理"
          hint="请写清理由和给居民的去处，例如“不属于本社区管辖，已告知拨打12345”。"
          maxLength={500}
          onClose={() => setDialog(null)}
          onSubmit={async (text) => done(await call('topics.reject', { id: topic.id, reason: text }), '已登记不予受理')}
        />
      )}
      {dialog === 'close' && (
        <TextActionModal
          title={`办结：${topic.title}`}
          label="办理结果"
          okText="办结"
          onClose={() => setDialog(null)}
          onSubmit={async (text) => done(await call('topics.close', { id: topic.id, result: text }), '议题已办结')}
        />
      )}
      {dialog === 'merge' && <MergeModal orgId={orgId} topic={topic} onClose={() => setDialog(null)} onSaved={(t) => done(t, '已合并')} />}
      {dialog === 'feedback' && <FeedbackModal topic={topic} onClose={() => setDialog(null)} onSaved={(t) => done(t, '已登记居民评价')} />}
    </div>
  );
}
