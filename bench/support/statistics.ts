/** The nearest-rank percentile (`rank` in 0–100) of `values`; NaN for none. */
export function percentile(values: number[], rank: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.toSorted((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)]!;
}
