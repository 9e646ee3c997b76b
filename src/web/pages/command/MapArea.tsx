/** The map's place on the page: a spinner until the regions are in, then the lazily loaded map. */
import { Alert } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import type { CommandData } from './useCommandData';
import { Loading } from '../../app/Loading';

const CaseMap = lazy(() => import('./map/CaseMap'));

export function MapArea({ data, dark = false }: { data: CommandData; dark?: boolean }) {
  const { t } = useTranslation('command');
  const loading = (
    <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
      <Loading label={t('map.loading')} />
    </div>
  );
  if (!data.setup) return loading;
  return (
    <>
      <Suspense fallback={loading}>
        <CaseMap
          tiles={data.setup.tiles}
          regions={data.setup.regions}
          points={data.points}
          staff={data.staff}
          dark={dark}
        />
      </Suspense>
      {data.points?.truncated && (
        <Alert
          className="cz-map-note"
          type="warning"
          showIcon
          title={t('map.truncated', { total: formatNumber(data.points.count) })}
        />
      )}
    </>
  );
}
