export class QuizError extends Error {}
