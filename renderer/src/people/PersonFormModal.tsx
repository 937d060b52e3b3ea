import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Form, Input, Modal, Radio, Select, Spin } from 'antd';
import { knownPersonTags, type PersonRow } from '../../../core/contract/people';
import { checkIdNumber } from '../../../core/idcard';
import { call, errorMessage } from '../api/client';
import { RELATIONS, toPersonFields, type PersonFormValues } from './personFields';
import { DateField } from '../app/DateField';
import { dateRule } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  orgId: number;
  /** The person to edit; absent when adding someone new. */
  person?: PersonRow;
  open: boolean;
  onClose(): void;
  onSaved(person: PersonRow): void;
}

const PHONE = /^[0-9+\-() ]{5,20}$/;

export function PersonFormModal({ orgId, person, open, onClose, onSaved }: Props) {
  const [form] = Form.useForm<PersonFormValues>();
  const clock = useClock();
  const discard = useConfirmDiscard(onClose, form);
  const [loadingFull, setLoadingFull] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = Boolean(person);
  const personId = person?.id;

  // Editing needs the real ID number and phone, not the masked ones the table shows.
  useEffect(() => {
    if (!open || personId === undefined) return;
    let alive = true;
    setLoadingFull(true);
    setLoadError(null);
    call('people.reveal', { id: personId })
      .then((full) => {
        if (!alive) return;
        form.setFieldsValue({ idNumber: full.idNumber ?? '', phone: full.phone ?? '' });
      })
      .catch((e: unknown) => {
        if (alive) setLoadError(errorMessage(e));
      })
      .finally(() => {
        if (alive) setLoadingFull(false);
      });
    return () => {
      alive = false;
    };
  }, [open, personId, form]);

  const initialValues: PersonFormValues = person
    ? {
        name: person.name,
        gender: person.gender,
        birthDate: person.birthDate ?? null,
        householdNo: person.householdNo ?? '',
        groupName: person.groupName ?? '',
        address: person.address ?? '',
        relationToHead: person.relationToHead ?? '',
        tags: person.tags,
        note: person.note ?? '',
      }
    : { name: '', gender: null, birthDate: null, tags: [] };

  /** A valid ID number already says birth date and gender: fill them if still empty. */
  function fillFromIdNumber() {
    const check = checkIdNumber(form.getFieldValue('idNumber') ?? '', clock.today);
    if (!check.ok) return;
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', check.birthDate);
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', check.gender);
  }

  async function submit() {
    let values: PersonFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const fields = toPersonFields(values);
      const saved = person ? await call('people.update', { id: person.id, ...fields }) : await call('people.create', { orgId, ...fields });
      onSaved(saved);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={editing ? `修改人员信息：${person?.name}` : '添加人员'}
      open={open}
      {...discard}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ disabled: loadingFull || Boolean(loadError) }}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
    >
      {loadError && <Alert type="error" showIcon title={`没有读出完整的身份证号和电话：${loadError}`} style={{ marginBottom: 16 }} />}
      <Spin spinning={loadingFull}>
        <Form form={form} layout="horizontal" labelCol={{ span: 5 }} initialValues={initialValues} preserve={false}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={50} autoFocus />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label="身份证号"
            extra="填写后会自动得出出生日期和性别"
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  const v = (value ?? '').trim();
                  if (!v) return;
                  const check = checkIdNumber(v, clock.today);
                  if (!check.ok) throw new Error(check.reason);
                },
              },
            ]}
          >
            <Input maxLength={18} onBlur={fillFromIdNumber} />
          </Form.Item>
          <Form.Item name="gender" label="性别">
            <Radio.Group
              options={[
                { label: '男', value: '男' },
                { label: '女', value: '女' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="birthDate"
            label="出生日期"
            rules={[
              dateRule(),
              {
                validator: async (_r, v: string | null | undefined) => {
                  if (v && v > clock.today && /^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error('出生日期不能晚于今天');
                },
              },
            ]}
          >
            <DateField placeholder="如 1960-03-15" aria-label="出生日期" max={clock.today} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="phone"
            label="联系电话"
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  const v = (value ?? '').trim();
                  if (v && !PHONE.test(v)) throw new Error('联系电话只能包含数字和“-”，例如 13812345678 或 0571-12345678');
                },
              },
            ]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="householdNo" label="户号">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="groupName" label="小组">
            <Input maxLength={40} placeholder="例如：第三居民小组" />
          </Form.Item>
          <Form.Item name="address" label="住址">
            <Input maxLength={100} placeholder="例如：东山村二组18号" />
          </Form.Item>
          <Form.Item name="relationToHead" label="与户主关系">
            <AutoComplete
              aria-label="与户主关系"
              maxLength={20}
              options={RELATIONS.map((r) => ({ value: r }))}
              placeholder="例如：户主、配偶、子、女"
              filterOption={(input, option) => (option?.value ?? '').includes(input)}
            />
          </Form.Item>
          <Form.Item name="tags" label="标签" extra="可以从列表中选，也可以输入新的词后按回车">
            <Select mode="tags" options={knownPersonTags.map((t) => ({ label: t, value: t }))} maxCount={20} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Spin>
      {saveError && <Alert type="error" showIcon title={saveError} />}
    </Modal>
  );
}
