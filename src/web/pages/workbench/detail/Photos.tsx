/** Photos before (the report's) and after (each report-back's), as thumbnails that open the full image. */
import { Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../types';

function Strip({ hashes, label }: { hashes: string[]; label: string }) {
  const { t } = useTranslation('workbench');
  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {label}
      </Typography.Title>
      {hashes.length === 0 ? (
        <Typography.Text>{t('detail.noPhotos')}</Typography.Text>
      ) : (
        <Image.PreviewGroup>
          <Space wrap>
            {hashes.map((h, i) => (
              <Image
                key={h}
                width={120}
                height={90}
                style={{ objectFit: 'cover' }}
                src={`/api/files/${h}/thumbnail`}
                preview={{ src: `/api/files/${h}` }}
                alt={t('detail.photoAlt', { index: i + 1 })}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </div>
  );
}

export function afterPhotos(events: HistoryEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.name !== 'cases.case.reportedBack' || !Array.isArray(e.payload.photos)) continue;
    for (const p of e.payload.photos) if (typeof p === 'string' && !out.includes(p)) out.push(p);
  }
  return out;
}

export function Photos({ before, events }: { before: string[]; events: HistoryEvent[] }) {
  const { t } = useTranslation('workbench');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="photos">
      <Strip hashes={before} label={t('detail.photosBefore')} />
      <Strip hashes={afterPhotos(events)} label={t('detail.photosAfter')} />
    </Space>
  );
}
