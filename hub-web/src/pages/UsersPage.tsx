import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { hubRoles, hubRoutes, usersBody, type CreateUserInput, type MeBody, type UserRow } from '../../../exchange/hub-api';
import { getJson, postJson } from '../api';
import { LoadError, messageOf, PageTitle, showInstant } from '../common';

const roleHelp: Record<(typeof hubRoles)[number], string> = {
  街道管理员: '管理社区和用户，填写备案审查意见',
  部门: '查看各项统计，为本部门的吹哨报到、答复',
  只读: '只能查看',
};

export function UsersPage({ me }: { me: MeBody }) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => getJson(hubRoutes.users, usersBody) });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const toggle = (u: UserRow) =>
    modal.confirm({
      title: u.disabled ? `恢复账号“${u.username}”？` : `停用账号“${u.username}”？`,
      content: u.disabled ? '恢复后可以用原密码登录。' : '停用后这个账号马上退出，不能再登录；以后可以恢复。',
      okText: u.disabled ? '恢复' : '停用',
      cancelText: '取消',
      onOk: async () => {
        try {
          await postJson(hubRoutes.userDisable(u.id), { disabled: !u.disabled });
          message.success(u.disabled ? `已恢复 ${u.username}` : `已停用 ${u.username}`);
          await client.invalidateQueries({ queryKey: ['users'] });
        } catch (e) {
          message.error(messageOf(e));
        }
      },
    });
  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            添加用户
          </Button>
        }
      >
        用户
      </PageTitle>
      {users.isError && <LoadError error={users.error} />}
      <Table<UserRow>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data?.items ?? []}
        pagination={false}
        size="middle"
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '角色', dataIndex: 'role', width: 130, render: (r: string) => <Tag>{r}</Tag> },
          { title: '部门', dataIndex: 'department', render: (v: string | null) => v ?? '—' },
          { title: '状态', dataIndex: 'disabled', width: 90, render: (d: boolean) => (d ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>) },
          { title: '添加时间', dataIndex: 'createdAt', width: 170, render: showInstant },
          {
            title: '操作',
            key: 'op',
            width: 190,
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setResetting(u)}>
                  重设密码
                </Button>
                {u.id !== me.user.id && (
                  <Button size="small" danger={!u.disabled} onClick={() => toggle(u)}>
                    {u.disabled ? '恢复' : '停用'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && <CreateUser onClose={() => setCreating(false)} />}
      {resetting && <ResetPassword user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}

function CreateUser({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateUserInput>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title="添加用户" okText="添加" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<CreateUserInput>
        form={form}
        layout="vertical"
        initialValues={{ role: '只读' }}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await postJson(hubRoutes.users, {
              username: v.username.trim(),
              password: v.password,
              role: v.role,
              department: v.role === '部门' ? v.department?.trim() : null,
            });
            message.success(`已添加用户 ${v.username.trim()}`);
            await client.invalidateQueries({ queryKey: ['users'] });
            onClose();
          } catch (e) {
            setError(messageOf(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item label="初始密码（至少 8 位）" name="password" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="角色" name="role" extra={role ? roleHelp[role] : undefined}>
          <Select aria-label="角色" options={hubRoles.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        {role === '部门' && (
          <Form.Item
            label="所属部门（与吹哨记录里的部门名称一致）"
            name="department"
            rules={[{ required: true, whitespace: true, message: '部门账号要填写所属部门名称' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ResetPassword({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; again: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title={`重设“${user.username}”的密码`} okText="保存" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await postJson(hubRoutes.userPassword(user.id), { password: v.password });
            message.success(`已重设 ${user.username} 的密码，请当面告诉本人`);
            onClose();
          } catch (e) {
            setError(messageOf(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label="新密码（至少 8 位）" name="password" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再输入一次"
          name="again"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再输入一次新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一样'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
