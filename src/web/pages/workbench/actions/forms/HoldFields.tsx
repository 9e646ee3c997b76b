/** 申请挂账: until which date (at most a year ahead; the server checks) and why. */
import { DatePicker, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReasonFields } from './ReasonFields';

export function HoldFields() {
  const { t } = useTranslation('workbench');
  return (
    <>
      <Form.Item
        name="until"
        label={t('forms.until')}
        rules={[{ required: true, message: t('forms.untilRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <ReasonFields required />
    </>
  );
}
