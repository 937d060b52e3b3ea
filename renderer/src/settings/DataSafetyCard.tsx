import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Modal, Space, Spin, Table, Typography } from 'antd';
import { CloudDownloadOutlined, FolderOpenOutlined, HistoryOutlined } from '@ant-design/icons';
import type { CallInput, CallOutput } from '../../../core/contract/index';
import { BACKUP_MAX_UPLOAD_BYTES } from '../../../core/contract/backups';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/queries';
import { useExport } from '../app/useExport';

type Listed = CallOutput<'backups.list'>['items'][number];
type Preview = CallOutput<'backups.inspect'>;
type Source = CallInput<'backups.inspect'>['source'];

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function describeContents(c: Preview['contents']): string {
  const last = c.lastFinalized ? `；最近定稿的会议：${c.lastFinalized.title}（${c.lastFinalized.date}）` : '；还没有定稿的会议';
  return `人员 ${c.people} 人，会议 ${c.meetings} 次，操作记录 ${c.auditEntries} 条${last}`;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('文件读取失败，可能正被其他软件占用；请关闭它后重新选择'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/**
 * 设置 → 数据安全: the backups kept in the data folder (taken at every start and close), what each
 * holds, 立即备份 to any folder or USB stick, and restoring a listed backup or an outside copy —
 * always after a check and a preview, and always saving the current data first.
 */
export function DataSafetyCard() {
  const { message } = App.useApp();
  const list = useCall('backups.list', {});
  const exporter = useExport();
  const picker = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ source: Source; preview: Preview } | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [restarting, setRestarting] = useState(false);

  async function backupNow() {
    const result = await exporter.run('备份', () => call('backups.backupNow', {}), { key: 'backup' });
    if (result) void list.reload();
  }

  async function inspect(source: Source, key: string) {
    setChecking(key);
    setPickError(null);
    try {
      setRestoreError(null);
      setPreview({ source, preview: await call('backups.inspect', { source }) });
    } catch (e) {
      setPickError(errorMessage(e));
    } finally {
      setChecking(null);
    }
  }

  async function pickFile(file: File | undefined) {
    if (!file) return;
    if (file.size > BACKUP_MAX_UPLOAD_BYTES) {
      setPickError(`文件太大（超过 ${Math.round(BACKUP_MAX_UPLOAD_BYTES / 1024 / 1024)} MB），它不像议事厅的备份；请重新选择`);
      return;
    }
    try {
      const dataBase64 = await readAsBase64(file);
      await inspect({ kind: 'file', fileName: file.name, dataBase64 }, 'file');
    } catch (e) {
      setPickError(errorMessage(e));
    }
  }

  async function restore() {
    if (!preview) return;
    setRestoring(true);
    setRestoreError(null);
    try {
      const done = await call('backups.restore', { source: preview.source });
      setPreview(null);
      setRestarting(true);
      message.success('已恢复，正在用恢复的数据重新打开议事厅…');
      // The desktop app restarts itself; the browser preview reopened the file, so reload the page.
      if (done.restart !== 'relaunch') setTimeout(() => window.location.reload(), 600);
    } catch (e) {
      setRestoreError(errorMessage(e));
    } finally {
      setRestoring(false);
    }
  }

  const columns = [
    { title: '备份时间', dataIndex: 'takenAt', key: 'takenAt', width: 150 },
    { title: '类型', dataIndex: 'reason', key: 'reason', width: 80 },
    { title: '大小', key: 'size', width: 90, render: (_: unknown, b: Listed) => formatSize(b.size) },
    {
      title: '内容',
      key: 'contents',
      render: (_: unknown, b: Listed) =>
        b.contents ? describeContents(b.contents) : <Typography.Text type="danger">{b.problem ?? '无法读取这个备份'}</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_: unknown, b: Listed) => (
        <Button
          size="small"
          icon={<HistoryOutlined />}
          disabled={!b.contents}
          loading={checking === b.name}
          aria-label={`恢复 ${b.takenAt} ${b.reason}备份`}
          onClick={() => void inspect({ kind: 'listed', name: b.name }, b.name)}
        >
          恢复…
        </Button>
      ),
    },
  ];

  return (
    <Card title="数据安全">
      <Spin spinning={restarting} tip="正在重新打开议事厅…">
        <Typography.Paragraph>
          议事厅每次启动和关闭时都会先检查数据文件，再自动备份到数据文件夹；保留最近 5 次，以及最近 7 天每天、4 周每周、12 个月每月各一份。
          手动备份、升级前和恢复前的备份不会自动删除。建议每月点“立即备份”，把备份存到 U 盘或另一台电脑。
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<CloudDownloadOutlined />} loading={exporter.isBusy('backup')} onClick={() => void backupNow()}>
            立即备份
          </Button>
          <Button icon={<FolderOpenOutlined />} loading={checking === 'file'} onClick={() => picker.current?.click()}>
            从备份文件恢复…
          </Button>
          <input
            ref={picker}
            type="file"
            accept=".sqlite,.db"
            aria-label="选择备份文件"
            style={{ display: 'none' }}
            onChange={(e) => {
              void pickFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </Space>
        {exporter.isBusy('backup') && <Alert type="info" showIcon title="正在备份并检查备份文件，请稍候…" style={{ marginBottom: 16 }} />}
        {pickError && <Alert type="error" showIcon closable title={pickError} style={{ marginBottom: 16 }} onClose={() => setPickError(null)} />}
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<Listed>
          size="small"
          rowKey="name"
          loading={list.pending}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有备份：下次启动议事厅时会自动备份，也可以点“立即备份”' }}
        />
        {list.data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            备份文件夹：<Typography.Text copyable>{list.data.folder}</Typography.Text>
          </Typography.Paragraph>
        )}
      </Spin>
      <Modal
        open={preview !== null}
        title="从备份恢复"
        okText="确认恢复"
        okButtonProps={{ danger: true, loading: restoring }}
        cancelText="取消"
        onOk={() => void restore()}
        onCancel={() => setPreview(null)}
        maskClosable={false}
      >
        {preview && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: 'name', label: '备份文件', children: preview.preview.name },
                { key: 'at', label: '备份时间', children: preview.preview.takenAt ?? '不详' },
                { key: 'people', label: '人员', children: `${preview.preview.contents.people} 人` },
                { key: 'meetings', label: '会议', children: `${preview.preview.contents.meetings} 次` },
                { key: 'audit', label: '操作记录', children: `${preview.preview.contents.auditEntries} 条` },
                {
                  key: 'last',
                  label: '最近定稿的会议',
                  children: preview.preview.contents.lastFinalized
                    ? `${preview.preview.contents.lastFinalized.title}（${preview.preview.contents.lastFinalized.date}）`
                    : '没有',
                },
              ]}
            />
            <Alert
              type="warning"
              showIcon
              title="恢复后，议事厅将使用这份备份里的数据"
              description="备份之后新录入的内容不会出现在恢复的数据里。恢复前，当前数据会先另存为一份“恢复前”备份，需要时可以再恢复回来。恢复后议事厅会重新打开，请重新选择使用人。"
            />
            {restoreError && <Alert type="error" showIcon title={restoreError} />}
          </Space>
        )}
      </Modal>
    </Card>
  );
}
