export function formatSeconds(seconds: number): string;
export function buildAnnouncement(lastSeconds: number, firstBuild: boolean): string;
export function heartbeat(elapsed: number, expected: number): string;
