"use client";

import { useState } from "react";
import { Field, FormError } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { MAX_BACKUP_BYTES } from "@/lib/fsrs-fit/backup-limit";
import { deleteMyAccount } from "@/server/actions/delete-account";

/** Export links, the backup import (sent to /api/import) and "Delete my account". */
export function DataPanel({ email }: { email: string }) {
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const del = useFormAction(deleteMyAccount);

  async function onImport(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get("backup");
    if (!(file instanceof File) || file.size === 0) return setResult({ ok: false, message: "Choose a backup file first." });
    if (file.size > MAX_BACKUP_BYTES) return setResult({ ok: false, message: `The file is larger than ${MAX_BACKUP_BYTES / 1048576} MB, the most a backup import accepts. Nothing was changed.` });
    setImporting(true);
    setResult(null);
    try {
      const response = await fetch("/api/import", { method: "POST", body: file, headers: { "content-type": "application/json" } });
      setResult((await response.json()) as { ok: boolean; message: string });
    } catch {
      setResult({ ok: false, message: "The import could not reach the server. Nothing was changed." });
    } finally {
      setImporting(false);
    }
  }

  return (
    <section aria-labelledby="your-data" className="card-surface mt-8 space-y-5 p-5">
      <h2 id="your-data" className="font-semibold">
        Your data
      </h2>
      <div>
        <h3 className="text-sm font-medium">Export</h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
          <li>
            <a className="link" href="/api/export/reviews.csv" download>
              Review log (CSV)
            </a>{" "}
            — card_id, review_time (ms), review_rating, review_state, review_duration, as the FSRS tools read it.
          </li>
          <li>
            <a className="link" href="/api/export/backup.json" download>
              Full backup (JSON)
            </a>{" "}
            — settings, parameters, card states, review logs and quizzes; import it here later.
          </li>
          <li>
            <a className="link" href="/api/export/anki.txt" download>
              Deck for Anki (text)
            </a>{" "}
            — in Anki: File, Import; front, back, reference and tags per category.
          </li>
        </ul>
      </div>
      <form onSubmit={onImport} className="space-y-2">
        <label htmlFor="backup-file" className="block text-sm font-medium">
          Import a backup (JSON, up to {MAX_BACKUP_BYTES / 1048576} MB)
        </label>
        <input id="backup-file" name="backup" type="file" accept="application/json,.json" className="block text-sm" />
        <p className="text-xs text-slate-500 dark:text-slate-400">Into an empty account it restores everything; otherwise it adds what is missing. Reviews already here are never added twice.</p>
        <button type="submit" className="btn-ghost" disabled={importing}>
          {importing ? "Importing…" : "Import backup"}
        </button>
        {result && (
          <p role={result.ok ? "status" : "alert"} data-testid="import-result" className={result.ok ? "text-sm text-emerald-700 dark:text-emerald-300" : "text-sm text-red-600 dark:text-red-400"}>
            {result.message}
          </p>
        )}
      </form>
      <form {...del.formProps} className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800" noValidate>
        <h3 className="text-sm font-medium text-red-700 dark:text-red-400">Delete my account</h3>
        <p className="text-sm">This removes your account and everything in it, for good. Export a backup first if you may want it back.</p>
        <FormError message={del.state.error} />
        <Field label={`Type your email (${email}) to confirm`} name="confirmEmail" autoComplete="off" error={del.state.fieldErrors?.confirmEmail} />
        <button type="submit" className="rounded-lg bg-red-600 px-4 py-2 font-medium text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-50" disabled={del.pending}>
          {del.pending ? "Deleting…" : "Delete my account"}
        </button>
      </form>
    </section>
  );
}
