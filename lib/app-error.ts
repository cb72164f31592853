// Known refusals carry a stable code (for tests and the UI) and a message a person can act on.
// The action pipeline (server/actions/pipeline.ts) turns them into results; anything else is an
// unexpected error, logged with an id that is all the user sees.
export class AppError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
