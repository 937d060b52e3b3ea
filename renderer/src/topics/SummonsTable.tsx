import { Table, Tag, Typography, type TablePaginationConfig } from 'antd';
import type { Summons } from '../../../core/contract/summons';
import { localTime, SummonsStateTag } from './labels';
import { openMeetingAgenda } from './route';
import { useClock } from '../app/useClock';
import { SummonsActions } from './SummonsActions';

interface Props {
  items: Summons[];
  loading?: boolean;
  /** Show which topic or meeting each summons is for (off inside a topic's own page). */
  showSubject?: boolean;
  onOpenTopic?(id: number): void;
  onChanged(): void;
  emptyText?: string;
  /** The service's paging of a long list; without it the table pages the items it was given. */
  pagination?: TablePaginationConfig;
}

/** 吹哨记录: overdue rows red with the reason, due-soon rows orange. */
export function SummonsTable({ items, loading, showSubject = true, onOpenTopic, onChanged, emptyText, pagination }: Props) {
  const { timeZone } = useClock();
  return (
    <Table<Summons>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination ?? { pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 条吹哨记录` }}
      rowClassName={(s) => (s.overdue ? 'row-overdue' : s.dueSoon ? 'row-due-soon' : '')}
      scroll={{ x: showSubject ? 1080 : 920 }}
      locale={{ emptyText: emptyText ?? '没有吹哨记录' }}
      columns={[
        {
          title: '部门或单位',
          dataIndex: 'department',
          width: 140,
          render: (_: unknown, s) => (
            <div>
              <b>{s.department}</b>
              {s.contact && <div className="muted">{s.contact}</div>}
            </div>
          ),
        },
        {
          hidden: !showSubject,
          title: '事由',
          key: 'subject',
          width: 160,
          render: (_: unknown, s) =>
            s.topicId != null ? (
              <Typography.Link onClick={() => onOpenTopic?.(s.topicId!)}>{`议题：${s.topicTitle ?? s.topicId}`}</Typography.Link>
            ) : s.meetingId != null ? (
              <Typography.Link onClick={() => openMeetingAgenda(s.meetingId!)}>{`会议：${s.meetingTitle ?? s.meetingId}`}</Typography.Link>
            ) : (
              '—'
            ),
        },
        {
          title: '吹哨时间',
          dataIndex: 'summonedAt',
          width: 170,
          render: (v: string, s) => (
            <div>
              <div>{localTime(timeZone, v)}</div>
              <div className="muted">{`应在 ${localTime(timeZone, s.reportDueAt)} 前报到`}</div>
            </div>
          ),
        },
        {
          title: '报到时间',
          dataIndex: 'reportedAt',
          width: 150,
          render: (v: string | null, s) =>
            v ? (
              <div>
                <div>{localTime(timeZone, v)}</div>
                <Tag color={s.reportedInTime ? 'green' : 'red'}>{s.reportedInTime ? '按时' : '超时'}</Tag>
              </div>
            ) : (
              '未报到'
            ),
        },
        {
          title: '承诺与期限',
          key: 'commitment',
          ellipsis: false,
          render: (_: unknown, s) => (
            <div>
              <div>{s.commitment ?? '—'}</div>
              {s.deadline && <div className="muted">{`期限 ${s.deadline}`}</div>}
            </div>
          ),
        },
        {
          title: '状态',
          key: 'state',
          width: 170,
          render: (_: unknown, s) => (
            <div>
              <SummonsStateTag summons={s} />
              {s.overdueReason && <div className="overdue-reason">{s.overdueReason}</div>}
              {s.result && <div className="muted">{`结果：${s.result}`}</div>}
              {s.evaluation && <div className="muted">{`评价：${s.evaluation}`}</div>}
            </div>
          ),
        },
        { title: '操作', key: 'actions', width: 150, fixed: 'right', render: (_: unknown, s) => <SummonsActions summons={s} onChanged={onChanged} /> },
      ]}
    />
  );
}
