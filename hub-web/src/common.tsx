import { useState, type ReactNode } from 'react';
import { Alert, App, Button, DatePicker, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_TIME_ZONE, localDateTime } from '../../core/clock';
import { communitiesBody, hubRoutes, type DashboardQuery } from '../../exchange/hub-api';
import { download, downloadXlsx, getJson, HubError } from './api';

/** The street's time: every instant is shown in China time, whatever the browser's zone. */
export function showInstant(instant: string | null | undefined): string {
  return instant ? localDateTime(DEFAULT_TIME_ZONE, instant) : '—';
}

export function messageOf(error: unknown): string {
  if (error instanceof HubError) return error.message;
  return '操作没有成功，请稍后再试；仍不行请联系管理员。';
}

export function LoadError({ error }: { error: unknown }) {
  return <Alert type="error" showIcon title={messageOf(error)} style={{ marginBottom: 16 }} />;
}

export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {children}
      </Typography.Title>
      {extra}
    </div>
  );
}

export function useCommunities() {
  return useQuery({ queryKey: ['communities'], queryFn: () => getJson(hubRoutes.communities, communitiesBody) });
}

/** Which community and which dates a table shows; the same query goes to its Excel export. */
export function useDashboardFilters(initial: DashboardQuery = {}): [DashboardQuery, (q: DashboardQuery) => void] {
  return useState<DashboardQuery>(initial);
}

export function Filters({ value, onChange, dates = true }: { value: DashboardQuery; onChange: (q: DashboardQuery) => void; dates?: boolean }) {
  const communities = useCommunities();
  const range: [Dayjs, Dayjs] | null = value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <span>社区：</span>
      <Select
        aria-label="社区"
        style={{ width: 220 }}
        value={value.communityId ?? ''}
        onChange={(communityId: string) => onChange({ ...value, communityId: communityId || undefined })}
        options={[{ value: '', label: '全部社区' }, ...(communities.data?.items ?? []).map((c) => ({ value: c.communityId, label: c.name }))]}
      />
      {dates && (
        <>
          <span>日期：</span>
          <DatePicker.RangePicker
            aria-label="日期范围"
            value={range}
            format="YYYY-MM-DD"
            onChange={(r) => onChange({ ...value, from: r?.[0]?.format('YYYY-MM-DD') ?? undefined, to: r?.[1]?.format('YYYY-MM-DD') ?? undefined })}
          />
        </>
      )}
    </Space>
  );
}

/** 导出Excel: the hub builds the workbook of the same view with the same filters. */
export function ExportButton({ route, query, fileName }: { route: string; query: DashboardQuery; fileName: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const name = await downloadXlsx(route, query, fileName);
          message.success(`已导出：${name}`);
        } catch (e) {
          message.error(messageOf(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      导出Excel
    </Button>
  );
}

/** A file the hub keeps (a document, a 回执包), saved under its own name; says so, or why not. */
export function DownloadFileButton({ route, fileName, children = '下载' }: { route: string; fileName: string; children?: ReactNode }) {
  const { message } = App.useApp();
  return (
    <Button
      size="small"
      onClick={() =>
        download(route, fileName)
          .then((name) => message.success(`已下载：${name}`))
          .catch((e) => message.error(messageOf(e)))
      }
    >
      {children}
    </Button>
  );
}
