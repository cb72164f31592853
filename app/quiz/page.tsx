import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/layout/not-yet-available";

export const metadata: Metadata = { title: "Quiz" };

export default function QuizPage() {
  return (
    <NotYetAvailable
      title="Quiz by category"
      plan={[
        "Drill one or more categories, for example only Reinforcement learning.",
        "Flashcards, multiple choice with plausible distractors, or typed recall.",
        "Results per category, and the missed items to review again.",
      ]}
    />
  );
}
