import { useCallback, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, keepPreviousData, skipToken, useMutation, useQuery, useQueryClient, type SkipToken } from '@tanstack/react-query';
import type { CallInput, CallOutput, ReadCallName, WriteCallName } from '../../../core/contract/index';
import { call, errorMessage, onWrite } from './client';

export { skipToken };

/**
 * The one empty list shown while nothing was read yet: the same array every render, so an
 * effect that depends on a list does not run again for nothing. Never change it in place.
 */
export const EMPTY: never[] = [];

/**
 * The renderer's one cache of what it read. Reads are local and cheap, so the rule is simple:
 * after any write succeeds (through `useWrite` or a plain `call`), every cached read is out of
 * date, and whatever is on screen reads again.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // A failure is shown at once with 再试一次; the service is on this computer.
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: 'always',
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  onWrite((name) => {
    const kept = KEPT_BY_CALLER[name as WriteCallName];
    void client.invalidateQueries(kept ? { predicate: (q) => !kept.includes(q.queryKey[0] as ReadCallName) } : undefined);
  });
  return client;
}

/**
 * The exception: writes whose caller puts the answer into the cache itself. A door sign-in
 * returns its line and the new counts, which the sign-in screen puts into the sheet and the
 * header (meetings/useWorkspace.ts); reading the whole sheet again after each one is what made
 * a 2,000-household check-in slow. Every other read is out of date as after any write.
 */
const KEPT_BY_CALLER: Partial<Record<WriteCallName, readonly ReadCallName[]>> = {
  'attendance.signIn': ['attendance.sheet', 'meetings.get'],
  'attendance.setStatus': ['attendance.sheet', 'meetings.get'],
  'attendance.addObserver': ['attendance.sheet', 'meetings.get'],
};

const appQueryClient = createQueryClient();

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={appQueryClient}>{children}</QueryClientProvider>;
}

/** The cache key of one read: its name and its input. */
export function callKey<N extends ReadCallName>(name: N, input: CallInput<N>): readonly [N, CallInput<N>] {
  return [name, input] as const;
}

export interface CallOptions<N extends ReadCallName> {
  /** Keep showing the last result while a new input (a page, a search) loads. */
  keepPrevious?: boolean;
  /** Read again when the window comes back to the front (the 首页: "today" moves on). */
  refetchOnFocus?: boolean;
  /** Read again every so many milliseconds while shown (a projector screen). */
  refetchInterval?: number;
  /** Transform the result (kept stable between renders when the data did not change). */
  select?: (data: CallOutput<N>) => CallOutput<N>;
}

export interface CallResult<T> {
  /** The latest result, or undefined before the first one arrived. */
  data: T | undefined;
  /** True while a read is in flight (first load or a refresh). */
  loading: boolean;
  /** True until the first result (or failure) arrived. */
  pending: boolean;
  /** The Chinese sentence of the last failure, or null. What was shown stays. */
  error: string | null;
  /** When the shown result arrived. */
  updatedAt: Date | null;
  /** Reads again (the LoadError's 再试一次, or after a change made elsewhere). */
  reload(): Promise<void>;
}

/**
 * One contract read, cached under [name, input]. Pass `skipToken` as the input to read nothing
 * yet (a drawer that is closed, an id not chosen).
 */
export function useCall<N extends ReadCallName>(name: N, input: CallInput<N> | SkipToken, options: CallOptions<N> = {}): CallResult<CallOutput<N>> {
  const query = useQuery<CallOutput<N>, Error, CallOutput<N>, readonly unknown[]>({
    queryKey: input === skipToken ? [name, 'skip'] : [name, input],
    queryFn: input === skipToken ? skipToken : () => call(name, input),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.refetchOnFocus ? { refetchOnWindowFocus: 'always' as const } : {}),
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
    ...(options.select ? { select: options.select } : {}),
  });
  const { refetch } = query;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  return {
    data: query.data,
    loading: query.isFetching,
    pending: query.isPending && input !== skipToken,
    error: query.error ? errorMessage(query.error) : null,
    updatedAt: query.dataUpdatedAt ? new Date(query.dataUpdatedAt) : null,
    reload,
  };
}

/**
 * Puts a result the program already has (a write returned the new record) in the cache under
 * [name, input], so the screen shows it without a round trip.
 */
export function useSetCall() {
  const client = useQueryClient();
  return useCallback(
    <N extends ReadCallName>(name: N, input: CallInput<N>, update: CallOutput<N> | ((old: CallOutput<N> | undefined) => CallOutput<N> | undefined)) => {
      client.setQueryData<CallOutput<N>>([name, input], update);
    },
    [client],
  );
}

/**
 * One contract write. After it succeeds every cached read is out of date (see
 * `createQueryClient`); `saving` and `error` are for the form that made it.
 */
export function useWrite<N extends WriteCallName>(name: N) {
  const mutation = useMutation<CallOutput<N>, Error, CallInput<N>>({
    mutationFn: (input) => call(name, input),
  });
  return {
    /** Resolves with the call's output; throws an ApiCallError when refused. */
    run: mutation.mutateAsync,
    saving: mutation.isPending,
    error: mutation.error ? errorMessage(mutation.error) : null,
    reset: mutation.reset,
  };
}
