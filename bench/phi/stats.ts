export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
export const fmtMs = (ms: number): string => `${ms.toFixed(3)} ms`;
