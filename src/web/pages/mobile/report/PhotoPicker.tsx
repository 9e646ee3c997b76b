/** Camera photos with previews: the phone opens its back camera; a desktop offers a file chooser. */
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  photos: readonly File[];
  onChange: (photos: File[]) => void;
  max: number;
  buttonLabel: string;
}

export function PhotoPicker({ photos, onChange, max, buttonLabel }: Props) {
  const { t } = useTranslation('mobile');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  return (
    <Flex vertical gap={8}>
      {/* Hidden: the button below opens it, so keyboard and screen readers meet one control. */}
      <input
        ref={input}
        id={id}
        data-testid="photo-input"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        aria-label={buttonLabel}
        onChange={(e) => {
          const chosen = [...(e.target.files ?? [])].filter((f) => f.type.startsWith('image/'));
          onChange([...photos, ...chosen].slice(0, max));
          e.target.value = '';
        }}
      />
      <Button
        size="large"
        icon={<CameraOutlined />}
        disabled={photos.length >= max}
        onClick={() => input.current?.click()}
        style={{ minHeight: 48 }}
      >
        {buttonLabel}
      </Button>
      <Typography.Text>{t('report.photoCount', { count: photos.length, max })}</Typography.Text>
      {photos.length > 0 && (
        <Flex wrap gap={8}>
          {urls.map((url, i) => (
            <div key={url} style={{ position: 'relative' }}>
              <img
                src={url}
                alt={t('report.photoAlt', { n: i + 1 })}
                style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 8, display: 'block' }}
              />
              <Button
                shape="circle"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('report.removePhoto', { n: i + 1 })}
                onClick={() => onChange(photos.filter((_, j) => j !== i))}
                style={{ position: 'absolute', top: 4, right: 4 }}
              />
            </div>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
