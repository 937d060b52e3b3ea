import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User, UserPolicy } from '../../../core/contract/users';
import { useConfirmDiscard } from '../app/useConfirmDiscard';
import { call, errorMessage } from '../api/client';
import { useReportError } from '../app/useReportError';
import { useUsers } from './UserContext';
import { UserFields, type UserValues } from './UserFields';

type Dialog = { kind: 'add' } | { kind: 'edit'; user: User } | { kind: 'pin'; user: User } | null;

/** 设置 → 使用人: who uses this installation, their PINs, and the 定稿 rule. */
export function UsersSettings() {
  const { users, user: me, reload } = useUsers();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [policy, setPolicy] = useState<UserPolicy | null>(null);
  const [policyError, setPolicyError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<UserValues>();
  const discard = useConfirmDiscard(
    useCallback(() => setDialog(null), []),
    form,
  );

  useEffect(() => {
    call('users.list', {})
      .then((r) => setPolicy(r.policy))
      .catch((e: unknown) => setPolicyError(errorMessage(e)));
  }, []);

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.kind === 'edit') form.setFieldsValue({ name: dialog.user.name, role: dialog.user.role });
    if (dialog.kind === 'add') form.setFieldsValue({ name: '', role: '', pin: '' });
  }, [dialog, form]);

  async function run(action: () => Promise<unknown>, done: string) {
    setSaving(true);
    try {
      await action();
      await reload();
      message.success(done);
      setDialog(null);
    } catch (e) {
      reportError(e, '没有保存');
    } finally {
      setSaving(false);
    }
  }

  async function save(values: UserValues) {
    if (!dialog) return;
    if (dialog.kind === 'add') {
      await run(
        () => call('users.create', { name: values.name, role: values.role, ...(values.pin ? { pin: values.pin } : {}) }),
        `已添加使用人“${values.name}”`,
      );
    } else if (dialog.kind === 'edit') {
      await run(() => call('users.update', { id: dialog.user.id, name: values.name, role: values.role }), '已保存');
    } else {
      await run(() => call('users.update', { id: dialog.user.id, pin: values.pin ? values.pin : null }), values.pin ? '已设置密码' : '已取消密码');
    }
  }

  async function changePolicy(approverMustDiffer: boolean) {
    try {
      setPolicy(await call('users.setPolicy', { approverMustDiffer }));
      message.success(approverMustDiffer ? '已开启：会议记录须由起草人以外的人定稿' : '已关闭：起草人也可以定稿');
    } catch (e) {
      reportError(e, '没有保存');
    }
  }

  return (
    <Card
      title="使用人"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
          添加使用人
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        每一项记录都写明是哪位使用人做的；会议记录印出定稿人，更正记录印出更正人。停用的使用人不能再选择，但以往的记录照旧保留他们的名字。
      </Typography.Paragraph>
      <Table<User>
        rowKey="id"
        pagination={false}
        dataSource={users}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (name: string, u) => (
              <Space>
                {name}
                {u.id === me?.id && <Tag color="blue">正在使用</Tag>}
              </Space>
            ),
          },
          { title: '职务', dataIndex: 'role' },
          { title: '密码', dataIndex: 'hasPin', render: (has: boolean) => (has ? '已设置' : '未设置') },
          { title: '状态', dataIndex: 'retired', render: (retired: boolean) => (retired ? <Tag>已停用</Tag> : '在用') },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, u) => (
              <Space wrap>
                <Button size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                  修改
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: 'pin', user: u })}>
                  {u.hasPin ? '改密码' : '设密码'}
                </Button>
                <Button
                  size="small"
                  danger={!u.retired}
                  disabled={u.id === me?.id}
                  onClick={() => void run(() => call('users.update', { id: u.id, retired: !u.retired }), u.retired ? `已恢复“${u.name}”` : `已停用“${u.name}”`)}
                >
                  {u.retired ? '恢复' : '停用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 24 }}>
        {policyError && <Alert type="error" showIcon title={policyError} />}
        <Space>
          <Switch
            aria-label="会议记录须由起草人以外的人定稿"
            checked={policy?.approverMustDiffer ?? false}
            disabled={!policy}
            onChange={(on) => void changePolicy(on)}
          />
          <span>会议记录须由起草人以外的人定稿</span>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          开启后，提交审核的人不能自己定稿，须换一位使用人（点右上角“切换使用人”）来定稿。
        </Typography.Paragraph>
      </div>
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'add' ? '添加使用人' : dialog?.kind === 'edit' ? `修改“${dialog.user.name}”` : dialog ? `“${dialog.user.name}”的密码` : ''}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => form.submit()}
        {...discard}
        destroyOnHidden
      >
        <Form<UserValues> form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false}>
          {dialog?.kind === 'pin' ? (
            <>
              <Typography.Paragraph type="secondary">输入新密码；留空则取消密码。</Typography.Paragraph>
              <Form.Item name="pin" label="新密码" rules={[{ pattern: /^\d{4,8}$/, message: '密码应为 4 到 8 位数字' }]}>
                <Input.Password inputMode="numeric" maxLength={8} size="large" autoComplete="new-password" autoFocus />
              </Form.Item>
            </>
          ) : (
            <UserFields autoFocus withPin={dialog?.kind === 'add'} />
          )}
        </Form>
      </Modal>
    </Card>
  );
}
