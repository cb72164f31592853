// The catalogue as the pages and the search box see it.

export interface TrickSummary {
  slug: string;
  name: string;
  title: string;
  summary: string;
  tags: string[];
  aliases: string[];
  searchText: string;
  /** what a practitioner observes that this trick fixes (its diagnose cards), for search */
  symptoms: string[];
  cardCount: number;
  categorySlug: string;
}

export interface CategoryWithTricks {
  slug: string;
  name: string;
  description: string;
  areaSlug: string;
  tricks: TrickSummary[];
}

export interface AreaWithCategories {
  slug: string;
  name: string;
  description: string;
  categories: CategoryWithTricks[];
}
