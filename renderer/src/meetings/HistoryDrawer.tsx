import { Drawer, Spin, Table } from 'antd';
import type { AttendanceLineState, ExpectedAttendee } from '../../../core/contract/attendance';
import type { CallOutput } from '../../../core/contract/index';
import { useCall } from '../api/queries';
import { LoadError } from '../app/LoadError';
import { whoOf } from './attendanceCalls';
import { attendanceText } from './status';
import { useClock } from '../app/useClock';

type Change = CallOutput<'attendance.history'>['items'][number];

/** A line as it stood, in words: "迟到 09:12（张三签到）". */
function describe(line: AttendanceLineState | null): string {
  if (!line) return '未签到';
  return attendanceText({
    id: 0,
    status: line.status,
    arrivedAt: line.arrivedAt,
    leftAt: line.leftAt,
    reason: line.reason,
    signedByName: line.name,
    changes: 0,
  });
}

interface Props {
  meetingId: number;
  entry: ExpectedAttendee;
  onClose(): void;
}

/** 查看更正记录: every change of one person's sign-in line, never overwritten. */
export function HistoryDrawer({ meetingId, entry, onClose }: Props) {
  const clock = useClock();
  const { data, error, reload } = useCall('attendance.history', { meetingId, ...whoOf(entry) });
  const items: Change[] | null = data?.items ?? null;

  return (
    <Drawer title={`签到更正记录：${entry.name}`} open onClose={onClose} size={720} destroyOnHidden>
      <LoadError message={error} onRetry={() => void reload()} />
      <Spin spinning={!items && !error}>
        <Table<Change>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items ?? []}
          locale={{ emptyText: '还没有签到记录' }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => clock.show(v) },
            { title: '操作人', dataIndex: 'actor', width: 100 },
            { title: '修改前 → 修改后', key: 'change', render: (_: unknown, c) => `${describe(c.before)} → ${describe(c.after)}` },
            { title: '说明', dataIndex: 'note', width: 150, render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Spin>
    </Drawer>
  );
}
