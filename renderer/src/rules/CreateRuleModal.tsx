import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Select, Space, Tabs, Typography, Upload } from 'antd';
import { FileWordOutlined, ScanOutlined } from '@ant-design/icons';
import { ruleKinds, type RuleKind, type SplitRuleText } from '../../../core/ruletext/types';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { call, errorMessage } from '../api/client';
import { readAsBase64 } from '../import/readFile';
import { ImportPreview, type PreviewRow } from './ImportPreview';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  orgId: number;
  onClose(): void;
  onCreated(doc: RuleDocDetail): void;
}

type Source = 'blank' | 'import';

/** 新建规约: kind, title, whether 宣传发动 comes first, start date; blank or from an existing text. */
export function CreateRuleModal({ orgId, onClose, onCreated }: Props) {
  const discard = useConfirmDiscard(onClose);
  const [kind, setKind] = useState<RuleKind>('居民公约');
  const [title, setTitle] = useState('');
  const [publicityFirst, setPublicityFirst] = useState(false);
  const clock = useClock();
  const [date, setDate] = useState<string | null>(clock.today);
  const [source, setSource] = useState<Source>('blank');
  const [pasted, setPasted] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [split, setSplit] = useState<{ chapters: string[]; rows: PreviewRow[]; warnings: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function take(result: SplitRuleText) {
    let key = 0;
    setSplit({
      chapters: result.chapters.map((c) => c.title),
      rows: result.articles.map((a) => ({ key: ++key, chapterIndex: a.chapterIndex, text: a.text })),
      warnings: result.warnings,
    });
    if (!title.trim() && result.title) setTitle(result.title);
    const guessed = ruleKinds.find((k) => result.title?.includes(k));
    if (guessed) setKind(guessed);
  }

  async function recognise(input: { text: string } | { docx: string }) {
    setReading(true);
    setError(null);
    try {
      take(await call('rules.importPreview', input));
    } catch (e) {
      setSplit(null);
      setError(errorMessage(e));
    } finally {
      setReading(false);
    }
  }

  async function create() {
    setError(null);
    const dateProblem = dateCheck(date, '请填写开始日期');
    if (dateProblem) return setError(dateProblem);
    if (!title.trim()) return setError('请填写规约名称，例如“幸福里社区居民公约”');
    if (source === 'import' && (!split || split.rows.length === 0)) return setError('还没有识别出条文：请粘贴文本或选择 Word 文件，再点“识别章和条”');
    setSaving(true);
    try {
      const structure =
        source === 'import' && split
          ? { chapters: split.chapters.map((t) => ({ title: t })), articles: split.rows.map((r) => ({ chapterIndex: r.chapterIndex, text: r.text })) }
          : {};
      onCreated(await call('rules.create', { orgId, kind, title: title.trim(), publicityFirst, date: date!, ...structure }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title="新建规约"
      width={source === 'import' && split ? 1100 : 720}
      okText="新建"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void create()}
      {...discard}
      destroyOnHidden
      maskClosable={false}
    >
      <Form layout="vertical">
        <Space size="large" wrap align="start">
          <Form.Item label="类别" required>
            <Select<RuleKind>
              aria-label="类别"
              value={kind}
              onChange={setKind}
              style={{ width: 160 }}
              options={ruleKinds.map((k) => ({ value: k, label: k }))}
            />
          </Form.Item>
          <Form.Item label="规约名称" required>
            <Input
              aria-label="规约名称"
              value={title}
              maxLength={60}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="例如：幸福里社区居民公约"
              style={{ width: 320 }}
            />
          </Form.Item>
          <Form.Item label="开始日期" required>
            <DateField aria-label="开始日期" allowClear={false} value={date} onChange={setDate} />
          </Form.Item>
        </Space>
        <Form.Item extra="有的省份要求先开展宣传发动，再征集民意；按本地要求选择。">
          <Checkbox checked={publicityFirst} onChange={(e) => setPublicityFirst(e.target.checked)}>
            先进行宣传发动
          </Checkbox>
        </Form.Item>
        <Form.Item label="条文从哪里来">
          <Radio.Group
            value={source}
            onChange={(e) => setSource(e.target.value as Source)}
            options={[
              { value: 'blank', label: '空白开始，之后逐条起草' },
              { value: 'import', label: '从现有文本导入' },
            ]}
          />
        </Form.Item>
        {source === 'import' && (
          <Tabs
            items={[
              {
                key: 'paste',
                label: '粘贴文本',
                children: (
                  <>
                    <Form.Item label="规约文本" extra="把现有的公约全文复制过来，章写作“第一章 总则”，条写作“第一条 ……”。">
                      <Input.TextArea aria-label="规约文本" value={pasted} onChange={(e) => setPasted(e.target.value)} autoSize={{ minRows: 6, maxRows: 14 }} />
                    </Form.Item>
                    <Button icon={<ScanOutlined />} loading={reading} disabled={!pasted.trim()} onClick={() => void recognise({ text: pasted })}>
                      识别章和条
                    </Button>
                  </>
                ),
              },
              {
                key: 'docx',
                label: '选择 Word 文件',
                children: (
                  <Space orientation="vertical">
                    <Upload
                      accept=".docx"
                      showUploadList={false}
                      beforeUpload={(file) => {
                        if (!file.name.toLowerCase().endsWith('.docx')) {
                          setError('只能导入 .docx 格式的 Word 文件；旧的 .doc 文件请先用 WPS 或 Word 另存为 .docx');
                          return false;
                        }
                        setFileName(file.name);
                        void readAsBase64(file)
                          .then((f) => recognise({ docx: f.dataBase64 }))
                          .catch((e: unknown) => setError(errorMessage(e)));
                        return false;
                      }}
                    >
                      <Button icon={<FileWordOutlined />} loading={reading}>
                        选择 Word 文件（.docx）
                      </Button>
                    </Upload>
                    {fileName && <Typography.Text type="secondary">已选择：{fileName}</Typography.Text>}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Form>
      {source === 'import' && split && (
        <ImportPreview
          chapters={split.chapters}
          rows={split.rows}
          warnings={split.warnings}
          onChange={(rows) => setSplit({ ...split, rows })}
          onChapters={(chapters) => setSplit({ ...split, chapters })}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
