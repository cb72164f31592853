// What the progress page shows (server/queries/progress.ts builds it).
import type { TrickRow } from "@/lib/stats/mastery";

export type Progress = {
    today: string;
    dailyGoal: number;
    desiredRetention: number;
    reviewedToday: number;
    categories: {
        score: number;
        band: import("@/lib/stats/mastery").MasteryBand;
        quiz: {
            answered: number;
            correct: number;
        } | null;
        cards: number;
        new: number;
        learning: number;
        young: number;
        mature: number;
        recall: number | null;
        slug: string;
        name: string;
        area: string;
    }[];
    tricks: TrickRow[];
    trickCategory: {
        [k: string]: string;
    };
    heatmap: import("@/lib/stats/activity").HeatmapDay[][];
    streaks: import("@/lib/stats/activity").Streaks;
    activeDays: number;
    forecast: {
        key: string;
        count: number;
    }[];
    retention: import("@/lib/stats/retention").RetentionWindow[];
    calibration: {
        bins: import("@/lib/stats/retention").CalibrationBin[];
        total: number;
        enough: boolean;
    };
    totals: {
        studied: number;
        reviews: number;
        timeMs: number;
    };
};
