// What the signed-in home page shows (server/queries/home.ts).

export type HomeView = {
    left: {
        learning: number;
        review: number;
        new: number;
    };
    dueNow: number;
    later: {
        count: number;
        nextDue: Date | null;
    };
    reviewedToday: number;
    dailyGoal: number;
    streaks: import("@/lib/stats/activity").Streaks;
    weakest: {
        slug: string;
        name: string;
        recall: number | null;
    } | null;
    studiedAny: boolean;
    tomorrow: {
        due: number;
        new: number;
    };
};
