/** A unit's parent chain must end at a root: a parent that is (or descends from) the unit itself is refused. */
export function wouldCreateCycle(
  parents: ReadonlyMap<string, string | null>,
  code: string,
  newParent: string | null,
): boolean {
  const seen = new Set<string>([code]);
  for (let p = newParent; p !== null; p = parents.get(p) ?? null) {
    if (seen.has(p)) return true;
    seen.add(p);
  }
  return false;
}
