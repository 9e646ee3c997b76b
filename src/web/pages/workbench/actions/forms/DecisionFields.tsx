/**
 * A yes/no decision with a reason that the "no" side must give: approve/reject (extension, hold, appeal),
 * 属实/不属实 (verify), 通过/不通过 (check).
 */
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  name: 'approve' | 'confirmed' | 'passed';
  label: string;
  yes: string;
  no: string;
}

export function DecisionFields({ name, label, yes, no }: Props) {
  const { t } = useTranslation('workbench');
  const value = Form.useWatch<boolean | undefined>(name);
  return (
    <>
      <Form.Item name={name} label={label} initialValue={true} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: true, label: yes },
            { value: false, label: no },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('forms.reason')}
        rules={
          value === false ? [{ required: true, whitespace: true, message: t('forms.reasonRequired') }] : []
        }
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}
