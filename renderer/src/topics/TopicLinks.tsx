import { List, Tag, Typography } from 'antd';
import type { TopicDetail } from '../../../core/contract/topics';
import { openMeetingAgenda } from './route';

interface Props {
  topic: TopicDetail;
  onOpen(id: number): void;
}

/** Where the topic went: agenda items, resolutions, topics merged into it. */
export function TopicLinks({ topic: t, onOpen }: Props) {
  return (
    <div className="topic-links">
      {t.agendaItems.length > 0 && (
        <section aria-label="会议议程">
          <Typography.Title level={4}>会议议程</Typography.Title>
          <List
            bordered
            dataSource={t.agendaItems}
            renderItem={(a) => (
              <List.Item actions={[<Tag key="s">{a.meetingStatus}</Tag>]}>
                <Typography.Link onClick={() => openMeetingAgenda(a.meetingId)}>{`${a.meetingDate} ${a.meetingTitle}：${a.title}`}</Typography.Link>
              </List.Item>
            )}
          />
        </section>
      )}
      {t.resolutions.length > 0 && (
        <section aria-label="形成的决议">
          <Typography.Title level={4}>形成的决议</Typography.Title>
          <List
            bordered
            dataSource={t.resolutions}
            renderItem={(r) => (
              <List.Item actions={[r.completedOn ? <Tag key="s" color="green">{`${r.completedOn} 完成`}</Tag> : <Tag key="s">办理中</Tag>]}>
                {`${r.number} ${r.title}`}
              </List.Item>
            )}
          />
        </section>
      )}
      {t.mergedTopics.length > 0 && (
        <section aria-label="并入本议题的议题">
          <Typography.Title level={4}>并入本议题的议题</Typography.Title>
          <List
            bordered
            dataSource={t.mergedTopics}
            renderItem={(m) => (
              <List.Item>
                <Typography.Link onClick={() => onOpen(m.id)}>{`议题 ${m.id}：${m.title}`}</Typography.Link>
              </List.Item>
            )}
          />
        </section>
      )}
    </div>
  );
}
