/** Which grid, community and street a point lies in (GET /api/geo/locate, public); null offline or outside. */
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { Position } from './usePosition';

interface Named {
  code: string;
  name: string;
}

export interface Located {
  grid: Named;
  community: Named | null;
  street: Named | null;
}

export function useLocate(position: Position | null): Located | null {
  const [located, setLocated] = useState<Located | null>(null);
  // About 10 m: a new look-up only when the inspector has really moved.
  const lng = position ? position.lng.toFixed(4) : null;
  const lat = position ? position.lat.toFixed(4) : null;
  useEffect(() => {
    if (lng === null || lat === null) return;
    let live = true;
    api
      .GET('/api/geo/locate', { params: { query: { lng: Number(lng), lat: Number(lat), crs: 'wgs84' } } })
      .then((res) => {
        if (live) setLocated(res.response.ok && res.data ? res.data : null);
      })
      .catch(() => {
        if (live) setLocated(null);
      });
    return () => {
      live = false;
    };
  }, [lng, lat]);
  return located;
}
