import { useState } from 'react';
import { Alert, Checkbox, Divider, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import type { MeetingType, RuleSet } from '../../../core/contract/meeting-types';
import { isValidFraction, type Threshold } from '../../../core/rules/fraction';
import { basisLabels, type RuleSetDefinition } from '../../../core/rules/rule-set';
import { call, errorMessage } from '../api/client';
import { ThresholdInput } from './ThresholdInput';
import { useCurrentOrg } from '../org/OrgContext';
import { orgWording } from '../../../core/documents/wording';
import { attendanceWords, passWords } from './ruleWords';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  orgId: number;
  type: MeetingType;
  version: RuleSet;
  onClose(): void;
  onCopied(type: MeetingType): void;
}

const HALF: Threshold = { fraction: { num: 1, den: 2 }, comparison: 'moreThan' };

/** 复制为本地类型: the same rules under a new name, with numbers the secretary may change. */
export function CopyTypeModal({ orgId, type, version, onClose, onCopied }: Props) {
  const discard = useConfirmDiscard(onClose);
  const original = version.definition;
  const words = orgWording(useCurrentOrg().kind);
  const [name, setName] = useState(`${type.name}（本地）`);
  const [def, setDef] = useState<RuleSetDefinition>(() => structuredClone(original));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const previewable = def.bases.every((b) => !b.quorum || isValidFraction(b.quorum.fraction)) && isValidFraction(def.pass.fraction);

  async function submit() {
    setSaving(true);
    setError(null);
    try {
      const copied = await call('meetingTypes.copy', { orgId, fromRuleSetId: version.id, name: name.trim(), definition: { ...def, statutory: false } });
      onCopied(copied);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`复制为本地类型：${type.name}（${version.label}）`}
      open
      {...discard}
      onOk={submit}
      okText="保存为本地类型"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={760}
    >
      <Alert
        type="info"
        showIcon
        title={`本地类型用于本${words.place}自己的议事规则，例如议事协商会。改动的比例不是法律规定，会议页面上会注明。`}
        style={{ marginBottom: 16 }}
      />
      <Form layout="horizontal" labelCol={{ span: 5 }}>
        <Form.Item label="新类型名称" required>
          <Input value={name} maxLength={30} onChange={(e) => setName(e.target.value)} aria-label="新类型名称" />
        </Form.Item>
        <Divider plain>出席要求</Divider>
        {def.bases.map((b, i) => (
          <Form.Item
            key={b.basis}
            label={def.bases.length > 1 ? `按${basisLabels[b.basis]}` : '出席人数'}
            extra={def.bases.length > 1 ? basisLabels[b.basis] : undefined}
          >
            <Space orientation="vertical">
              <Checkbox
                checked={b.quorum == null}
                onChange={(e) =>
                  setDef((d) => ({
                    ...d,
                    bases: d.bases.map((x, j) => (j === i ? { ...x, quorum: e.target.checked ? null : (original.bases[i]?.quorum ?? HALF) } : x)),
                  }))
                }
              >
                没有法定人数要求
              </Checkbox>
              {b.quorum && (
                <Space>
                  <span>须应到人数的</span>
                  <ThresholdInput
                    label="出席比例"
                    value={b.quorum}
                    onChange={(q) => setDef((d) => ({ ...d, bases: d.bases.map((x, j) => (j === i ? { ...x, quorum: q } : x)) }))}
                  />
                </Space>
              )}
            </Space>
          </Form.Item>
        ))}
        <Divider plain>通过要求</Divider>
        <Form.Item label="计算基数">
          <Radio.Group
            aria-label="通过比例的计算基数"
            value={def.pass.denominator}
            onChange={(e) => setDef((d) => ({ ...d, pass: { ...d.pass, denominator: e.target.value as 'present' | 'roll' } }))}
            options={[
              { value: 'present', label: '实到人数（到会人员）' },
              { value: 'roll', label: '应到人数（如党员大会）' },
            ]}
          />
        </Form.Item>
        <Form.Item label="同意票须占">
          <ThresholdInput label="通过比例" value={def.pass} onChange={(t) => setDef((d) => ({ ...d, pass: { ...d.pass, ...t } }))} />
        </Form.Item>
        <Form.Item label="平票">
          <Checkbox checked={def.tieFails} onChange={(e) => setDef((d) => ({ ...d, tieFails: e.target.checked }))}>
            赞成与反对票数相等时不通过
          </Checkbox>
        </Form.Item>
        <Divider plain>通知</Divider>
        <Form.Item label="提前通知" extra="不填表示没有规定通知期">
          <Space>
            <InputNumber
              aria-label="提前通知天数"
              precision={0}
              value={def.noticeDays}
              onChange={(v) => setDef((d) => ({ ...d, noticeDays: typeof v === 'number' ? v : null }))}
              style={{ width: 100 }}
            />
            <span>天</span>
          </Space>
        </Form.Item>
      </Form>
      <Typography.Paragraph>
        <Typography.Text strong>预览：</Typography.Text>
        {previewable ? `${attendanceWords(def)}，${passWords(def)}` : '比例填写有误，保存时会说明原因'}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
