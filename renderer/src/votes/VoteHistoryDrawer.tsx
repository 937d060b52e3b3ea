import { Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import type { CallOutput } from '../../../core/contract/index';
import { useClock } from '../app/useClock';
import type { Vote } from '../../../core/contract/votes';
import { useCall } from '../api/queries';
import { LoadError } from '../app/LoadError';
import { describeSavedCounts } from './check';

/** "2026-11-05 09:30:12" in the user's zone. */
const secondsIn = (timeZone: string, iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

type Entry = CallOutput<'votes.history'>['items'][number];

/** 唱票复核: every saved tally of a vote, who saved it and why it was corrected. */
export function VoteHistoryDrawer({ vote, onClose }: { vote: Vote; onClose(): void }) {
  const { timeZone } = useClock();
  const { data, error, reload } = useCall('votes.history', { id: vote.id });
  const items: Entry[] | null = data?.items ?? null;
  const labels = vote.options.map((o) => o.label);

  return (
    <Drawer title="计票记录（唱票复核）" open onClose={onClose} size={560}>
      <LoadError message={error} onRetry={() => void reload()} />
      {!items && !error && <Spin />}
      {items && items.length === 0 && <Empty description="还没有保存过计票" />}
      {items && items.length > 0 && (
        <Timeline
          items={items.map((e, i) => ({
            key: i,
            color: i === 0 ? 'blue' : 'orange',
            content: (
              <div>
                <Typography.Text strong>
                  {i === 0 ? '首次录入' : `第 ${i} 次更正`} · {secondsIn(timeZone, e.at)} · {e.actor}
                </Typography.Text>
                {e.before && <div style={{ color: '#999', textDecoration: 'line-through' }}>原来：{describeSavedCounts(e.before, labels)}</div>}
                <div>
                  {e.before ? '改为：' : ''}
                  {describeSavedCounts(e.after, labels)}
                </div>
                {e.reason && <div>更正原因：{e.reason}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
