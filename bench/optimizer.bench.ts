// npm run bench (second part) — times the FSRS parameter optimizer (fsrs-rs through
// @open-spaced-repetition/binding) on 10,000 and 100,000 simulated reviews: building the training
// items, fitting on the earlier 80% and scoring both parameter sets on the later 20%, as the
// optimisation job does. Prints the time and the process's peak memory (RSS, sampled every 20 ms).
import { performance } from "node:perf_hooks";
import { buildTrainingItems, studyDayNumber } from "../lib/fsrs-fit/training-items";
import { fitAndEvaluate } from "../server/optimizer/fit";
import { simulateLearner } from "../scripts/history/simulate-learner";

const SIZES = (process.env.BENCH_OPTIMIZER_REVIEWS ?? "10000,100000").split(",").map(Number);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

async function measure(reviews: number) {
  // about 7.7 reviews per card over a year: enough cards to reach the target count
  const logs = simulateLearner({ cards: Math.ceil(reviews / 7), days: 365, seed: 7, maxReviews: reviews });
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const items = buildTrainingItems(logs, studyDayNumber("Europe/Paris", 4));
  const t1 = performance.now();
  const result = await fitAndEvaluate(items, null, new Date());
  const t2 = performance.now();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { reviews: logs.length, items: items.length, buildMs: t1 - t0, fitMs: t2 - t1, base, peak, result };
}

console.log(`Optimizer benchmark (Node ${process.version}, ${new Date().toISOString()})`);
console.log("| reviews | training items | build items | fit + evaluate | total | peak RSS (start) | log loss default -> fitted |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const n of SIZES) {
  const r = await measure(n);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `| ${r.reviews} | ${r.items} | ${s(r.buildMs)} | ${s(r.fitMs)} | ${s(r.buildMs + r.fitMs)} | ${mb(r.peak)} (${mb(r.base)}) | ${r.result.current.logLoss.toFixed(4)} -> ${r.result.fitted.logLoss.toFixed(4)} |`,
  );
}
