export interface CategoryChoiceArea {
  name: string;
  categories: { slug: string; name: string; tricks?: number; cards?: number }[];
}

interface Props {
  areas: CategoryChoiceArea[];
  /** initially ticked (uncontrolled), or ticked now when `onToggle` is given (controlled) */
  checked: (slug: string) => boolean;
  onToggle?: (slug: string, on: boolean) => void;
  error?: string;
}

/**
 * The catalogue's categories as checkboxes named "categories", one group per area. Each area is
 * a fieldset with a legend rather than a heading, so the page's heading order stays intact.
 */
export function CategoryCheckboxes({ areas, checked, onToggle, error }: Props) {
  return (
    <>
      {error && <p className="mt-2 text-sm text-red-700 dark:text-red-400">{error}</p>}
      <div className="mt-3 grid gap-6 sm:grid-cols-2">
        {areas.map((area) => (
          <fieldset key={area.name}>
            <legend className="text-sm font-semibold">{area.name}</legend>
            <ul className="mt-2 space-y-1">
              {area.categories.map((c) => (
                <li key={c.slug}>
                  <label className="flex min-h-8 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="categories"
                      value={c.slug}
                      {...(onToggle ? { checked: checked(c.slug), onChange: (e) => onToggle(c.slug, e.target.checked) } : { defaultChecked: checked(c.slug) })}
                    />
                    {c.name}
                    {c.tricks !== undefined && <span className="text-slate-600 dark:text-slate-400">({c.tricks})</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
    </>
  );
}
