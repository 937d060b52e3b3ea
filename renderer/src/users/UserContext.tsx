import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { User } from '../../../core/contract/users';
import { call, errorMessage } from '../api/client';

export interface UserState {
  loading: boolean;
  loadError: string | null;
  /** Who is at the keyboard; null until chosen on the start screen. */
  user: User | null;
  /** Everyone who uses this installation, active first. */
  users: User[];
  reload(): Promise<void>;
  signIn(id: number, pin?: string): Promise<void>;
  /** 切换使用人: back to the start screen. */
  switchUser(): Promise<void>;
}

const UserContext = createContext<UserState | null>(null);

export function UserProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [user, setUser] = useState<User | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  // A one-person office without a PIN is chosen automatically, once, when the program starts;
  // after 切换使用人 the list stays on screen.
  const autoChosen = useRef(false);

  const reload = useCallback(async () => {
    try {
      const [current, list] = await Promise.all([call('users.current', {}), call('users.list', {})]);
      let chosen = current.user;
      const active = list.items.filter((u) => !u.retired);
      if (!chosen && !autoChosen.current && active.length === 1 && !active[0]!.hasPin) {
        chosen = await call('users.signIn', { id: active[0]!.id });
      }
      autoChosen.current = true;
      setUsers(list.items);
      setUser(chosen);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorMessage(error));
    } finally {
      setLoading(false);
    }
  }, []);

  const signIn = useCallback(
    async (id: number, pin?: string) => {
      await call('users.signIn', pin ? { id, pin } : { id });
      await reload();
    },
    [reload],
  );

  const switchUser = useCallback(async () => {
    await call('users.signOut', {});
    await reload();
  }, [reload]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<UserState>(
    () => ({ loading, loadError, user, users, reload, signIn, switchUser }),
    [loading, loadError, user, users, reload, signIn, switchUser],
  );
  return <UserContext.Provider value={value}>{children}</UserContext.Provider>;
}

export function useUsers(): UserState {
  const state = useContext(UserContext);
  if (!state) throw new Error('useUsers must be used inside UserProvider');
  return state;
}
