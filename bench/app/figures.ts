// Small helpers of the bench's figures (bench/app.bench.ts and bench/app/).
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const quantile = (xs: number[], q: number) => (xs.length ? sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : NaN);
export const median = (xs: number[]) => quantile(xs, 0.5);
export const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : "–");
export const log = (s: string) => console.log(`[bench] ${s}`);
