/** The standard rows this inspector used last (newest first), kept in this browser. */
const KEY = 'cz.mobile.recentStandards';
const KEPT = 5;

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storageOrNull(): KeyValueStorage | null {
  try {
    return (globalThis as { localStorage?: KeyValueStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadRecent(storage: KeyValueStorage | null = storageOrNull()): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function pushRecent(standardId: string, storage: KeyValueStorage | null = storageOrNull()): string[] {
  const next = [standardId, ...loadRecent(storage).filter((id) => id !== standardId)].slice(0, KEPT);
  try {
    storage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // not remembered; the picker still works
  }
  return next;
}

/** `items` with the recently used ones first (in their recent order), the rest in their own order. */
export function recentFirst<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  recent: readonly string[],
): T[] {
  const rank = new Map(recent.map((id, i) => [id, i]));
  const r = (item: T) => rank.get(keyOf(item)) ?? Number.MAX_SAFE_INTEGER;
  return [...items]
    .map((item, i) => ({ item, i }))
    .sort((a, b) => r(a.item) - r(b.item) || a.i - b.i)
    .map((x) => x.item);
}
