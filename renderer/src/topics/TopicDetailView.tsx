import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Col, Result, Row, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import type { TopicDetail } from '../../../core/contract/topics';
import { call } from '../api/client';
import { useCall, useSetCall } from '../api/queries';
import { useExport } from '../app/useExport';
import { TopicStatusTag, UrgencyTag } from './labels';
import { TopicFacts } from './TopicFacts';
import { SummonsTable } from './SummonsTable';
import { TopicLinks } from './TopicLinks';
import { TopicTimeline } from './TopicTimeline';
import { SummonsReplies } from '../exchange/SummonsReplies';
import { TriageActions } from './TriageActions';
import { TopicFormModal } from './TopicFormModal';
import { useChannels } from './useChannels';

interface Props {
  orgId: number;
  topicId: number;
  onBack(): void;
  onOpen(id: number): void;
}

/** One topic: its facts, what may be done with it now, what it is linked to, and its timeline. */
export function TopicDetailView({ orgId, topicId, onBack, onOpen }: Props) {
  const { data, pending: loading, error, reload: load } = useCall('topics.get', { id: topicId });
  const topic: TopicDetail | null = data ?? null;
  const put = useSetCall();
  const setTopic = useCallback((next: TopicDetail) => put('topics.get', { id: topicId }, next), [put, topicId]);
  const { isBusy, run } = useExport();
  const { message } = App.useApp();
  const { channels, hotline, take: setChannels } = useChannels(orgId);
  const [editing, setEditing] = useState(false);

  if (!topic) {
    return (
      <Card>
        {loading ? (
          <Spin description="正在打开议题…">
            <div style={{ height: 200 }} />
          </Spin>
        ) : (
          <Result
            status="warning"
            title="这个议题没有打开"
            subTitle={error ?? '找不到这个议题'}
            extra={[
              <Button key="retry" type="primary" onClick={() => void load()}>
                再试一次
              </Button>,
              <Button key="back" onClick={onBack}>
                返回议题列表
              </Button>,
            ]}
          />
        )}
      </Card>
    );
  }

  return (
    <Card className="topic-detail">
      <Button type="link" icon={<ArrowLeftOutlined />} className="back-link" onClick={onBack}>
        返回议题列表
      </Button>
      <div className="topic-title-row">
        <Typography.Title level={3} className="topic-title">
          {topic.title}
        </Typography.Title>
        <TopicStatusTag status={topic.status} />
        <UrgencyTag urgency={topic.urgency} />
        {/* A finished topic is not corrected (topics.update refuses it, as TriageActions says). */}
        {!topic.closed && <Button onClick={() => setEditing(true)}>修改</Button>}
      </div>
      {editing && (
        <TopicFormModal
          orgId={orgId}
          topic={topic}
          channels={channels}
          hotline={hotline}
          onChannels={setChannels}
          onClose={() => setEditing(false)}
          onSaved={(t) => {
            setEditing(false);
            message.success('已保存修改');
            setTopic(t);
          }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <TriageActions orgId={orgId} topic={topic} onChanged={setTopic} />
      {(topic.result || topic.reply) && (
        <div className="topic-result-notice">
          <Button
            icon={<FileWordOutlined />}
            loading={isBusy('topicResult')}
            onClick={() => void run('办理结果告知单', () => call('documents.topicResult', { id: topic.id }), { key: 'topicResult' })}
          >
            办理结果告知单
          </Button>
        </div>
      )}
      {topic.summons.length > 0 && (
        <section aria-label="吹哨报到" className="topic-summons">
          <Typography.Title level={4}>吹哨报到</Typography.Title>
          <SummonsTable items={topic.summons} showSubject={false} onChanged={() => void load()} />
          <SummonsReplies topicId={topic.id} />
        </section>
      )}
      <Row gutter={32}>
        <Col xs={24} xl={15}>
          <TopicFacts topic={topic} onOpen={onOpen} />
          <TopicLinks topic={topic} onOpen={onOpen} />
        </Col>
        <Col xs={24} xl={9}>
          <TopicTimeline events={topic.events} />
        </Col>
      </Row>
    </Card>
  );
}
