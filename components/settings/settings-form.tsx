"use client";

import { CategoryCheckboxes, type CategoryChoiceArea } from "@/components/ui/category-checkboxes";
import { Field, FormError } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { StudySettings } from "@/lib/srs/settings";
import { updateSettings } from "@/server/actions/update-settings";

interface Props {
  settings: StudySettings;
  areas: CategoryChoiceArea[];
  timeZones: string[];
}

export function SettingsForm({ settings, areas, timeZones }: Props) {
  const { state, pending, formProps } = useFormAction(updateSettings);
  const f = state.fieldErrors ?? {};
  const disabled = new Set(settings.disabledCategories);
  return (
    <form {...formProps} className="space-y-8" noValidate>
      <FormError message={state.error} />
      {state.ok && state.message && (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-500/40 dark:bg-emerald-500/10 dark:text-emerald-100">
          {state.message}
        </p>
      )}

      <fieldset className="card-surface space-y-4 p-5">
        <legend className="px-1 font-semibold">Scheduling (FSRS)</legend>
        <Field
          key={settings.desiredRetention}
          label="Desired retention"
          name="desiredRetention"
          type="number"
          step="0.01"
          min="0.7"
          max="0.99"
          defaultValue={settings.desiredRetention}
          error={f.desiredRetention}
          hint="The chance you still recall a card when it comes due (0.70–0.99). Higher means you forget less, but reviews come sooner and more often: each step above 0.90 costs noticeably more reviews."
        />
        <Field label="Maximum interval (days)" name="maximumInterval" type="number" min="1" max="36500" defaultValue={settings.maximumInterval} error={f.maximumInterval} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Learning steps" name="learningSteps" defaultValue={settings.learningSteps} error={f.learningSteps} hint="For new cards, e.g. 1m 10m (m, h, d)." />
          <Field label="Relearning steps" name="relearningSteps" defaultValue={settings.relearningSteps} error={f.relearningSteps} hint="After you forget a card, e.g. 10m." />
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="enableFuzz" defaultChecked={settings.enableFuzz} className="mt-1" />
          <span>
            <span className="font-medium">Fuzz intervals</span>
            <span className="block text-slate-500 dark:text-slate-400">Spread due dates a little so cards learned together do not stay together.</span>
          </span>
        </label>
      </fieldset>

      <fieldset className="card-surface space-y-4 p-5">
        <legend className="px-1 font-semibold">Leeches</legend>
        <p className="text-sm text-slate-600 dark:text-slate-400">A card you keep forgetting is a leech: re-reading its trick helps more than more reviews.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Leech threshold (lapses)"
            name="leechThreshold"
            type="number"
            min="2"
            max="99"
            defaultValue={settings.leechThreshold}
            error={f.leechThreshold}
            hint="A card becomes a leech after this many lapses (default 8); you are warned at half."
          />
          <div>
            <label htmlFor="field-leechAction" className="block text-sm font-medium">
              When a card becomes a leech
            </label>
            <select id="field-leechAction" name="leechAction" defaultValue={settings.leechAction} className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
              <option value="flag">Flag it only</option>
              <option value="suspend">Flag and suspend it</option>
            </select>
            {f.leechAction && <p className="mt-1 text-sm text-red-600">{f.leechAction}</p>}
          </div>
        </div>
      </fieldset>

      <fieldset className="card-surface space-y-4 p-5">
        <legend className="px-1 font-semibold">Daily limits</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="New cards per day" name="newCardsPerDay" type="number" min="0" max="500" defaultValue={settings.newCardsPerDay} error={f.newCardsPerDay} />
          <Field label="Reviews per day" name="reviewsPerDay" type="number" min="1" max="9999" defaultValue={settings.reviewsPerDay} error={f.reviewsPerDay} hint="Counts new cards too." />
          <Field label="Daily goal (cards)" name="dailyGoal" type="number" min="1" max="9999" defaultValue={settings.dailyGoal} error={f.dailyGoal} />
        </div>
      </fieldset>

      <fieldset className="card-surface space-y-4 p-5">
        <legend className="px-1 font-semibold">Your day</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="field-dayStartHour" className="block text-sm font-medium">
              A new day starts at
            </label>
            <select id="field-dayStartHour" name="dayStartHour" defaultValue={settings.dayStartHour} className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {String(h).padStart(2, "0")}:00
                </option>
              ))}
            </select>
            {f.dayStartHour && <p className="mt-1 text-sm text-red-600">{f.dayStartHour}</p>}
          </div>
          <div>
            <label htmlFor="field-timeZone" className="block text-sm font-medium">
              Time zone
            </label>
            <select id="field-timeZone" name="timeZone" defaultValue={settings.timeZone} className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
              {timeZones.map((tz) => (
                <option key={tz} value={tz}>
                  {tz}
                </option>
              ))}
            </select>
            {f.timeZone && <p className="mt-1 text-sm text-red-600">{f.timeZone}</p>}
          </div>
        </div>
      </fieldset>

      <fieldset className="card-surface p-5">
        <legend className="px-1 font-semibold">Categories for new cards</legend>
        <p className="text-sm text-slate-500 dark:text-slate-400">New cards come only from the categories you tick. Cards you have started keep their schedule (suspend them to stop).</p>
        <CategoryCheckboxes areas={areas} checked={(slug) => !disabled.has(slug)} error={f.categories} />
      </fieldset>

      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="reschedule" className="mt-1" />
        <span>
          <span className="font-medium">Reschedule all cards now</span>
          <span className="block text-slate-500 dark:text-slate-400">Otherwise new settings apply from each card&apos;s next review.</span>
        </span>
      </label>

      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
