import { Alert, Button, Input, Popconfirm, Select, Space, Table, Tooltip, Typography } from 'antd';
import { chineseNumeral as toChineseNumber } from '../../../core/documents/numerals';

export interface PreviewRow {
  key: number;
  chapterIndex: number | null;
  text: string;
}

interface Props {
  chapters: string[];
  rows: PreviewRow[];
  warnings: string[];
  onChange(rows: PreviewRow[]): void;
  onChapters(chapters: string[]): void;
}

/** The split of an imported text, to correct before creating: chapter, text, merge, split, delete. */
export function ImportPreview({ chapters, rows, warnings, onChange, onChapters }: Props) {
  const nextKey = () => Math.max(0, ...rows.map((r) => r.key)) + 1;
  const update = (i: number, patch: Partial<PreviewRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const merge = (i: number) => {
    const prev = rows[i - 1]!;
    onChange([...rows.slice(0, i - 1), { ...prev, text: `${prev.text}\n${rows[i]!.text}` }, ...rows.slice(i + 1)]);
  };
  const split = (i: number) => {
    const r = rows[i]!;
    const at = r.text.indexOf('\n');
    if (at < 0) return;
    onChange([
      ...rows.slice(0, i),
      { ...r, text: r.text.slice(0, at).trim() },
      { ...r, key: nextKey(), text: r.text.slice(at + 1).trim() },
      ...rows.slice(i + 1),
    ]);
  };
  return (
    <div className="import-preview">
      <Typography.Title level={5}>
        识别结果：{chapters.length ? `${chapters.length} 章，` : ''}
        {rows.length} 条。请逐条核对，有错的直接改。
      </Typography.Title>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="识别时发现以下情况，请核对"
          description={
            <ul className="plain-list">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {chapters.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          {chapters.map((c, i) => (
            <Input
              key={i}
              aria-label={`第${toChineseNumber(i + 1)}章章名`}
              addonBefore={`第${toChineseNumber(i + 1)}章`}
              value={c}
              onChange={(e) => onChapters(chapters.map((x, j) => (j === i ? e.target.value : x)))}
              style={{ width: 240 }}
            />
          ))}
        </Space>
      )}
      <Table<PreviewRow>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={rows}
        columns={[
          { title: '条', width: 80, render: (_: unknown, _r, i) => `第${toChineseNumber(i + 1)}条` },
          ...(chapters.length
            ? [
                {
                  title: '所在章',
                  width: 170,
                  render: (_: unknown, r: PreviewRow, i: number) => (
                    <Select<number>
                      aria-label={`第${toChineseNumber(i + 1)}条所在章`}
                      size="small"
                      value={r.chapterIndex ?? undefined}
                      placeholder="请选择章"
                      onChange={(v) => update(i, { chapterIndex: v })}
                      style={{ width: 150 }}
                      options={chapters.map((c, j) => ({ value: j, label: `第${toChineseNumber(j + 1)}章 ${c}` }))}
                    />
                  ),
                },
              ]
            : []),
          {
            title: '条文',
            render: (_: unknown, r, i) => (
              <Input.TextArea
                aria-label={`第${toChineseNumber(i + 1)}条条文`}
                value={r.text}
                autoSize={{ minRows: 1, maxRows: 6 }}
                onChange={(e) => update(i, { text: e.target.value })}
              />
            ),
          },
          {
            title: '调整',
            width: 230,
            render: (_: unknown, r, i) => (
              <Space size={4} wrap>
                <Button size="small" disabled={i === 0} onClick={() => merge(i)}>
                  并入上一条
                </Button>
                <Tooltip title={r.text.includes('\n') ? '在第一个分段处拆成两条' : '先在文字中按回车分段，再拆分'}>
                  <Button size="small" disabled={!r.text.includes('\n')} onClick={() => split(i)}>
                    拆分
                  </Button>
                </Tooltip>
                <Popconfirm title="删去这一条？" okText="删去" cancelText="不删" onConfirm={() => onChange(rows.filter((_x, j) => j !== i))}>
                  <Button size="small" danger>
                    删去
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
