import { useCallback, useState } from 'react';
import type { sortableFields } from '../../../core/contract/people';
import { EMPTY, useCall } from '../api/queries';

export type StatusFilter = '在册' | '迁出' | '全部';
export type SortField = (typeof sortableFields)[number];

export interface ListParams {
  query: string;
  status: StatusFilter;
  page: number;
  pageSize: number;
  sortField?: SortField;
  sortOrder?: 'ascend' | 'descend';
}

/**
 * One page of the roster from the server; paging, sorting and search all happen there. While
 * the next page loads the last one stays; only the newest request's answer is shown.
 */
export function usePeopleList(orgId: number) {
  const [params, setParams] = useState<ListParams>({ query: '', status: '在册', page: 1, pageSize: 20 });
  const query = params.query.trim();
  const { data, loading, error, reload } = useCall(
    'people.list',
    {
      orgId,
      status: params.status,
      page: params.page,
      pageSize: params.pageSize,
      ...(query ? { query } : {}),
      ...(params.sortField && params.sortOrder ? { sortField: params.sortField, sortOrder: params.sortOrder } : {}),
    },
    { keepPrevious: true },
  );

  const update = useCallback((patch: Partial<ListParams>) => {
    setParams((p) => ({ ...p, ...patch }));
  }, []);

  return { params, update, items: data?.items ?? EMPTY, total: data?.total ?? 0, loading, error, reload };
}
