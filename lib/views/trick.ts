// One trick as its page shows it (server/queries/catalogue.ts getTrick), and the user's standing per card.

export type TrickDetail = {
    tags: string[];
    aliases: string[];
    corrections: string[];
    references: {
        authors: string[];
        year: number | null;
        unknown: boolean;
        url: string | null;
        position: number;
        title: string | null;
        id: number;
        trickSlug: string;
        venue: string | null;
        note: string | null;
    }[];
    previous: {
        name: string;
        slug: string;
    } | null;
    next: {
        name: string;
        slug: string;
    } | null;
    category: {
        area: {
            name: string;
            slug: string;
            description: string;
            position: number;
        };
    } & {
        name: string;
        slug: string;
        areaSlug: string;
        description: string;
        position: number;
    };
    cards: {
        key: string;
        position: number;
        contentHash: string;
        archivedAt: Date | null;
        createdAt: Date;
        updatedAt: Date;
        id: string;
        trickSlug: string;
        kind: string;
        prompt: string;
        answer: string;
    }[];
    name: string;
    what: string;
    why: string | null;
    when: string | null;
    slug: string;
    position: number;
    categorySlug: string;
    title: string;
    summary: string;
    body: string | null;
    contentHash: string;
    archivedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
};

export type CardProgress = {
    standing: import("@/lib/stats/card-status").CardStanding;
    recall: number | null;
    due: Date | null;
    lapses: number;
    reps: number;
    suspended: boolean;
};
