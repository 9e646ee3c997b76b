/**
 * The report's location as one form control: a point from the map or the phone's GPS, located by the server
 * to its street and community (GET /api/geo/locate). A point outside the district is kept but marked, so the
 * form can say so next to the field instead of failing at submit.
 */
import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../../api/client';
import { formatNumber } from '../../../i18n/format';
import LocationPicker from './LocationPicker';
import type { Crs, PickedLocation } from './types';

interface Props {
  id?: string;
  value?: PickedLocation;
  onChange?: (value: PickedLocation | undefined) => void;
}

export function LocationField({ id, value, onChange }: Props) {
  const { t } = useTranslation('citizenReport');
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string | null>(null);

  const choose = useCallback(
    async (lng: number, lat: number, crs: Crs) => {
      setGeoError(null);
      try {
        const res = await api.GET('/api/geo/locate', { params: { query: { lng, lat, crs } } });
        onChange?.({ lng, lat, crs, place: unwrap(res), outside: false });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'OUTSIDE_GRIDS') {
          onChange?.({ lng, lat, crs, place: null, outside: true });
        } else {
          setGeoError(e instanceof ApiError ? e.message : t('location.geoFailed'));
        }
      }
    },
    [onChange, t],
  );

  function locateMe() {
    if (!('geolocation' in navigator)) {
      setGeoError(t('location.geoUnavailable'));
      return;
    }
    setLocating(true);
    setGeoError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        // The Geolocation API answers WGS-84, whatever map is shown.
        void choose(pos.coords.longitude, pos.coords.latitude, 'wgs84');
      },
      (err) => {
        setLocating(false);
        setGeoError(t(err.code === err.PERMISSION_DENIED ? 'location.geoDenied' : 'location.geoFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  const place = value?.place;
  return (
    // The form's label points at this group: the button keeps its own visible name.
    <div className="cz-location" id={id} role="group" aria-label={t('location.label')}>
      <div className="cz-location-bar">
        <Button icon={<AimOutlined />} onClick={locateMe} loading={locating}>
          {locating ? t('location.locating') : t('location.useMyPosition')}
        </Button>
        {place && (
          <span className="cz-location-place" data-testid="located-place" role="status">
            <EnvironmentOutlined aria-hidden />{' '}
            {t('location.at', {
              street: place.street?.name ?? '—',
              community: place.community?.name ?? place.grid.name,
            })}
          </span>
        )}
        {value && (
          <Typography.Text type="secondary" className="cz-location-coords">
            {t('location.coordinates', { lng: formatNumber(value.lng, 5), lat: formatNumber(value.lat, 5) })}
          </Typography.Text>
        )}
      </div>
      {geoError && (
        <div className="cz-field-note" role="alert">
          {geoError}
        </div>
      )}
      <LocationPicker point={value ?? null} onPick={(lng, lat, crs) => void choose(lng, lat, crs)} />
    </div>
  );
}
