/**
 * Photos as one form control holding the uploaded files' SHA-256. Each file is sent as the raw request body
 * (POST /api/public/files, see docs/evidence.md) the moment it is chosen, so a failed upload is reported next
 * to this field and the rest of the form is untouched.
 */
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, rawFetch } from '../../../api/client';

export const MAX_PHOTOS = 3;

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}

export function PhotoField({ id, value = [], onChange }: Props) {
  const { t } = useTranslation('citizenReport');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Local previews of what this browser uploaded (the server's public copy needs no second download).
  const previews = useRef(new Map<string, string>());
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  async function upload(files: FileList | null) {
    if (!files || files.length === 0) return;
    setBusy(true);
    setError(null);
    let next = [...value];
    try {
      for (const file of Array.from(files).slice(0, MAX_PHOTOS - next.length)) {
        const res = await rawFetch('/api/public/files', {
          method: 'POST',
          headers: { 'content-type': file.type || 'application/octet-stream' },
          body: file,
        });
        const { sha256 } = (await res.json()) as { sha256: string };
        if (!previews.current.has(sha256)) previews.current.set(sha256, URL.createObjectURL(file));
        if (!next.includes(sha256)) next = [...next, sha256];
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      onChange?.(next);
    }
  }

  return (
    <div className="cz-photos">
      <ul className="cz-photo-list">
        {value.map((sha, i) => (
          <li key={sha}>
            <img
              src={previews.current.get(sha) ?? `/api/public/files/${sha}`}
              alt={t('photos.alt', { index: i + 1 })}
            />
            <Button
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('photos.remove', { index: i + 1 })}
              onClick={() => onChange?.(value.filter((s) => s !== sha))}
            />
          </li>
        ))}
      </ul>
      {value.length < MAX_PHOTOS && (
        // A styled label around a visually hidden input: the browser's own file button speaks the browser's
        // language, not the page's.
        <label className="cz-file-button" aria-busy={busy}>
          <input
            id={id}
            type="file"
            className="cz-visually-hidden"
            // iOS Safari converts HEIC photos to JPEG when JPEG is what the input asks for (docs/evidence.md).
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={busy}
            data-testid="photo-input"
            onChange={(e) => {
              const input = e.currentTarget;
              void upload(input.files).then(() => {
                input.value = '';
              });
            }}
          />
          <CameraOutlined aria-hidden /> {busy ? t('photos.uploading') : t('photos.choose')}
        </label>
      )}
      {error && (
        <div className="cz-field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
