import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { Resolution } from '../../../core/contract/votes';
import { formatResolutionNumber } from '../../../core/rules/resolution-number';
import { call, errorMessage } from '../api/client';
import { EMPTY, useCall, useSetCall } from '../api/queries';
import { useReportError } from '../app/useReportError';
import './votes.css';
import { LoadError } from '../app/LoadError';
import { chineseDate } from '../../../core/dates';
import { DateField } from '../app/DateField';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';
import { explanationVerdict } from './labels';

const FORMAT_NEEDS_SEQ = '编号格式必须包含“{序号}”，例如“〔{年}〕{序号}号”';

/** The server's own numbering (core/rules/resolution-number), for the live example while typing. */
const exampleOf = (format: string, year: number) => formatResolutionNumber(format, year, 3);

/** 决议 list for an organization (the 决议 tab of the 会议 page): numbers, what was decided, how the vote went, who follows up by when. */
export function ResolutionsPage({ orgId }: { orgId: number }) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const { today } = useClock();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const [editingFormat, setEditingFormat] = useState(false);

  const list = useCall('resolutions.list', { orgId, ...(year ? { year } : {}) }, { keepPrevious: true });
  const items: Resolution[] = list.data?.items ?? EMPTY;
  const { loading, error, reload: load } = list;
  const put = useSetCall();
  // The year filter offers every year seen so far (choosing one year must not hide the others).
  useEffect(() => {
    setYears((known) => [...new Set([...known, ...items.map((x) => Number(x.meetingDate.slice(0, 4)))])].sort((a, b) => b - a));
  }, [items]);

  const formatQuery = useCall('resolutions.getFormat', { orgId });
  const format = formatQuery.data ?? null;
  const setFormat = (f: { format: string; example: string }) => put('resolutions.getFormat', { orgId }, f);

  async function update(r: Resolution, patch: { responsible?: string; deadline?: string | null }) {
    try {
      const next = await call('resolutions.update', { id: r.id, ...patch });
      put('resolutions.list', { orgId, ...(year ? { year } : {}) }, (old) => old && { ...old, items: old.items.map((x) => (x.id === next.id ? next : x)) });
      // One notice per resolution: a second save replaces the first instead of stacking up.
      message.success({ key: `resolution-${next.id}`, content: `已保存决议${next.number}的落实信息` });
    } catch (e) {
      reportError(e, '落实信息没有保存');
    }
  }

  const yearOptions = useMemo(() => {
    const all = [...new Set([thisYear, ...years])].sort((a, b) => b - a);
    return [{ value: 0, label: '全部年份' }, ...all.map((y) => ({ value: y, label: `${y}年` }))];
  }, [years, thisYear]);

  return (
    <div className="resolutions-page">
      <div className="toolbar">
        <span>年份</span>
        <Select aria-label="年份" value={year ?? 0} onChange={(v: number) => setYear(v || null)} options={yearOptions} style={{ width: 140 }} />
        <div className="toolbar-spacer" />
        {format && (
          <Typography.Text type="secondary">
            编号格式：{format.format}（例：{format.example}）
          </Typography.Text>
        )}
        <Button icon={<SettingOutlined />} onClick={() => setEditingFormat(true)} disabled={!format}>
          编号格式
        </Button>
      </div>
      <LoadError message={error} onRetry={() => void load()} />
      <Table<Resolution>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="还没有决议。会议表决通过的议案会自动成为决议，列在这里。" /> }}
        // Wider than a 1366 screen's content: the table scrolls inside itself, the result stays near the left.
        scroll={{ x: 1230 }}
        columns={[
          { title: '编号', dataIndex: 'number', width: 120, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          {
            title: '决议事项',
            width: 260,
            render: (_v, r) => (
              <div>
                <Typography.Text strong>{r.title}</Typography.Text>
                <Typography.Paragraph
                  type="secondary"
                  className="resolution-explanation"
                  ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}
                >
                  {r.text}
                </Typography.Paragraph>
              </div>
            ),
          },
          {
            title: '结果',
            width: 90,
            render: (_v, r) => {
              const verdict = explanationVerdict(r.explanation);
              return verdict ? <Tag color={verdict === '通过' ? 'success' : 'error'}>{verdict}</Tag> : '—';
            },
          },
          {
            title: '会议',
            width: 180,
            render: (_v, r) => (
              <div>
                <div>{r.meetingTitle}</div>
                <Typography.Text type="secondary">{chineseDate(r.meetingDate)}</Typography.Text>
              </div>
            ),
          },
          {
            title: '表决情况',
            width: 220,
            render: (_v, r) => (
              <Typography.Paragraph
                className="resolution-explanation"
                ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}
              >
                {r.explanation}
              </Typography.Paragraph>
            ),
          },
          {
            title: '责任人/单位',
            width: 190,
            render: (_v, r) => <ResponsibleInput key={`${r.id}:${r.responsible ?? ''}`} r={r} onSave={(responsible) => void update(r, { responsible })} />,
          },
          {
            title: '完成期限',
            width: 170,
            render: (_v, r) => (
              <DateField
                aria-label={`决议${r.number}的完成期限`}
                value={r.deadline}
                placeholder="如 2026-12-31"
                quiet
                onCommit={(d) => {
                  if (d !== r.deadline) void update(r, { deadline: d });
                }}
                style={{ width: 150 }}
              />
            ),
          },
        ]}
      />
      {editingFormat && format && (
        <FormatModal
          orgId={orgId}
          current={format.format}
          onClose={() => setEditingFormat(false)}
          onSaved={(f) => {
            setFormat(f);
            setEditingFormat(false);
            message.success(`已设置决议编号格式，以后的决议编号如：${f.example}`);
          }}
        />
      )}
    </div>
  );
}

function ResponsibleInput({ r, onSave }: { r: Resolution; onSave(value: string): void }) {
  const [value, setValue] = useState(r.responsible ?? '');
  const commit = () => {
    if (value.trim() !== (r.responsible ?? '')) onSave(value.trim());
  };
  return (
    <Input
      aria-label={`决议${r.number}的责任人或单位`}
      value={value}
      maxLength={60}
      placeholder="填写后按回车保存"
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}

function FormatModal({
  orgId,
  current,
  onClose,
  onSaved,
}: {
  orgId: number;
  current: string;
  onClose(): void;
  onSaved(f: { format: string; example: string }): void;
}) {
  const clock = useClock();
  const discard = useConfirmDiscard(onClose);
  const [value, setValue] = useState(current);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = !value.trim() ? '请填写决议编号格式' : !value.includes('{序号}') ? FORMAT_NEEDS_SEQ : null;

  async function save() {
    if (problem) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('resolutions.setFormat', { orgId, format: value.trim() }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="决议编号格式"
      open
      {...discard}
      onOk={() => void save()}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ disabled: Boolean(problem) }}
      confirmLoading={saving}
      destroyOnHidden
    >
      <p>
        “{'{年}'}”会换成会议所在年份，“{'{序号}'}”会换成当年的第几号。已经编好的决议号不会改变。
      </p>
      <Input aria-label="编号格式" value={value} maxLength={40} onChange={(e) => setValue(e.target.value)} onPressEnter={() => void save()} />
      <div style={{ marginTop: 12 }}>
        {problem ? (
          <Typography.Text type="danger">{problem}</Typography.Text>
        ) : (
          <Typography.Text>示例：{exampleOf(value.trim(), Number(clock.today.slice(0, 4)))}</Typography.Text>
        )}
      </div>
      <div style={{ marginTop: 8 }}>
        <Button size="small" onClick={() => setValue('〔{年}〕{序号}号')}>
          恢复默认“〔{'{年}'}〕{'{序号}'}号”
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
