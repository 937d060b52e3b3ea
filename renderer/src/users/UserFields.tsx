import { AutoComplete, Form, Input } from 'antd';
import { suggestedRoles } from '../../../core/contract/users';

export interface UserValues {
  name: string;
  role: string;
  pin?: string;
}

/** 姓名, 职务 and (optionally) a PIN: shared by the first-start form and 设置. */
export function UserFields({ autoFocus, pinLabel = '密码（可不填）', withPin = true }: { autoFocus?: boolean; pinLabel?: string; withPin?: boolean }) {
  return (
    <>
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input placeholder="例如：王秀英" maxLength={20} size="large" autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item name="role" label="职务" rules={[{ required: true, whitespace: true, message: '请填写职务，例如“文书”' }]}>
        <AutoComplete
          options={suggestedRoles.map((r) => ({ value: r }))}
          filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
          maxLength={20}
          size="large"
          placeholder="例如：文书"
        />
      </Form.Item>
      {withPin && (
        <Form.Item
          name="pin"
          label={pinLabel}
          extra="4 到 8 位数字。设了密码，别人就不能用您的名字做记录；不设也可以。"
          rules={[{ pattern: /^\d{4,8}$/, message: '密码应为 4 到 8 位数字' }]}
        >
          <Input.Password inputMode="numeric" maxLength={8} size="large" autoComplete="new-password" />
        </Form.Item>
      )}
    </>
  );
}
