import { z } from 'zod';

export const isoDate = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}的格式应为 2026-01-31` });

/** The message of a zod failure, for the {ok:false, message} answer. */
export function zodMessage(error: z.ZodError): string {
  const first = error.issues[0];
  return first?.message && /[\u4e00-\u9fff]/.test(first.message) ? first.message : `请求的内容不对（${first?.path.join('.') || '内容'}），请刷新页面后再试`;
}
