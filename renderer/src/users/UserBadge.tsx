import { Button, Space } from 'antd';
import { SwapOutlined, UserOutlined } from '@ant-design/icons';
import { useReportError } from '../app/useReportError';
import { useUsers } from './UserContext';

/** The header's "who is at the keyboard", with 切换使用人 for the next person at the desk. */
export function UserBadge() {
  const { user, switchUser } = useUsers();
  const reportError = useReportError();
  if (!user) return null;
  return (
    <Space>
      <span aria-label="当前使用人">
        <UserOutlined /> 使用人：{user.name}（{user.role}）
      </span>
      <Button icon={<SwapOutlined />} onClick={() => void switchUser().catch((e: unknown) => reportError(e, '没有切换成功'))}>
        切换使用人
      </Button>
    </Space>
  );
}
