import type { Metadata } from "next";
import { DataPanel } from "@/components/settings/data-panel";
import { OptimizerPanel } from "@/components/settings/optimizer-panel";
import { SettingsForm } from "@/components/settings/settings-form";
import { requireSession } from "@/server/auth";
import { db } from "@/server/db";
import Link from "next/link";
import { SuspendButton } from "@/components/tricks/suspend-button";
import { AccountPanel } from "@/components/settings/account-panel";
import { hasPassword } from "@/server/account/password";
import { getCatalogue } from "@/server/queries/catalogue";
import { suspendedCards } from "@/server/queries/trick-progress";
import { optimizerStatus } from "@/server/optimizer/status";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const { user, settings } = await requireSession("/settings");
  const [catalogue, suspended, withPassword, optimizer] = await Promise.all([getCatalogue(), suspendedCards(db, user.id), hasPassword(db, user.id), optimizerStatus(db, user.id)]);
  const zones = Intl.supportedValuesOf("timeZone");
  const timeZones = zones.includes(settings.timeZone) ? zones : [settings.timeZone, ...zones];
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Settings</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Signed in as {user.email}.</p>
      <div className="mt-6">
        <SettingsForm
          settings={settings}
          timeZones={timeZones.includes("UTC") ? timeZones : ["UTC", ...timeZones]}
          areas={catalogue.map((a) => ({ name: a.name, categories: a.categories.map((c) => ({ slug: c.slug, name: c.name })) }))}
        />
      </div>
      <section aria-labelledby="suspended" className="card-surface mt-8 p-5">
        <h2 id="suspended" className="font-semibold">
          Suspended cards ({suspended.length})
        </h2>
        {suspended.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">None. Press S during a review to suspend a card you never want to see.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800" data-testid="suspended-list">
            {suspended.map((s) => (
              <li key={s.cardId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <Link href={`/tricks/${s.card.trick.slug}`} className="link">
                    {s.card.trick.name}
                  </Link>{" "}
                  <span className="text-slate-600 dark:text-slate-400">· {s.card.kind}</span>
                </span>
                <SuspendButton cardId={s.cardId} suspended />
              </li>
            ))}
          </ul>
        )}
      </section>
      <OptimizerPanel initial={optimizer} />
      <DataPanel email={user.email} />
      <AccountPanel hasPassword={withPassword} />
    </div>
  );
}
