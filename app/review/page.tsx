import type { Metadata } from "next";
import { NotYetAvailable } from "@/components/layout/not-yet-available";

export const metadata: Metadata = { title: "Review" };

export default function ReviewPage() {
  return (
    <NotYetAvailable
      title="Daily review"
      plan={[
        "Your due cards for today, then a few new ones, scheduled per card by FSRS.",
        "Keyboard first: Space shows the answer, 1-4 grades Again / Hard / Good / Easy, Z undoes.",
        "A summary of the session and a look at tomorrow when you are done.",
      ]}
    />
  );
}
