"use server";

import { z } from "zod";
import { runReviewAction, type ReviewActionResult } from "./review-result";

/** The current review screen, e.g. when learning cards become due while the page is open. */
export async function loadReview(): Promise<ReviewActionResult> {
  return runReviewAction("load-review", z.undefined(), undefined, async () => {});
}
