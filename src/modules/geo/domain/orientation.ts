/**
 * Exact orientation predicate: on which side of the directed line a→b does c lie?
 *
 * Why exact: the point-in-polygon edge rule and the self-crossing test must give the same answer for
 * the same edge whichever polygon asks. Plain floating point can misjudge points within a rounding
 * error of a line, so two grids sharing an edge could both claim (or both refuse) a point on it.
 * We evaluate the determinant in floating point with Shewchuk's error bound; only when the result is
 * too close to zero to trust (in practice: the point is on, or within ~1e-15° of, the line) do we
 * recompute it exactly with BigInt. Random points never reach the slow path.
 */

// Shewchuk's ccwerrboundA = (3 + 16ε)ε with ε = 2^-53.
const CCW_ERROR_BOUND = (3 + 16 * 2 ** -53) * 2 ** -53;

/**
 * Positive when c lies to the left of a→b (counter-clockwise turn), negative when to the right,
 * zero when the three points are collinear. The sign is exact; the magnitude is approximate.
 */
export function orient2d(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const detLeft = (ax - cx) * (by - cy);
  const detRight = (ay - cy) * (bx - cx);
  const det = detLeft - detRight;
  let detSum: number;
  // When the two products have opposite signs (or one is exactly zero) the difference cannot change
  // sign through rounding: a rounded subtraction of non-zero doubles is zero only when they are equal.
  if (detLeft > 0) {
    if (detRight <= 0) return det;
    detSum = detLeft + detRight;
  } else if (detLeft < 0) {
    if (detRight >= 0) return det;
    detSum = -detLeft - detRight;
  } else {
    return det;
  }
  const bound = CCW_ERROR_BOUND * detSum;
  if (det >= bound || -det >= bound) return det;
  return orient2dExact(ax, ay, bx, by, cx, cy);
}

const scratchFloat = new Float64Array(1);
const scratchBits = new BigUint64Array(scratchFloat.buffer);

interface ExactDouble {
  mantissa: bigint; // signed integer
  exponent: number; // value = mantissa * 2^exponent
}

/** Splits a finite double into an integer mantissa and a power-of-two exponent, without rounding. */
function decompose(value: number): ExactDouble {
  scratchFloat[0] = value;
  const bits = scratchBits[0] ?? 0n;
  const negative = bits >> 63n === 1n;
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent: number;
  if (biasedExponent === 0) {
    exponent = -1074; // subnormal
  } else {
    mantissa |= 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  return { mantissa: negative ? -mantissa : mantissa, exponent };
}

/** The sign of the orientation determinant computed with exact integer arithmetic (-1, 0 or 1). */
export function orient2dExact(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
): number {
  const parts = [ax, ay, bx, by, cx, cy].map(decompose);
  let minExponent = Infinity;
  for (const part of parts) {
    if (part.mantissa !== 0n && part.exponent < minExponent) minExponent = part.exponent;
  }
  if (minExponent === Infinity) return 0; // all coordinates zero
  // Scaling every coordinate by the same power of two keeps the determinant's sign.
  const [iax, iay, ibx, iby, icx, icy] = parts.map((p) =>
    p.mantissa === 0n ? 0n : p.mantissa << BigInt(p.exponent - minExponent),
  ) as [bigint, bigint, bigint, bigint, bigint, bigint];
  const det = (iax - icx) * (iby - icy) - (iay - icy) * (ibx - icx);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}
