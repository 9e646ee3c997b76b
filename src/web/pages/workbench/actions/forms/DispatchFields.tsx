/** 派遣 (automatic by the rules, or manual to a chosen unit with a reason) and 改派 (unit and reason). */
import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../reference';

function UnitSelect() {
  const { t } = useTranslation('workbench');
  const ref = useReference();
  const units = [...(ref?.units.values() ?? [])].filter((u) => u.active);
  return (
    <Form.Item
      name="unitCode"
      label={t('forms.unit')}
      rules={[{ required: true, message: t('forms.unitRequired') }]}
    >
      <Select
        showSearch
        optionFilterProp="label"
        loading={!ref}
        options={units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
      />
    </Form.Item>
  );
}

function Reason() {
  const { t } = useTranslation('workbench');
  return (
    <Form.Item
      name="reason"
      label={t('forms.reason')}
      rules={[{ required: true, whitespace: true, message: t('forms.reasonRequired') }]}
    >
      <Input.TextArea rows={2} maxLength={500} />
    </Form.Item>
  );
}

export function DispatchFields() {
  const { t } = useTranslation('workbench');
  const mode = Form.useWatch<'auto' | 'manual' | undefined>('mode');
  return (
    <>
      <Form.Item name="mode" label={t('forms.mode')} initialValue="auto">
        <Radio.Group
          options={[
            { value: 'auto', label: t('forms.auto') },
            { value: 'manual', label: t('forms.manual') },
          ]}
        />
      </Form.Item>
      {mode === 'manual' && (
        <>
          <UnitSelect />
          <Reason />
        </>
      )}
    </>
  );
}

export function RedispatchFields() {
  return (
    <>
      <UnitSelect />
      <Reason />
    </>
  );
}
