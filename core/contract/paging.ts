import { z } from 'zod';

/** Rows a paged list returns when the caller names no page size. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Optional paging of a whole-history list: page is 1-based. */
export const pageFields = {
  page: z.number({ error: '页码应为数字' }).int({ error: '页码应为整数' }).min(1, { error: '页码从 1 开始' }).max(100_000).optional(),
  pageSize: z
    .number({ error: '每页条数应为数字' })
    .int({ error: '每页条数应为整数' })
    .min(1, { error: '每页至少 1 条' })
    .max(MAX_PAGE_SIZE, { error: `每页不能超过 ${MAX_PAGE_SIZE} 条` })
    .optional(),
};

/** LIMIT and OFFSET of a page; the default size where none was asked for. */
export function pageWindow(q: { page?: number | undefined; pageSize?: number | undefined }): { limit: number; offset: number } {
  const limit = q.pageSize ?? DEFAULT_PAGE_SIZE;
  return { limit, offset: ((q.page ?? 1) - 1) * limit };
}
