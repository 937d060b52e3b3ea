import type { TablePaginationConfig } from 'antd';

/** Rows per page of the whole-history tables; the service pages them, the table only shows one page. */
export const PAGE_SIZE = 20;

/**
 * The Table pagination of a list paged by the service: `page` is part of the call's input (and so
 * of its cache key), `total` comes back with the page.
 */
export function serverPagination(page: number, total: number, onChange: (page: number) => void, totalText?: (n: number) => string): TablePaginationConfig {
  return {
    current: page,
    pageSize: PAGE_SIZE,
    total,
    hideOnSinglePage: true,
    showSizeChanger: false,
    ...(totalText ? { showTotal: totalText } : {}),
    onChange,
  };
}
