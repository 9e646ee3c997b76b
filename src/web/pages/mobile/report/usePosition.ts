/** The phone's GPS position (WGS-84) with its accuracy, watched while the page is open. */
import { useCallback, useEffect, useState } from 'react';

export interface Position {
  lng: number;
  lat: number;
  accuracy: number;
}

export type PositionProblem = 'permissionDenied' | 'unavailable' | 'timeout' | 'unsupported';

export interface PositionState {
  position: Position | null;
  problem: PositionProblem | null;
  locating: boolean;
  relocate: () => void;
}

const PROBLEMS: Record<number, PositionProblem> = { 1: 'permissionDenied', 2: 'unavailable', 3: 'timeout' };

export function usePosition(): PositionState {
  const [position, setPosition] = useState<Position | null>(null);
  const [problem, setProblem] = useState<PositionProblem | null>(null);
  const [locating, setLocating] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setProblem('unsupported');
      setLocating(false);
      return;
    }
    setLocating(true);
    const id = navigator.geolocation.watchPosition(
      (p) => {
        setPosition({ lng: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy });
        setProblem(null);
        setLocating(false);
      },
      (e) => {
        setProblem(PROBLEMS[e.code] ?? 'unavailable');
        setLocating(false);
      },
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 20_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [attempt]);

  const relocate = useCallback(() => setAttempt((n) => n + 1), []);
  return { position, problem, locating, relocate };
}
