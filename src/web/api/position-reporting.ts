/**
 * While the inspector app is open, tell the command center where its user is: at most one fix a minute, and only
 * when the position is known (the user granted it). Failures are silent; the next fix tries again.
 */
import { useEffect } from 'react';
import { api } from './client';

const MIN_INTERVAL_MS = 60_000;

export function usePositionReporting(enabled = true): void {
  useEffect(() => {
    if (!enabled || typeof navigator === 'undefined' || !('geolocation' in navigator)) return;
    let last = 0;
    const watch = navigator.geolocation.watchPosition(
      (pos) => {
        const now = Date.now();
        if (now - last < MIN_INTERVAL_MS || !navigator.onLine) return;
        last = now;
        void api
          .PUT('/api/org/positions/me', {
            body: {
              lng: pos.coords.longitude,
              lat: pos.coords.latitude,
              crs: 'wgs84',
              accuracyM: Math.min(pos.coords.accuracy, 100_000),
            },
          })
          .catch(() => undefined);
      },
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [enabled]);
}
