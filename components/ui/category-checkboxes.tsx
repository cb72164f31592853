export interface CategoryChoiceArea {
  name: string;
  categories: { slug: string; name: string; tricks?: number }[];
}

/** The catalogue's categories as checkboxes named "categories", grouped by area. */
export function CategoryCheckboxes({ areas, checked, error }: { areas: CategoryChoiceArea[]; checked: (slug: string) => boolean; error?: string }) {
  return (
    <>
      {error && <p className="mt-2 text-sm text-red-600 dark:text-red-400">{error}</p>}
      <div className="mt-3 grid gap-6 sm:grid-cols-2">
        {areas.map((area) => (
          <div key={area.name}>
            <h3 className="text-sm font-semibold">{area.name}</h3>
            <ul className="mt-2 space-y-1">
              {area.categories.map((c) => (
                <li key={c.slug}>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="categories" value={c.slug} defaultChecked={checked(c.slug)} />
                    {c.name}
                    {c.tricks !== undefined && <span className="text-slate-500">({c.tricks})</span>}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </>
  );
}
