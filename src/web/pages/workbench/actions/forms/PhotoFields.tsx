/**
 * Photos for a step: each file is uploaded at once as the raw body of `POST /api/files` (docs/evidence.md; the
 * server sniffs the type) and the form keeps the SHA-256 hashes the step refers to.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Form, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, rawFetch } from '../../../../api/client';

interface Uploaded {
  sha256: string;
}

function PhotoUpload({ onChange }: { value?: string[]; onChange?: (hashes: string[]) => void }) {
  const { t } = useTranslation('workbench');
  const [files, setFiles] = useState<UploadFile<Uploaded>[]>([]);
  const update = (list: UploadFile<Uploaded>[]) => {
    setFiles(list);
    onChange?.(list.filter((f) => f.status === 'done' && f.response).map((f) => f.response?.sha256 ?? ''));
  };
  return (
    <Upload<Uploaded>
      accept="image/jpeg,image/png,image/webp"
      multiple
      listType="picture-card"
      fileList={files}
      onChange={({ fileList }) => update(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        const blob = file as Blob;
        rawFetch('/api/files', {
          method: 'POST',
          headers: { 'content-type': blob.type || 'application/octet-stream' },
          body: blob,
        })
          .then(async (res) => onSuccess?.((await res.json()) as Uploaded))
          .catch((e: unknown) => {
            const err = e instanceof ApiError ? e : new Error(String(e));
            onError?.(err);
          });
      }}
    >
      {/* Upload itself is the button (role=button); a nested <button> would be a nested control. */}
      <div>
        <PlusOutlined />
        <div style={{ marginTop: 8 }}>{t('forms.upload')}</div>
      </div>
    </Upload>
  );
}

export function PhotoFields({ required, label }: { required: boolean; label: string }) {
  const { t } = useTranslation('workbench');
  return (
    <Form.Item
      name="photos"
      label={label}
      rules={required ? [{ required: true, type: 'array', min: 1, message: t('forms.photosRequired') }] : []}
    >
      <PhotoUpload />
    </Form.Item>
  );
}
