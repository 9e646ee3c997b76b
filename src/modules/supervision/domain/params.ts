/** Small validators for rule parameters (each returns problems as { field, message }). */
export type Problem = { field: string; message: string };

export function intParam(params: Record<string, unknown>, key: string, min: number, max: number): Problem[] {
  if (!(key in params)) return [];
  const v = params[key];
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
    ? []
    : [{ field: `params.${key}`, message: `${key} must be an integer from ${min} to ${max}` }];
}

export function stringListParam(
  params: Record<string, unknown>,
  key: string,
  allowed?: readonly string[],
): Problem[] {
  if (!(key in params)) return [];
  const v = params[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string') || v.length > 200) {
    return [{ field: `params.${key}`, message: `${key} must be a list of strings` }];
  }
  const bad = allowed ? (v as string[]).find((x) => !allowed.includes(x)) : undefined;
  return bad === undefined ? [] : [{ field: `params.${key}`, message: `${key}: unknown value ${bad}` }];
}

export function unknownParams(params: Record<string, unknown>, known: readonly string[]): Problem[] {
  return Object.keys(params)
    .filter((k) => !known.includes(k))
    .map((k) => ({ field: `params.${k}`, message: `unknown parameter ${k}` }));
}
