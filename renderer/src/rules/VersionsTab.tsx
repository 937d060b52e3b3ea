import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Select, Space, Spin, Table, Typography } from 'antd';
import { FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import type { RuleDocDetail } from '../../../core/contract/rules';
import type { RuleComparison } from '../../../core/ruletext/types';
import { zonedParts } from '../../../core/clock';
import { useClock } from '../app/useClock';
import { call, errorMessage } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { ComparisonView } from './ComparisonView';
import { SaveVersionModal } from './SaveVersionModal';
import { dateWords } from './labels';
import { useExport } from '../app/useExport';

type Version = { id: number; seq: number; name: string; note: string | null; by: string; createdAt: string; articleCount: number };
type Ref = number | 'current';

interface Props {
  doc: RuleDocDetail;
}

/** 版本对比: frozen versions, saving a new one, and comparing any two (or the draft). */
export function VersionsTab({ doc }: Props) {
  const { message } = App.useApp();
  const exporter = useExport();
  const { timeZone } = useClock();
  const [saving, setSaving] = useState(false);
  const [from, setFrom] = useState<Ref | null>(null);
  const [to, setTo] = useState<Ref>('current');
  const [result, setResult] = useState<{ fromName: string; toName: string; comparison: RuleComparison } | null>(null);
  const [comparing, setComparing] = useState(false);
  const [compareError, setCompareError] = useState<string | null>(null);

  const { data, loading, error, reload: load } = useCall('rules.versions.list', { docId: doc.id });
  const versions: Version[] = data?.items ?? EMPTY;
  const newest = data?.items[0]?.id ?? null;
  // Compare from the newest saved version unless the user chose another.
  useEffect(() => {
    if (newest !== null) setFrom((f) => f ?? newest);
  }, [newest]);

  async function compare() {
    if (from === null) return;
    setComparing(true);
    setCompareError(null);
    try {
      setResult(await call('rules.compare', { docId: doc.id, from, to }));
    } catch (e) {
      setResult(null);
      setCompareError(errorMessage(e));
    } finally {
      setComparing(false);
    }
  }

  const refOptions = [
    ...versions.map((v) => ({ value: v.id as Ref, label: `${v.name}（第${v.seq}版）` })),
    { value: 'current' as Ref, label: doc.editable ? '当前草稿' : '当前文本' },
  ];
  const nameOf = (r: Ref) => refOptions.find((o) => o.value === r)?.label ?? '';

  return (
    <div>
      <div className="toolbar">
        <Button type="primary" icon={<SaveOutlined />} onClick={() => setSaving(true)}>
          保存为版本
        </Button>
        <Typography.Text type="secondary">征求意见、提请审核、提交表决时各保存一稿，之后可以比较任意两稿。</Typography.Text>
        <div className="toolbar-spacer" />
        <Button
          icon={<FileWordOutlined />}
          loading={exporter.isBusy('规约文本（当前）')}
          onClick={() => void exporter.run('规约文本（当前）', () => call('rules.export', { docId: doc.id, document: '规约文本', versionId: 'current' }))}
        >
          导出{doc.editable ? '当前草稿' : '当前文本'}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Version>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={versions}
        pagination={false}
        locale={{ emptyText: '还没有保存过版本。点“保存为版本”，把现在的条文存为“征求意见稿”等。' }}
        columns={[
          { title: '版本', dataIndex: 'seq', width: 80, render: (n: number) => `第${n}版` },
          {
            title: '名称',
            dataIndex: 'name',
            render: (v: string, r) =>
              r.note ? (
                <span>
                  {v} <span className="muted">{r.note}</span>
                </span>
              ) : (
                v
              ),
          },
          { title: '保存日期', dataIndex: 'createdAt', width: 140, render: (v: string) => dateWords(zonedParts(timeZone, v).date) },
          { title: '保存人', dataIndex: 'by', width: 170 },
          { title: '条数', dataIndex: 'articleCount', width: 80, render: (n: number) => `${n} 条` },
          {
            title: '导出',
            width: 150,
            render: (_: unknown, v) => (
              <Button
                size="small"
                icon={<FileWordOutlined />}
                loading={exporter.isBusy(`规约文本（${v.name}）`)}
                onClick={() => void exporter.run(`规约文本（${v.name}）`, () => call('rules.export', { docId: doc.id, document: '规约文本', versionId: v.id }))}
              >
                导出这一稿
              </Button>
            ),
          },
        ]}
      />
      <div className="compare-bar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          比较两稿
        </Typography.Title>
        <Form layout="inline">
          <Form.Item label="原稿">
            <Select<Ref> aria-label="原稿" value={from ?? undefined} onChange={setFrom} options={refOptions} placeholder="请选择" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="新稿">
            <Select<Ref> aria-label="新稿" value={to} onChange={setTo} options={refOptions} style={{ width: 220 }} />
          </Form.Item>
        </Form>
        <Space wrap>
          <Button type="primary" disabled={from === null} loading={comparing} onClick={() => void compare()}>
            比较
          </Button>
          <Button
            icon={<FileWordOutlined />}
            disabled={from === null}
            loading={exporter.isBusy('修订对照稿')}
            onClick={() => from !== null && void exporter.run('修订对照稿', () => call('rules.export', { docId: doc.id, document: '修订对照稿', from, to }))}
          >
            导出修订对照稿
          </Button>
        </Space>
      </div>
      {from === null && !loading && <Typography.Text type="secondary">先保存一个版本，才能和当前草稿比较。</Typography.Text>}
      {from !== null && (
        <Typography.Paragraph type="secondary">
          修订对照稿是带“修订痕迹”的 Word 文件：从“{nameOf(from)}”到“{nameOf(to)}”的改动，乡镇（街道）审核时可以在 Word 或 WPS 里逐处接受或拒绝。
        </Typography.Paragraph>
      )}
      {compareError && <Alert type="error" showIcon title={compareError} style={{ marginBottom: 12 }} />}
      {comparing && !result && <Spin />}
      {result && <ComparisonView {...result} />}
      {saving && (
        <SaveVersionModal
          docId={doc.id}
          onClose={() => setSaving(false)}
          onSaved={(name) => {
            setSaving(false);
            message.success(`已保存为“${name}”`);
            void load();
          }}
        />
      )}
    </div>
  );
}
