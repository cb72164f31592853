// A diagnose card's symptom and reason read back from the stored card (what the trick page shows).
import { describe, expect, it } from "vitest";
import { buildCards } from "./cards";
import { symptomOfCard, symptomsOfCards } from "./diagnose";
import type { Trick } from "./parse";

const trick = {
  slug: "clip",
  name: "Gradient *clipping*",
  cards: [{ key: "what", kind: "what", prompt: "In RNN training, what is gradient clipping?", answer: "Capping the gradient norm." }],
  symptoms: [
    { key: "nan", text: "Loss spikes to NaN after a few hundred steps.", because: "A capped step cannot throw the weights far." },
    { key: "jumps", text: "Loss jumps by orders of magnitude on some batches.", because: "One huge gradient no longer dominates." },
  ],
  references: [],
} as unknown as Trick;

describe("symptoms of diagnose cards", () => {
  it("read back each symptom's text and reason, in order, from the generated cards", () => {
    const cards = buildCards(trick);
    expect(symptomsOfCards(cards)).toEqual([
      { cardId: "clip/symptom-nan", text: "Loss spikes to NaN after a few hundred steps.", because: "A capped step cannot throw the weights far." },
      { cardId: "clip/symptom-jumps", text: "Loss jumps by orders of magnitude on some batches.", because: "One huge gradient no longer dominates." },
    ]);
  });

  it("ignore other kinds and cards not in the generated form", () => {
    expect(symptomOfCard({ id: "x/what", kind: "what", prompt: "You see this in training: *a* Which trick do you reach for?", answer: "**A**: b" })).toBeNull();
    expect(symptomOfCard({ id: "x/symptom-a", kind: "diagnose", prompt: "Loss is NaN. Which trick?", answer: "**A**: b" })).toBeNull();
    expect(symptomOfCard({ id: "x/symptom-a", kind: "diagnose", prompt: "You see this in training: *a* Which trick do you reach for?", answer: "A because b" })).toBeNull();
  });
});
