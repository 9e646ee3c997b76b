/** The deadline lights with the number of open cases in each (from the map points). */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { LIGHT_COLORS, LIGHTS, type Light } from './map/case-points';
import { STAFF_COLOR } from './map/staff-positions';

export function Legend({
  counts,
  total,
  staff = null,
}: {
  counts: Record<Light, number> | null;
  total: number | null;
  /** field staff seen in the last minutes; null when the viewer is not shown positions */
  staff?: number | null;
}) {
  const { t } = useTranslation('command');
  return (
    <section aria-labelledby="cz-legend-title" className="cz-panel" data-testid="legend">
      <Typography.Title level={2} id="cz-legend-title" style={{ fontSize: 15, margin: '0 0 8px' }}>
        {t('legend.title')}
      </Typography.Title>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 4 }}>
        {LIGHTS.map((light) => (
          <li key={light} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span
              aria-hidden
              style={{
                width: 12,
                height: 12,
                borderRadius: 6,
                background: LIGHT_COLORS[light],
                flex: 'none',
              }}
            />
            <span style={{ flex: 1 }}>{t(`legend.${light}`)}</span>
            <strong data-testid={`legend-${light}`}>{formatNumber(counts?.[light] ?? null)}</strong>
          </li>
        ))}
        {staff != null && (
          <li style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span
              aria-hidden
              style={{ width: 12, height: 12, borderRadius: 6, background: STAFF_COLOR, flex: 'none' }}
            />
            <span style={{ flex: 1 }}>{t('legend.staff')}</span>
            <strong data-testid="legend-staff">{formatNumber(staff)}</strong>
          </li>
        )}
      </ul>
      {total != null && (
        <Typography.Text style={{ display: 'block', marginTop: 8 }}>
          {t('legend.total', { total: formatNumber(total) })}
        </Typography.Text>
      )}
    </section>
  );
}
