import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore";

describe("Semaphore", () => {
  it("lets `limit` holders in, queues up to maxQueue, refuses the rest at once", async () => {
    const s = new Semaphore(1, 2);
    const first = await s.acquire();
    expect(first).not.toBeNull();
    const order: string[] = [];
    const second = s.acquire().then((r) => (order.push("second"), r));
    const third = s.acquire().then((r) => (order.push("third"), r));
    expect(await s.acquire()).toBeNull(); // queue full: refused without waiting
    expect(s.stats).toEqual({ active: 1, waiting: 2 });
    first!();
    (await second)!();
    (await third)!();
    expect(order).toEqual(["second", "third"]);
    expect(s.stats).toEqual({ active: 0, waiting: 0 });
  });

  it("a double release frees one slot only", async () => {
    const s = new Semaphore(1, 0);
    const r = await s.acquire();
    r!();
    r!();
    expect(s.stats.active).toBe(0);
    const again = await s.acquire();
    expect(again).not.toBeNull();
    expect(await s.acquire()).toBeNull();
  });
});
