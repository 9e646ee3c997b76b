/** Photos for a step: uploaded at once, the form keeps the SHA-256 hashes the step refers to. */
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { HashUpload } from '../../../../components/HashUpload';

export function PhotoFields({ required, label }: { required: boolean; label: string }) {
  const { t } = useTranslation('workbench');
  return (
    <Form.Item
      name="photos"
      label={label}
      rules={required ? [{ required: true, type: 'array', min: 1, message: t('forms.photosRequired') }] : []}
    >
      <HashUpload accept="image/jpeg,image/png,image/webp" label={t('forms.upload')} />
    </Form.Item>
  );
}
