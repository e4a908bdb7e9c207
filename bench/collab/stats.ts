/** Summary of a latency sample in milliseconds. */
export interface Summary {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

/** Percentile by nearest rank on an already sorted array. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? null;
}

/** Sorts a copy of the samples (any array-like of numbers) and summarises it. */
export function summarize(samples: ArrayLike<number> | readonly ArrayLike<number>[]): Summary {
  const parts = isNested(samples) ? samples : [samples];
  const total = parts.reduce((n, part) => n + part.length, 0);
  const all = new Float64Array(total);
  let offset = 0;
  let sum = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const value = part[i] as number;
      all[offset++] = value;
      sum += value;
    }
  }
  all.sort();
  return {
    count: total,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    max: total === 0 ? null : (all[total - 1] ?? null),
    mean: total === 0 ? null : sum / total,
  };
}

function isNested(
  value: ArrayLike<number> | readonly ArrayLike<number>[],
): value is readonly ArrayLike<number>[] {
  return Array.isArray(value) && value.length > 0 && typeof value[0] !== 'number';
}

/** Median of a small list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A growable typed buffer of doubles: receive logs grow to millions of entries. */
export class DoubleLog {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  clear(): void {
    this.length = 0;
  }

  at(index: number): number {
    return this.data[index] as number;
  }

  /** A compact copy, cheap to send over IPC with advanced serialization. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
