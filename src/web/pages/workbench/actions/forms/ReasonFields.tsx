/** A reason (required for void, return, extension, appeal, force-close, reopen) or an optional note. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export function ReasonFields({ required }: { required: boolean }) {
  const { t } = useTranslation('workbench');
  return (
    <Form.Item
      name="reason"
      label={t('forms.reason')}
      rules={required ? [{ required: true, whitespace: true, message: t('forms.reasonRequired') }] : []}
    >
      <Input.TextArea rows={3} maxLength={500} showCount />
    </Form.Item>
  );
}

export function NoteFields() {
  const { t } = useTranslation('workbench');
  return (
    <Form.Item name="note" label={t('forms.note')}>
      <Input.TextArea rows={3} maxLength={500} showCount />
    </Form.Item>
  );
}
