import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings/settings-form";
import { requireUser } from "@/server/auth";
import { db } from "@/server/db";
import { getCatalogue } from "@/server/queries/catalogue";
import { loadStudySettings } from "@/server/review/study-settings";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [settings, catalogue] = await Promise.all([loadStudySettings(db, user.id), getCatalogue()]);
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
    </div>
  );
}
