import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useUsers } from './UserContext';
import { FirstUserSetup } from './FirstUserSetup';
import { ChooseUser } from './ChooseUser';

/** Nothing is recorded without knowing who records it: first the user, then the app. */
export function UserGate({ children }: { children: ReactNode }) {
  const { loading, loadError, user, users, reload } = useUsers();
  if (loading) {
    return (
      <div className="welcome-screen">
        <Spin size="large" description="正在打开议事厅…" />
      </div>
    );
  }
  if (loadError && !user) {
    return (
      <Result
        status="error"
        title="议事厅没有打开"
        subTitle={loadError}
        extra={
          <Button type="primary" onClick={() => void reload()}>
            再试一次
          </Button>
        }
      />
    );
  }
  if (!user) return users.length === 0 ? <FirstUserSetup /> : <ChooseUser />;
  return <>{children}</>;
}
