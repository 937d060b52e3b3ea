import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import type { MoveImportOutcome } from '../../../../core/contract/bridge';
import { errorMessage } from '../../api/client';
import { desktopMove, exportMovePackage, importOnDesktop, importUpload, type ExportResult } from './movePackage';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * 数据迁移: one file (数据迁移包) with the database, every attachment and a list of their check
 * values, to move to a new computer; importing checks all of it before anything is replaced.
 */
export function MigrationCard() {
  const { modal } = App.useApp();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [exported, setExported] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function runExport() {
    setBusy('export');
    setError(null);
    setExported(null);
    try {
      setExported(await exportMovePackage());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  function imported(outcome: MoveImportOutcome) {
    modal.success({
      title: '迁移包已导入',
      content: `迁移包导出于 ${outcome.createdAt.slice(0, 10)}，共 ${outcome.files} 个文件，全部核对无误。原来的数据已另存为备份：${outcome.backupPath}。点“确定”后议事厅将重新打开，请重新选择使用人。`,
      okText: '确定',
      onOk: () => window.location.reload(),
    });
  }

  async function runImport(run: () => Promise<MoveImportOutcome | null>) {
    setBusy('import');
    setError(null);
    try {
      const outcome = await run();
      if (outcome) imported(outcome);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  function confirmImport() {
    modal.confirm({
      title: '导入迁移包会替换本机现在的数据',
      content: '议事厅会先核对迁移包里每个文件的校验值和数据库，全部无误才替换；替换前，本机现在的数据会自动另存为备份。核对不通过时，本机数据不会有任何改动。',
      okText: '选择迁移包',
      cancelText: '取消',
      onOk: () => {
        if (desktopMove()) void runImport(importOnDesktop);
        else fileInput.current?.click();
      },
    });
  }

  return (
    <Card title="数据迁移">
      <Typography.Paragraph>
        换电脑时，在旧电脑上“导出迁移包”，把得到的一个文件（.chmove）用 U
        盘复制到新电脑，在新电脑的议事厅里“导入迁移包”。迁移包里有全部数据和附件，以及每个文件的校验值。
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Button icon={<ExportOutlined />} onClick={runExport} loading={busy === 'export'} disabled={busy === 'import'}>
            导出迁移包
          </Button>
          <Button icon={<ImportOutlined />} onClick={confirmImport} loading={busy === 'import'} disabled={busy === 'export'}>
            导入迁移包
          </Button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".chmove,.zip"
            aria-label="选择迁移包文件"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void runImport(() => importUpload(file));
            }}
          />
        </Space>
        {exported?.kind === 'saved' && (
          <Alert
            type="success"
            showIcon
            title={`迁移包已保存：${exported.outcome.savedTo}`}
            description={`包含数据库和 ${exported.outcome.attachments} 个附件，共 ${size(exported.outcome.bytes)}。请把这个文件复制到新电脑。`}
          />
        )}
        {exported?.kind === 'downloaded' && (
          <Alert type="success" showIcon title={`迁移包已下载：${exported.fileName}`} description="请到浏览器的“下载”文件夹里找到它。" />
        )}
        {exported?.kind === 'cancelled' && <Alert type="info" showIcon title="已取消导出" />}
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Card>
  );
}
