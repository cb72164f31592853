// Words a learner types that the catalogue spells differently: a query word on the left also
// searches for each alternative on the right (an alternative of several words needs them all).
// Keys are single lower-case words as the tokenizer yields them; keep the list small and sure.
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // weight initialisation goes by its authors' names
  xavier: ["glorot", "fan-in", "fan-out"],
  glorot: ["xavier", "fan-in"],
  kaiming: ["fan-in", "msra"],
  lecun: ["fan-in"],
  // normalisation layers and their abbreviations
  bn: ["batch normalization", "batchnorm"],
  batchnorm: ["batch normalization"],
  ln: ["layer normalization", "layernorm"],
  layernorm: ["layer normalization"],
  // common abbreviations
  lr: ["learning rate"],
  rl: ["reinforcement learning"],
  cnn: ["convolutional"],
  convnet: ["convolutional"],
  rnn: ["recurrent"],
  lstm: ["long short-term memory"],
  gan: ["adversarial"],
  moe: ["mixture of experts"],
  // what a practitioner sees in training (symptoms)
  nan: ["nans", "overflow", "infinity", "exploding", "unstable"],
  exploding: ["explode", "explodes", "diverge", "diverges", "overflow"],
  diverges: ["diverge", "exploding", "unstable"],
  overfits: ["overfit", "overfitting", "memorises", "memorizes"],
  overfitting: ["overfit", "overfits", "memorises", "memorizes"],
  underfits: ["underfit", "underfitting", "capacity"],
  vanishing: ["vanish", "vanishes", "gradient flow"],
};

/** The alternatives for one query word (lower-case), without the word itself. */
export function synonymsOf(word: string): readonly string[] {
  return Object.hasOwn(SYNONYMS, word) ? SYNONYMS[word] : [];
}

/** The observation inside a diagnose card's prompt ("You see this in training: *...* Which ..."). */
export function symptomOfPrompt(prompt: string): string {
  return /\*([^*]+)\*/.exec(prompt)?.[1]?.trim() ?? prompt;
}
