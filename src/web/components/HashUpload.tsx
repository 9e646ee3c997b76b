/**
 * Files for a form field: each file is uploaded at once as the raw body of `POST /api/files` (docs/evidence.md;
 * the server sniffs the type) and the field's value is the list of SHA-256 hashes the record will refer to.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError, rawFetch } from '../api/client';

interface Uploaded {
  sha256: string;
}

interface Props {
  /** Given by Form.Item. */
  value?: string[];
  onChange?: (hashes: string[]) => void;
  accept: string;
  /** The words under the plus sign. */
  label: string;
}

export function HashUpload({ onChange, accept, label }: Props) {
  const [files, setFiles] = useState<UploadFile<Uploaded>[]>([]);
  const update = (list: UploadFile<Uploaded>[]) => {
    setFiles(list);
    onChange?.(list.filter((f) => f.status === 'done' && f.response).map((f) => f.response?.sha256 ?? ''));
  };
  return (
    <Upload<Uploaded>
      accept={accept}
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
        <div style={{ marginTop: 8 }}>{label}</div>
      </div>
    </Upload>
  );
}
