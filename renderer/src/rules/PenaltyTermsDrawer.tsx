import { useCallback, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Modal, Popconfirm, Space, Spin, Table, Typography } from 'antd';
import { PlusOutlined, UndoOutlined } from '@ant-design/icons';
import type { PenaltyTerm } from '../../../core/ruletext/types';
import { call, errorMessage } from '../api/client';
import { useCall, useSetCall } from '../api/queries';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  orgId: number;
  onClose(): void;
}

/** 违规用语清单: the words the check flags, with the reason each one is shown to the reviewer. */
export function PenaltyTermsDrawer({ orgId, onClose }: Props) {
  const { message } = App.useApp();
  const discardEdit = useConfirmDiscard(useCallback(() => setEditing(null), []));
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ index: number | null; term: string; reason: string } | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const list = useCall('rules.penaltyTerms.get', { orgId });
  const terms: PenaltyTerm[] | null = list.data?.terms ?? null;
  const isDefault = list.data?.isDefault ?? true;
  const put = useSetCall();

  async function save(next: PenaltyTerm[] | null): Promise<boolean> {
    setSaving(true);
    try {
      const r = await call('rules.penaltyTerms.set', { orgId, terms: next });
      put('rules.penaltyTerms.get', { orgId }, r);
      setError(null);
      message.success(next === null ? '已恢复默认清单' : '违规用语清单已保存');
      return true;
    } catch (e) {
      if (editing) setEditError(errorMessage(e));
      else setError(errorMessage(e));
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function saveEdit() {
    if (!editing || !terms) return;
    setEditError(null);
    const item = { term: editing.term.trim(), reason: editing.reason.trim() };
    if (!item.term) return setEditError('请填写用语，例如“罚款”；“取消…资格”中的“…”代表中间的几个字');
    if (!item.reason) return setEditError('请写明为什么规约里不能这样写，审核人会看到这句话');
    const next = editing.index === null ? [...terms, item] : terms.map((t, i) => (i === editing.index ? item : t));
    if (await save(next)) setEditing(null);
  }

  return (
    <Drawer title="违规用语清单" open onClose={onClose} size={720} destroyOnHidden>
      <Typography.Paragraph>
        规约不能设定罚款、没收等强制性处罚。条文里出现下面这些用语时，会提示审核人核查；确实不构成处罚的，写明理由后可以消除提示。
        {isDefault ? '现在用的是软件自带的清单。' : '本单位已修改过这份清单。'}
      </Typography.Paragraph>
      {(error ?? list.error) && <Alert type="error" showIcon title={error ?? list.error} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!terms}
          onClick={() => {
            setEditError(null);
            setEditing({ index: null, term: '', reason: '' });
          }}
        >
          添加用语
        </Button>
        <Popconfirm
          title="恢复为软件自带的清单？本单位添加或修改的用语会被去掉。"
          okText="恢复"
          cancelText="取消"
          onConfirm={() => void save(null)}
          disabled={isDefault}
        >
          <Button icon={<UndoOutlined />} disabled={isDefault} loading={saving && !editing}>
            恢复默认清单
          </Button>
        </Popconfirm>
      </Space>
      {!terms && !error && !list.error ? (
        <Spin />
      ) : (
        <Table<PenaltyTerm>
          rowKey="term"
          size="small"
          pagination={false}
          dataSource={terms ?? []}
          columns={[
            { title: '用语', dataIndex: 'term', width: 130 },
            { title: '为什么不能这样写', dataIndex: 'reason' },
            {
              title: '操作',
              width: 130,
              render: (_: unknown, t, i) => (
                <Space size={4}>
                  <Button
                    size="small"
                    onClick={() => {
                      setEditError(null);
                      setEditing({ index: i, ...t });
                    }}
                  >
                    修改
                  </Button>
                  <Popconfirm
                    title={`从清单中删去“${t.term}”？`}
                    okText="删去"
                    cancelText="不删"
                    onConfirm={() => terms && void save(terms.filter((_x, j) => j !== i))}
                  >
                    <Button size="small" danger>
                      删去
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <Modal
          open
          title={editing.index === null ? '添加用语' : '修改用语'}
          okText="保存"
          cancelText="取消"
          confirmLoading={saving}
          onOk={() => void saveEdit()}
          {...discardEdit}
          destroyOnHidden
        >
          <Form layout="vertical">
            <Form.Item label="用语" extra="用“…”代表中间可以有几个字，例如“取消…资格”。">
              <Input aria-label="用语" value={editing.term} maxLength={20} onChange={(e) => setEditing({ ...editing, term: e.target.value })} />
            </Form.Item>
            <Form.Item label="原因">
              <Input.TextArea
                aria-label="原因"
                value={editing.reason}
                maxLength={200}
                autoSize={{ minRows: 2 }}
                onChange={(e) => setEditing({ ...editing, reason: e.target.value })}
              />
            </Form.Item>
          </Form>
          {editError && <Alert type="error" showIcon title={editError} />}
        </Modal>
      )}
    </Drawer>
  );
}
