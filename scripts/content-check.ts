// npm run content:check — validates every content file; exits 1 listing file, field and reason.
// Card-quality warnings (lib/content/card-warnings.ts) are printed and counted but never fail it.
import { buildCards } from "../lib/content/cards";
import { cardWarnings, formatWarning, warningSummary } from "../lib/content/card-warnings";
import { formatContentError } from "../lib/content/parse";
import { loadCatalogue } from "../lib/content/read-content";

const dir = process.argv[2];
const { catalogue, errors } = loadCatalogue(dir);
if (!catalogue) {
  console.error(`Content check failed with ${errors.length} problem(s):`);
  for (const e of errors) console.error(`  ${formatContentError(e)}`);
  process.exit(1);
}
const warnings = cardWarnings(catalogue.tricks);
for (const w of warnings) console.warn(`  warning: ${formatWarning(w)}`);
const cards = catalogue.tricks.reduce((n, t) => n + buildCards(t).length, 0);
const perArea = catalogue.areas.map((a) => `${catalogue.tricks.filter((t) => t.area === a.slug).length} ${a.name.toLowerCase()}`);
console.log(`Content OK: ${catalogue.tricks.length} tricks (${perArea.join(", ")}) in ${catalogue.categories.length} categories, ${cards} cards.`);
console.log(`Card quality: ${warningSummary(warnings)}.`);
