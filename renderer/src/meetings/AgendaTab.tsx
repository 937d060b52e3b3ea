import { useRef, useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgendaItem } from '../../../core/contract/agenda';
import { call } from '../api/client';
import { useReportError } from '../app/useReportError';
import { AgendaItemModal } from './AgendaItemModal';
import { PartyReview } from './PartyReview';
import { AttachmentList } from '../attachments/AttachmentList';
import { CarryOverPrompt } from '../followup/CarryOverPrompt';

interface Props {
  meetingId: number;
  items: AgendaItem[];
  readOnly: boolean;
  onItems(items: AgendaItem[]): void;
}

function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x!);
  return next;
}

/** 议程: ordered items; drag a row, or use 上移/下移 from the keyboard. */
export function AgendaTab({ meetingId, items, readOnly, onItems }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const [dialog, setDialog] = useState<{ item?: AgendaItem } | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);
  const dragging = useRef<number | null>(null);

  async function reorder(next: AgendaItem[], focusLabel?: string) {
    const before = items;
    onItems(next.map((it, i) => ({ ...it, position: i + 1 })));
    try {
      const r = await call('agenda.reorder', { meetingId, orderedIds: next.map((i) => i.id) });
      onItems(r.items);
      // Keep the keyboard where it was: on the same button of the moved row.
      if (focusLabel) requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(focusLabel)}"]`)?.focus());
    } catch (e) {
      onItems(before);
      reportError(e, '议程顺序没有调整');
    }
  }

  function move(index: number, delta: -1 | 1) {
    const to = index + delta;
    if (to < 0 || to >= items.length) return;
    const item = items[index]!;
    void reorder(moved(items, index, to), `${delta < 0 ? '上移' : '下移'}：${item.title}`);
  }

  async function remove(item: AgendaItem) {
    try {
      onItems((await call('agenda.remove', { id: item.id })).items);
      message.success(`已删除议题“${item.title}”`);
    } catch (e) {
      reportError(e, '议题没有删除');
    }
  }

  const replace = (updated: AgendaItem) => onItems(items.map((i) => (i.id === updated.id ? updated : i)));

  return (
    <div>
      {!readOnly && <CarryOverPrompt meetingId={meetingId} onItems={onItems} />}
      <div className="toolbar">
        {!readOnly && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
            添加议题
          </Button>
        )}
        {!readOnly && items.length > 1 && <Typography.Text type="secondary">可以拖动行调整顺序，或用每行的“上移”“下移”按钮。</Typography.Text>}
      </div>
      <Table<AgendaItem>
        rowKey="id"
        dataSource={items}
        pagination={false}
        aria-label="议程"
        locale={{ emptyText: readOnly ? '本会议没有议程' : '还没有议题。点击“添加议题”，逐项列出本次会议要讨论的事情。' }}
        rowClassName={(it) => (dragOver === it.id ? 'row-drag-over' : '')}
        onRow={(it, index) =>
          readOnly
            ? {}
            : {
                draggable: true,
                onDragStart: (e) => {
                  dragging.current = index ?? null;
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', String(it.id));
                },
                onDragOver: (e) => {
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  if (dragOver !== it.id) setDragOver(it.id);
                },
                onDragLeave: () => setDragOver((d) => (d === it.id ? null : d)),
                onDrop: (e) => {
                  e.preventDefault();
                  setDragOver(null);
                  const from = dragging.current;
                  dragging.current = null;
                  if (from == null || index == null || from === index) return;
                  void reorder(moved(items, from, index));
                },
                onDragEnd: () => {
                  dragging.current = null;
                  setDragOver(null);
                },
              }
        }
        columns={[
          {
            title: '序号',
            key: 'n',
            width: 80,
            render: (_: unknown, _it, index) => (
              <span className="agenda-number">
                {!readOnly && <HolderOutlined className="drag-handle" aria-hidden />}
                {index + 1}
              </span>
            ),
          },
          {
            title: '议题',
            dataIndex: 'title',
            render: (title: string, it) => (
              <div>
                <div className="agenda-title">{title}</div>
                {it.description && <div className="agenda-description">{it.description}</div>}
                {(it.attachments.length > 0 || !readOnly) && (
                  <div className="agenda-attachments">
                    <AttachmentList
                      target={{ kind: 'agendaItem', id: it.id }}
                      paths={it.attachments}
                      readOnly={readOnly}
                      label={it.title}
                      onChanged={(attachments) => replace({ ...it, attachments })}
                    />
                  </div>
                )}
                <PartyReview item={it} readOnly={readOnly} onChanged={replace} />
              </div>
            ),
          },
          { title: '汇报人', dataIndex: 'presenter', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '计划时长', dataIndex: 'plannedMinutes', width: 110, render: (v: number | null) => (v ? `${v} 分钟` : '—') },
          ...(readOnly
            ? []
            : [
                {
                  title: '操作',
                  key: 'actions',
                  width: 300,
                  render: (_: unknown, it: AgendaItem, index: number) => (
                    <Space size={4} wrap>
                      <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`上移：${it.title}`}>
                        上移
                      </Button>
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === items.length - 1}
                        onClick={() => move(index, 1)}
                        aria-label={`下移：${it.title}`}
                      >
                        下移
                      </Button>
                      <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ item: it })} aria-label={`修改：${it.title}`}>
                        修改
                      </Button>
                      <Popconfirm
                        title={`删除议题“${it.title}”？`}
                        okText="删除"
                        cancelText="取消"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(it)}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除：${it.title}`}>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      {dialog && (
        <AgendaItemModal
          meetingId={meetingId}
          item={dialog.item}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            if (dialog.item) {
              replace(saved);
              message.success('议题已保存');
            } else {
              onItems([...items, saved]);
              message.success(`已添加议题“${saved.title}”`);
            }
          }}
        />
      )}
    </div>
  );
}
