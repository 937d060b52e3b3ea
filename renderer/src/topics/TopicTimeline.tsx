import { Timeline, Typography } from 'antd';
import type { TopicDetail } from '../../../core/contract/topics';

const colors: Record<string, string> = {
  登记: 'blue',
  纳入议程: 'blue',
  转部门办理: 'orange',
  部门报到: 'green',
  答复: 'green',
  办结: 'green',
  合并: 'gray',
  不予受理: 'gray',
  居民评价: 'purple',
};

/** 办理过程: every step, oldest first, as the database keeps it (never rewritten). */
export function TopicTimeline({ events }: { events: TopicDetail['events'] }) {
  return (
    <section aria-label="办理过程" className="topic-timeline">
      <Typography.Title level={4}>办理过程</Typography.Title>
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          color: colors[e.kind] ?? 'gray',
          content: (
            <div>
              <div>
                <b>{e.date}</b> <span className="muted">{e.kind}</span>
              </div>
              <div>{e.text}</div>
              {e.actor && <div className="muted">经办：{e.actor}</div>}
            </div>
          ),
        }))}
      />
    </section>
  );
}
