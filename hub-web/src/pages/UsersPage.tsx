import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { hubRoles, hubRoutes, usersBody, type CreateUserInput, type UserRow } from '../../../exchange/hub-api';
import { getJson, postJson } from '../api';
import { LoadError, messageOf, PageTitle, showInstant } from '../common';

const roleHelp: Record<(typeof hubRoles)[number], string> = {
  街道管理员: '管理社区和用户，填写备案审查意见',
  部门: '查看各项统计，为本部门的吹哨报到、答复',
  只读: '只能查看',
};

export function UsersPage() {
  const users = useQuery({ queryKey: ['users'], queryFn: () => getJson(hubRoutes.users, usersBody) });
  const [creating, setCreating] = useState(false);
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
        ]}
      />
      {creating && <CreateUser onClose={() => setCreating(false)} />}
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
