import { Tag } from 'antd';
import type { MeetingStatus } from './types';
import type { ExpectedAttendee } from '../../../core/contract/attendance';

const statusColors: Record<MeetingStatus, string> = {
  草稿: 'default',
  已通知: 'blue',
  进行中: 'green',
  已结束: 'orange',
  已定稿: 'purple',
};

export function MeetingStatusTag({ status, large }: { status: MeetingStatus; large?: boolean }) {
  return (
    <Tag color={statusColors[status]} style={large ? { fontSize: 16, padding: '2px 10px' } : undefined}>
      {status}
    </Tag>
  );
}

type Line = NonNullable<ExpectedAttendee['attendance']>;

/** "迟到 09:12", "请假（住院）", "早退 10:30", or 未签到. */
export function attendanceText(line: Line | null): string {
  if (!line) return '未签到';
  switch (line.status) {
    case '出席':
      return line.arrivedAt ? `出席 ${line.arrivedAt}` : '出席';
    case '迟到':
      return line.arrivedAt ? `迟到 ${line.arrivedAt}` : '迟到';
    case '请假':
      return line.reason ? `请假（${line.reason}）` : '请假';
    case '缺席':
      return line.reason ? `缺席（${line.reason}）` : '缺席';
    case '早退':
      return line.leftAt ? `早退 ${line.leftAt}` : '早退';
  }
}

const lineColors: Record<Line['status'], string> = {
  出席: 'green',
  迟到: 'gold',
  请假: 'blue',
  缺席: 'red',
  早退: 'orange',
};

export function AttendanceTag({ line }: { line: Line | null }) {
  return <Tag color={line ? lineColors[line.status] : 'default'}>{attendanceText(line)}</Tag>;
}
