import { useMemo, useState } from 'react';
import { Alert, App, Button, Modal, Result, Space, Steps } from 'antd';
import type { CallOutput } from '../../../core/contract/index';
import { applyMapping, importFields, type ImportRow } from '../../../core/roster/fields';
import { call, errorMessage } from '../api/client';
import { useExport } from '../app/useExport';
import { FileStep } from './FileStep';
import { MappingStep, type Mapping } from './MappingStep';
import { ReviewStep, type CheckProgress } from './ReviewStep';
import { RowEditModal } from './RowEditModal';
import { checkInChunks } from './checkRows';
import { checkPickedFile, readAsBase64 } from './readFile';
import { findFileDuplicates, rowProblems, summarize, type ReviewRow } from './reviewRows';

export type ParsedFile = CallOutput<'roster.parseFile'> & { fileName: string };
type CommitResult = CallOutput<'roster.commit'>;

interface Props {
  orgId: number;
  onClose(): void;
  /** Called once rows were committed, so the roster table can reload. */
  onImported(): void;
}

const STEP_TITLES = ['选择文件', '对应列', '检查与修改', '完成'];

const isBlank = (row: ImportRow) => importFields.every((f) => (row[f] ?? '') === '');

/** 导入名册: file → column mapping → row-by-row check and fixes → all-or-nothing commit. */
export function ImportWizard({ orgId, onClose, onImported }: Props) {
  const { modal } = App.useApp();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [parsed, setParsed] = useState<ParsedFile | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [rows, setRows] = useState<ReviewRow[]>([]);
  const [progress, setProgress] = useState<CheckProgress | null>(null);
  const [editing, setEditing] = useState<ReviewRow | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);

  const duplicates = useMemo(() => findFileDuplicates(rows), [rows]);
  const summary = useMemo(() => summarize(rows, duplicates), [rows, duplicates]);
  const checking = progress !== null && progress.done < progress.total;
  const canCommit = !checking && summary.withProblems === 0 && summary.ready > 0;
  const exporter = useExport();
  const skippedRows = rows.filter((r) => r.skipped);

  /** The skipped rows as the file had them, with why, to fix in Excel and import again. */
  function downloadSkipped() {
    if (!parsed || skippedRows.length === 0) return;
    const input = {
      fileName: parsed.fileName,
      headers: parsed.headers,
      rows: skippedRows.map((r) => {
        const reasons = rowProblems(r, duplicates.get(r.index)).map((p) => p.text);
        return { rowNumber: r.index, cells: parsed.rows[r.index - 1] ?? [], reason: reasons.length ? reasons.join('；') : '导入时跳过' };
      }),
    };
    void exporter.run('未导入的行', () => call('roster.skippedRows', input), { onError: setError });
  }
  const skippedButton = skippedRows.length > 0 && (step === 2 || step === 3) && (
    <Button onClick={downloadSkipped} loading={exporter.isBusy('未导入的行')}>
      {`下载未导入的行（${skippedRows.length}）`}
    </Button>
  );

  async function pickFile(file: File) {
    const problem = checkPickedFile(file);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const picked = await readAsBase64(file);
      const output = await call('roster.parseFile', picked);
      if (output.rows.length === 0) {
        setError('文件里没有找到人员数据：第一行应是表头，从第二行起每行一个人。请检查文件后重新选择。');
        return;
      }
      setParsed({ ...output, fileName: picked.fileName });
      setMapping(output.mapping);
      setStep(1);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function runCheck() {
    if (!parsed) return;
    const data = applyMapping(parsed.rows, mapping);
    const fresh: ReviewRow[] = data.map((d, i) => ({ index: i + 1, data: d, skipped: false, check: null, edited: false })).filter((r) => !isBlank(r.data));
    setRows(fresh);
    setError(null);
    setStep(2);
    try {
      const checks = await checkInChunks(
        orgId,
        fresh.map((r) => r.data),
        (done, total) => setProgress({ done, total }),
      );
      setRows(fresh.map((r, i) => ({ ...r, check: checks[i] ?? null })));
    } catch (e) {
      setProgress(null);
      setStep(1);
      setError(errorMessage(e));
    }
  }

  async function saveRow(row: ReviewRow, data: ImportRow) {
    // Throws on failure: the edit dialog stays open with what the user typed.
    const output = await call('roster.check', { orgId, rows: [data] });
    setRows((all) => all.map((r) => (r.index === row.index ? { ...r, data, edited: true, check: output.rows[0] ?? null } : r)));
    setEditing(null);
  }

  function toggleSkip(row: ReviewRow) {
    setRows((all) => all.map((r) => (r.index === row.index ? { ...r, skipped: !r.skipped } : r)));
  }

  async function commit() {
    setBusy(true);
    setError(null);
    try {
      const toImport = rows.filter((r) => !r.skipped).map((r) => r.data);
      setResult(await call('roster.commit', { orgId, rows: toImport }));
      setStep(3);
      onImported();
    } catch (e) {
      setError(`没有导入，名册没有任何改动。${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  function backToMapping() {
    const go = () => {
      setStep(1);
      setProgress(null);
      setError(null);
    };
    if (rows.some((r) => r.edited || r.skipped)) {
      modal.confirm({
        title: '返回上一步？',
        content: '返回后会按新的对应关系重新检查，本页做的修改和跳过都不会保留。',
        okText: '返回上一步',
        cancelText: '留在本页',
        onOk: go,
      });
    } else go();
  }

  function close() {
    if (step === 2 && rows.some((r) => r.edited || r.skipped)) {
      modal.confirm({
        title: '关闭导入？',
        content: '名册还没有导入，本次做的修改不会保存。',
        okText: '关闭',
        cancelText: '继续导入',
        onOk: onClose,
      });
    } else onClose();
  }

  const footer = (
    <Space>
      {step === 1 && <Button onClick={() => setStep(0)}>上一步</Button>}
      {step === 2 && (
        <Button onClick={backToMapping} disabled={checking || busy}>
          上一步
        </Button>
      )}
      {step < 3 && <Button onClick={close}>取消</Button>}
      {skippedButton}
      {step === 1 && (
        <Button type="primary" onClick={() => void runCheck()} disabled={mapping.name === undefined}>
          下一步：检查
        </Button>
      )}
      {step === 2 && (
        <Button type="primary" onClick={() => void commit()} disabled={!canCommit} loading={busy}>
          {`导入 ${summary.ready} 人`}
        </Button>
      )}
      {step === 3 && (
        <Button type="primary" onClick={onClose}>
          完成
        </Button>
      )}
    </Space>
  );

  return (
    <Modal
      title="导入名册"
      open
      width="min(1440px, 96vw)"
      onCancel={close}
      footer={footer}
      mask={{ closable: false }}
      destroyOnHidden
      styles={{ body: { minHeight: 360 } }}
    >
      <Steps current={step} items={STEP_TITLES.map((title) => ({ title }))} style={{ marginBottom: 24 }} />
      {step === 0 && <FileStep busy={busy} error={error} onFile={(f) => void pickFile(f)} />}
      {step === 1 && parsed && <MappingStep parsed={parsed} mapping={mapping} onChange={setMapping} />}
      {step === 2 && <ReviewStep rows={rows} duplicates={duplicates} summary={summary} progress={progress} onEdit={setEditing} onToggleSkip={toggleSkip} />}
      {step === 3 && result && (
        <Result
          status="success"
          title={`已导入 ${result.inserted} 人，新建 ${result.householdsCreated} 户`}
          subTitle={summary.skipped > 0 ? `跳过的 ${summary.skipped} 行没有导入。` : '文件中的人员都已导入。'}
        />
      )}
      {step > 0 && step < 3 && error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {editing && (
        <RowEditModal
          row={editing}
          problems={rowProblems(editing, duplicates.get(editing.index))}
          onSave={(data) => saveRow(editing, data)}
          onCancel={() => setEditing(null)}
        />
      )}
    </Modal>
  );
}
