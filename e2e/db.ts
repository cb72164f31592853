// Read-only look into the e2e database, to check what the UI did to a user's schedule.
import Database from "better-sqlite3";

export function scheduleOf(email: string) {
  const db = new Database("data/e2e.db", { readonly: true, fileMustExist: true });
  try {
    const user = db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string } | undefined;
    if (!user) throw new Error(`no user ${email}`);
    const count = (sql: string) => (db.prepare(sql).get(user.id) as { n: number }).n;
    return {
      cardStates: count("SELECT count(*) AS n FROM CardState WHERE userId = ?"),
      reviewLogs: count("SELECT count(*) AS n FROM ReviewLog WHERE userId = ?"),
      quizLogs: count("SELECT count(*) AS n FROM ReviewLog WHERE userId = ? AND source = 'quiz'"),
    };
  } finally {
    db.close();
  }
}

/** One user's stored schedule for one card, read straight from the e2e database. */
export function cardStateOf(email: string, cardId: string) {
  const db = new Database("data/e2e.db", { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT s.state, s.scheduledDays, s.due, s.lastReview FROM CardState s JOIN User u ON u.id = s.userId WHERE u.email = ? AND s.cardId = ?")
      .get(email, cardId) as { state: number; scheduledDays: number; due: string; lastReview: string } | undefined;
  } finally {
    db.close();
  }
}
