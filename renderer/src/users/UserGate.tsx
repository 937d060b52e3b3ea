import type { ReactNode } from 'react';
import { Opening, OpenFailed } from '../app/Opening';
import { useUsers } from './UserContext';
import { FirstUserSetup } from './FirstUserSetup';
import { ChooseUser } from './ChooseUser';

/** Nothing is recorded without knowing who records it: first the user, then the app. */
export function UserGate({ children }: { children: ReactNode }) {
  const { loading, loadError, user, users, reload } = useUsers();
  if (loading) return <Opening />;
  if (loadError && !user) return <OpenFailed message={loadError} onRetry={() => void reload()} />;
  if (!user) return users.length === 0 ? <FirstUserSetup /> : <ChooseUser />;
  return <>{children}</>;
}
