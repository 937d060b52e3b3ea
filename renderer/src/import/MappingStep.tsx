import { Alert, Col, Form, Row, Select, Table, Typography } from 'antd';
import { applyMapping, importFieldLabels, importFields, type ImportField } from '../../../core/roster/fields';
import type { ParsedFile } from './ImportWizard';

export type Mapping = Partial<Record<ImportField, number>>;

interface Props {
  parsed: ParsedFile;
  mapping: Mapping;
  onChange(mapping: Mapping): void;
}

const NOT_IMPORTED = -1;
const SAMPLE_ROWS = 5;

export function MappingStep({ parsed, mapping, onChange }: Props) {
  const options = [
    { value: NOT_IMPORTED, label: '（不导入）' },
    ...parsed.headers.map((h, i) => ({ value: i, label: h.trim() || `第 ${i + 1} 列（无表头）` })),
  ];
  const mappedFields = importFields.filter((f) => mapping[f] !== undefined);
  const samples = applyMapping(parsed.rows.slice(0, SAMPLE_ROWS), mapping).map((row, i) => ({ key: i, ...row }));
  const hasId = mapping.idNumber !== undefined;
  const source = parsed.sheetName ? `（工作表“${parsed.sheetName}”）` : parsed.encoding ? `（${parsed.encoding} 编码）` : '';

  function set(field: ImportField, value: number) {
    const next = { ...mapping };
    if (value === NOT_IMPORTED) delete next[field];
    else next[field] = value;
    onChange(next);
  }

  return (
    <div>
      <Typography.Paragraph>
        {`文件“${parsed.fileName}”${source}共有 ${parsed.rows.length} 行。`}
        请确认每一项对应文件中的哪一列（已按表头自动选好）；不需要的选“不导入”。
      </Typography.Paragraph>
      {mapping.name === undefined && <Alert type="warning" showIcon title="请先选择“姓名”对应的列，没有姓名无法导入。" style={{ marginBottom: 16 }} />}
      <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 16 }}>
        <Row gutter={16}>
          {importFields.map((field) => (
            <Col span={8} key={field}>
              <Form.Item label={importFieldLabels[field]} htmlFor={`mapping-${field}`} required={field === 'name'} style={{ marginBottom: 12 }}>
                <Select id={`mapping-${field}`} value={mapping[field] ?? NOT_IMPORTED} onChange={(value: number) => set(field, value)} options={options} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
      {hasId && (mapping.birthDate === undefined || mapping.gender === undefined) && (
        <Typography.Paragraph type="secondary">
          没有选择{[mapping.birthDate === undefined ? '出生日期' : '', mapping.gender === undefined ? '性别' : ''].filter(Boolean).join('、')}
          列也没关系：会从身份证号中得出。
        </Typography.Paragraph>
      )}
      <Typography.Title level={5}>前 {Math.min(SAMPLE_ROWS, parsed.rows.length)} 行预览</Typography.Title>
      <Table
        className="sample-table"
        size="small"
        pagination={false}
        dataSource={samples}
        scroll={{ x: true }}
        columns={mappedFields.map((f) => ({ title: importFieldLabels[f], dataIndex: f, key: f }))}
      />
    </div>
  );
}
