import { errorBody, xlsxRoute, type DashboardQuery } from '../../exchange/hub-api';
import type { z } from 'zod';

/** A refused or failed call, with the hub's Chinese message as given. */
export class HubError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

async function failure(response: Response): Promise<HubError> {
  let message = `街道工作台出错了（${response.status}），请稍后再试；仍不行请联系管理员。`;
  try {
    const parsed = errorBody.safeParse(await response.json());
    if (parsed.success && parsed.data.message) message = parsed.data.message;
  } catch {
    // Not JSON: keep the general message.
  }
  if (response.status === 401) window.dispatchEvent(new Event('hub-signed-out'));
  return new HubError(response.status, message);
}

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new HubError(0, '连不上街道工作台的服务器，请检查网络后再试。');
  }
  if (!response.ok) throw await failure(response);
  return response;
}

/** GET a JSON answer, checked against its schema. */
export async function getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.infer<S>> {
  const response = await send('GET', url);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new HubError(500, '服务器的回答格式不对（可能版本不一致），请刷新页面；仍不行请联系管理员。');
  return parsed.data;
}

/** POST a JSON body; the answer checked against `schema` when given. */
export async function postJson<S extends z.ZodType>(url: string, body: unknown, schema?: S): Promise<z.infer<S>> {
  const response = await send('POST', url, body);
  const text = await response.text();
  if (!schema) return undefined as z.infer<S>;
  const parsed = schema.safeParse(text ? JSON.parse(text) : {});
  if (!parsed.success) throw new HubError(500, '服务器的回答格式不对（可能版本不一致），请刷新页面；仍不行请联系管理员。');
  return parsed.data;
}

export function withQuery(url: string, query: DashboardQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

/** The file name a download answer suggests (Content-Disposition, RFC 5987 filename* first). */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Fetches a file (Excel, a document, a 回执包) and hands it to the browser's download. */
export async function download(url: string, fallbackName: string): Promise<string> {
  const response = await send('GET', url);
  const blob = await response.blob();
  const name = fileNameOf(response, fallbackName);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}

export function downloadXlsx(route: string, query: DashboardQuery, fallbackName: string): Promise<string> {
  return download(withQuery(xlsxRoute(route), query), fallbackName);
}

/** POST a file's bytes as they are (a package file: the hub reads and verifies it byte for byte). */
export async function postFile<S extends z.ZodType>(url: string, file: Blob, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/octet-stream' }, body: file });
  } catch {
    throw new HubError(0, '连不上街道工作台的服务器，请检查网络后再试。');
  }
  if (!response.ok) throw await failure(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new HubError(500, '服务器的回答格式不对（可能版本不一致），请刷新页面；仍不行请联系管理员。');
  return parsed.data;
}
