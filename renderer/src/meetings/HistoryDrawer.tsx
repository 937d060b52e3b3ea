import { Drawer, Spin, Table } from 'antd';
import type { ExpectedAttendee } from '../../../core/contract/attendance';
import type { CallOutput } from '../../../core/contract/index';
import { useCall } from '../api/queries';
import { LoadError } from '../app/LoadError';
import { whoOf } from './attendanceCalls';
import { attendanceText } from './status';
import { localDateTime } from './time';

type Change = CallOutput<'attendance.history'>['items'][number];

interface StoredLine {
  status: '出席' | '迟到' | '请假' | '缺席' | '早退';
  arrivedAt: string | null;
  leftAt: string | null;
  reason: string | null;
  name?: string;
}

/** A stored line (JSON) in words: "迟到 09:12（张三签到）". */
function describe(json: string | null): string {
  if (!json) return '未签到';
  try {
    const line = JSON.parse(json) as StoredLine;
    return attendanceText({ id: 0, status: line.status, arrivedAt: line.arrivedAt, leftAt: line.leftAt, reason: line.reason, signedByName: line.name ?? '', changes: 0 });
  } catch {
    return json;
  }
}

interface Props {
  meetingId: number;
  entry: ExpectedAttendee;
  onClose(): void;
}

/** 查看更正记录: every change of one person's sign-in line, never overwritten. */
export function HistoryDrawer({ meetingId, entry, onClose }: Props) {
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
            { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => localDateTime(v) },
            { title: '操作人', dataIndex: 'actor', width: 100 },
            { title: '修改前 → 修改后', key: 'change', render: (_: unknown, c) => `${describe(c.before)} → ${describe(c.after)}` },
            { title: '说明', dataIndex: 'note', width: 150, render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Spin>
    </Drawer>
  );
}
