import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonRow, sortableFields } from '../../../core/contract/people';
import { call, errorMessage } from '../api/client';

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

/** Loads one page of the roster from the server; paging, sorting and search all happen there. */
export function usePeopleList(orgId: number) {
  const [params, setParams] = useState<ListParams>({ query: '', status: '在册', page: 1, pageSize: 20 });
  const [items, setItems] = useState<PersonRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the newest request may update the table: typing fast must not show an older result.
  const latest = useRef(0);

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const query = params.query.trim();
      const result = await call('people.list', {
        orgId,
        status: params.status,
        page: params.page,
        pageSize: params.pageSize,
        ...(query ? { query } : {}),
        ...(params.sortField && params.sortOrder ? { sortField: params.sortField, sortOrder: params.sortOrder } : {}),
      });
      if (ticket !== latest.current) return;
      setItems(result.items);
      setTotal(result.total);
      setError(null);
    } catch (e) {
      if (ticket === latest.current) setError(errorMessage(e));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [orgId, params]);

  useEffect(() => {
    void load();
  }, [load]);

  const update = useCallback((patch: Partial<ListParams>) => {
    setParams((p) => ({ ...p, ...patch }));
  }, []);

  return { params, update, items, total, loading, error, reload: load };
}
