import { useMemo, useState } from 'react';
import { Alert, Button, Progress, Radio, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { checkIdNumber } from '../../../core/idcard';
import { maskIdNumber, maskPhone } from '../../../core/mask';
import type { ImportField } from '../../../core/roster/fields';
import { useClock } from '../app/useClock';
import { derivedNote, rowProblems, type ReviewRow, type ReviewSummary, type RowProblem } from './reviewRows';

export interface CheckProgress {
  done: number;
  total: number;
}

interface Props {
  rows: ReviewRow[];
  duplicates: Map<number, number>;
  summary: ReviewSummary;
  progress: CheckProgress | null;
  onEdit(row: ReviewRow): void;
  onToggleSkip(row: ReviewRow): void;
}

type View = 'all' | 'problems' | 'skipped';

interface TableRow extends ReviewRow {
  problems: RowProblem[];
}

/** The value as imported; derived birth date and gender are shown from the ID number. */
function shown(row: TableRow, field: ImportField, today: string): string {
  const value = row.data[field] ?? '';
  if (value || !row.check?.derived.includes(field)) return value;
  const check = checkIdNumber(row.data.idNumber, today);
  if (!check.ok) return '';
  return field === 'birthDate' ? check.birthDate : field === 'gender' ? check.gender : '';
}

/** Personal numbers stay masked unless they are what is wrong with the row. */
function personal(row: TableRow, field: 'idNumber' | 'phone'): string {
  const value = row.data[field];
  if (row.problems.some((p) => p.field === field)) return value;
  return (field === 'idNumber' ? maskIdNumber(value) : maskPhone(value)) ?? '';
}

export function ReviewStep({ rows, duplicates, summary, progress, onEdit, onToggleSkip }: Props) {
  const [view, setView] = useState<View>('all');
  const [page, setPage] = useState(1);
  const { today } = useClock();

  const tableRows = useMemo<TableRow[]>(
    () => rows.map((r) => ({ ...r, problems: r.skipped ? [] : rowProblems(r, duplicates.get(r.index)) })),
    [rows, duplicates],
  );
  const visible = tableRows.filter((r) => (view === 'problems' ? !r.skipped && r.problems.length > 0 : view === 'skipped' ? r.skipped : true));

  if (progress && progress.done < progress.total) {
    const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 0;
    return (
      <div style={{ padding: '32px 0' }}>
        <Typography.Paragraph>
          正在逐行检查：已检查 {progress.done} / {progress.total} 行…
        </Typography.Paragraph>
        <Progress percent={percent} aria-label="检查进度" />
      </div>
    );
  }

  const columns: ColumnsType<TableRow> = [
    { title: '序号', dataIndex: 'index', key: 'index', width: 64 },
    { title: '姓名', key: 'name', width: 100, render: (_: unknown, r) => r.data.name },
    { title: '性别', key: 'gender', width: 70, render: (_: unknown, r) => shown(r, 'gender', today) },
    { title: '出生日期', key: 'birthDate', width: 120, render: (_: unknown, r) => shown(r, 'birthDate', today) },
    { title: '身份证号', key: 'idNumber', width: 190, render: (_: unknown, r) => personal(r, 'idNumber') },
    { title: '联系电话', key: 'phone', width: 130, render: (_: unknown, r) => personal(r, 'phone') },
    { title: '户号', key: 'householdNo', width: 80, render: (_: unknown, r) => r.data.householdNo },
    { title: '小组', key: 'groupName', width: 130, render: (_: unknown, r) => r.data.groupName },
    {
      title: '检查结果',
      key: 'result',
      width: 320,
      render: (_: unknown, r) => {
        if (r.skipped) return <Typography.Text type="secondary">已跳过，不导入</Typography.Text>;
        if (r.problems.length > 0) {
          return (
            <ul className="issue-list">
              {r.problems.map((p) => (
                <li key={p.text}>{p.text}</li>
              ))}
            </ul>
          );
        }
        const note = derivedNote(r.check);
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Text type="success">可以导入</Typography.Text>
            {note && <Typography.Text type="secondary">{note}</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      // The table scrolls sideways on a 1366 screen: 修改 and 跳过 stay in view at its right edge.
      fixed: 'right',
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" onClick={() => onEdit(r)} aria-label={`修改第 ${r.index} 行`}>
            修改
          </Button>
          <Button size="small" onClick={() => onToggleSkip(r)} aria-label={`${r.skipped ? '取消跳过' : '跳过'}第 ${r.index} 行`}>
            {r.skipped ? '取消跳过' : '跳过'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Alert
        type={summary.withProblems > 0 ? 'warning' : 'success'}
        showIcon
        title={`共 ${summary.total} 行：可导入 ${summary.ready} 行，有问题 ${summary.withProblems} 行，已跳过 ${summary.skipped} 行`}
        description={
          summary.withProblems > 0
            ? '有问题的行标成了红色。请点“修改”改正，或点“跳过”不导入这一行；全部处理好后才能导入。'
            : summary.ready > 0
              ? '检查通过，可以点“导入”了。'
              : '没有可以导入的行。'
        }
        style={{ marginBottom: 16 }}
      />
      <Radio.Group
        aria-label="显示哪些行"
        optionType="button"
        value={view}
        onChange={(e) => {
          setView(e.target.value as View);
          setPage(1);
        }}
        options={[
          { label: `全部（${summary.total}）`, value: 'all' },
          { label: `有问题（${summary.withProblems}）`, value: 'problems' },
          { label: `已跳过（${summary.skipped}）`, value: 'skipped' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<TableRow>
        size="small"
        rowKey="index"
        columns={columns}
        dataSource={visible}
        scroll={{ x: 1400 }}
        rowClassName={(r) => (r.skipped ? 'row-skipped' : r.problems.length > 0 ? 'row-problem' : '')}
        pagination={{
          current: page,
          pageSize: 50,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 行`,
          hideOnSinglePage: true,
        }}
      />
    </div>
  );
}
