import type { Clock } from '../../core/clock';
import type { LedgerKind } from '../../core/contract/ledgers';
import type { Db } from '../../db/client';
import { matterLedger } from '../../db/ledgers/matters';
import { meetingLedger } from '../../db/ledgers/meetings';
import { resolutionLedger } from '../../db/ledgers/resolutions';
import { ruleLedger } from '../../db/ledgers/rules';
import { monthlySummonsRates, summonsLedger } from '../../db/ledgers/summons';
import { topicLedger } from '../../db/ledgers/topics';
import type { LedgerColumn, LedgerSheet } from './workbook';

export interface LedgerQuery {
  orgId: number;
  kind: LedgerKind;
  from: string;
  to: string;
}

const col = (header: string, width: number): LedgerColumn => ({ header, width });

/** The sheets of one ledger; `heading` is the organization's full name. No phone or ID number appears in any column. */
export function ledgerSheets(db: Db, q: LedgerQuery, heading: string, clock: Clock): LedgerSheet[] {
  const title = (name: string) => `${heading} ${name}（${q.from} 至 ${q.to}）`;
  const numbered = <T>(rows: T[], cells: (r: T) => (string | number | null)[]) => rows.map((r, i) => [i + 1, ...cells(r)]);
  switch (q.kind) {
    case '会议台账':
      return [
        {
          name: '会议台账',
          title: title('会议台账'),
          columns: [
            col('序号', 6),
            col('会议日期', 12),
            col('会议类型', 14),
            col('会议名称', 28),
            col('地点', 14),
            col('主持人', 9),
            col('记录人', 9),
            col('应到', 6),
            col('实到', 6),
            col('是否达到法定人数', 10),
            col('形成决议', 34),
            col('状态', 8),
          ],
          rows: numbered(meetingLedger(db, q.orgId, q.from, q.to), (r) => [
            r.date,
            r.typeName,
            r.title,
            r.place,
            r.chairName,
            r.recorderName,
            r.expected,
            r.present,
            r.quorumMet ? '是' : '否',
            r.decisions,
            r.status,
          ]),
        },
      ];
    case '决议台账':
      return [
        {
          name: '决议台账',
          title: title('决议台账'),
          columns: [
            col('序号', 6),
            col('决议编号', 14),
            col('决议事项', 28),
            col('会议', 24),
            col('会议日期', 12),
            col('责任人', 10),
            col('办理期限', 12),
            col('办理状态', 9),
            col('最新进展', 30),
            col('办结日期', 12),
          ],
          rows: numbered(resolutionLedger(db, q.orgId, q.from, q.to, clock.today), (r) => [
            r.number,
            r.title,
            r.meetingTitle,
            r.meetingDate,
            r.responsible,
            r.deadline,
            r.status,
            r.latestProgress,
            r.completedOn,
          ]),
        },
      ];
    case '议题台账':
      return [
        {
          name: '议题台账',
          title: title('议题台账'),
          columns: [
            col('序号', 6),
            col('收到日期', 12),
            col('来源渠道', 12),
            col('提出人', 10),
            col('类别', 10),
            col('议题', 34),
            col('办理状态', 11),
            col('办结日期', 12),
            col('用时（天）', 9),
          ],
          rows: numbered(topicLedger(db, q.orgId, q.from, q.to, clock.today), (r) => [
            r.receivedOn,
            r.channel,
            r.raiser,
            r.category,
            r.title,
            r.status,
            r.closedOn,
            r.daysTaken,
          ]),
        },
      ];
    case '吹哨报到台账':
      return [
        {
          name: '吹哨报到台账',
          title: title('吹哨报到台账'),
          columns: [
            col('序号', 6),
            col('事项', 30),
            col('报到部门', 16),
            col('吹哨时间', 17),
            col('报到时间', 17),
            col('办结时间', 17),
            col('是否解决', 9),
            col('评价', 9),
          ],
          rows: numbered(summonsLedger(db, q.orgId, q.from, q.to, clock), (r) => [
            r.topic,
            r.department,
            r.summonedAt,
            r.reportedAt,
            r.completedAt,
            r.resolved,
            r.evaluation,
          ]),
        },
        {
          name: '月度响应率',
          title: title('部门响应率、解决率、满意率（按月）'),
          columns: [col('月份', 10), col('部门', 18), col('吹哨次数', 9), col('响应率', 16), col('解决率', 16), col('满意率', 16)],
          rows: monthlySummonsRates(db, q.orgId, q.from, q.to, clock).map((r) => [r.month, r.department, r.summoned, r.response, r.resolution, r.satisfaction]),
        },
      ];
    case '四议两公开台账': {
      const { stepNames, rows } = matterLedger(db, q.orgId, q.from, q.to);
      return [
        {
          name: '四议两公开台账',
          title: title('四议两公开台账'),
          columns: [col('序号', 6), col('事项', 24), col('类别', 10), col('登记日期', 12), ...stepNames.map((n) => col(n, 18))],
          rows: numbered(rows, (r) => [r.title, r.category, r.createdOn, ...r.steps]),
        },
      ];
    }
    case '村规民约备案台账':
      return [
        {
          name: '村规民约备案台账',
          title: title('村规民约备案台账'),
          columns: [
            col('序号', 6),
            col('名称', 28),
            col('类型', 10),
            col('所处阶段', 12),
            col('通过日期', 12),
            col('备案期限', 12),
            col('报备日期', 12),
            col('备案回执号', 16),
            col('备案机关', 20),
          ],
          rows: numbered(ruleLedger(db, q.orgId, q.from, q.to), (r) => [
            r.title,
            r.kind,
            r.stage,
            r.adoptedOn,
            r.filingDue,
            r.filedOn,
            r.receiptNo,
            r.authority,
          ]),
        },
      ];
  }
}
