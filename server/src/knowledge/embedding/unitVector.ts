/**
 * Unit-length vectors for every embedder: the store compares vectors by dot product, so each one
 * leaves an embedder normalised, whatever the model or remote server returned.
 */

/** The vector scaled to length 1, or undefined when it has no direction (all zeros) or a non-finite value. */
export function toUnitVector(values: ArrayLike<number> & Iterable<number>): Float32Array | undefined {
  let sumOfSquares = 0;
  for (const v of values) sumOfSquares += v * v;
  const norm = Math.sqrt(sumOfSquares);
  if (!Number.isFinite(norm) || norm === 0) return undefined;
  return Float32Array.from(values, (v) => v / norm);
}
