import { Col, Form, Input, Row } from 'antd';

/** The form values of 本单位信息; blank optional fields are sent as null. */
export interface ProfileValues {
  committeeName: string;
  partyOrgName: string;
  superiorName: string;
  address: string;
  directorName: string;
  partySecretaryName: string;
  phone: string;
  defaultRecorder: string;
}

export const PROFILE_KEYS = [
  'committeeName',
  'partyOrgName',
  'superiorName',
  'address',
  'directorName',
  'partySecretaryName',
  'phone',
  'defaultRecorder',
] as const;

/** The fields of 本单位信息, shared by the first start and 设置 → 本单位. */
export function OrgProfileFields({ compact = false }: { compact?: boolean }) {
  const half = compact ? 12 : 24;
  return (
    <>
      <Form.Item
        name="committeeName"
        label="村（居）民委员会全称"
        extra="会议通知、公示、备案报告的落款用这个名称，例如“青石村村民委员会”“和平里社区居民委员会”。"
        rules={[{ required: true, whitespace: true, message: '请填写全称，例如“青石村村民委员会”' }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        name="partyOrgName"
        label="党组织全称"
        extra="党员大会的通知和记录用这个名称落款，例如“中共青石村支部委员会”“中共和平里社区总支部委员会”。"
        rules={[{ required: true, whitespace: true, message: '请填写党组织全称，例如“中共青石村支部委员会”' }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="superiorName" label="所属街道（乡镇）" extra="规约报送审核、备案的机关，例如“幸福街道办事处”“青山镇人民政府”。">
        <Input maxLength={60} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={half}>
          <Form.Item name="directorName" label="主任">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="partySecretaryName" label="书记">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="phone" label="办公电话" extra="印在会议通知上，方便请假。">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={half}>
          <Form.Item name="defaultRecorder" label="默认记录人" extra="新建会议时自动填上。">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label="地址">
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}

/** Form values → the call's input: trimmed, blanks as null. */
export function profileInput(v: ProfileValues) {
  const opt = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  return {
    committeeName: v.committeeName.trim(),
    partyOrgName: v.partyOrgName.trim(),
    superiorName: opt(v.superiorName),
    address: opt(v.address),
    directorName: opt(v.directorName),
    partySecretaryName: opt(v.partySecretaryName),
    phone: opt(v.phone),
    defaultRecorder: opt(v.defaultRecorder),
  };
}

/** A saved profile (nulls) → form values (empty strings). */
export function profileValues(p: { [K in (typeof PROFILE_KEYS)[number]]: string | null }): ProfileValues {
  return Object.fromEntries(PROFILE_KEYS.map((k) => [k, p[k] ?? ''])) as unknown as ProfileValues;
}
