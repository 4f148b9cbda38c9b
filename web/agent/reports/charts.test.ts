import { describe, expect, it } from "vitest";
import { chartSpecs, seriesColor } from "./charts.ts";

describe("report chart colours", () => {
  it("draws bad news red and good news green, in every chart that has them", () => {
    const colours = (key: keyof typeof chartSpecs) =>
      Object.fromEntries((chartSpecs[key]?.series ?? []).map((name, i) => [name, seriesColor(name, i)]));
    expect(colours("sla:targets")).toEqual({ met: "teal.6", missed: "red.6" });
    expect(colours("satisfaction:by_agent")).toEqual({ good: "teal.6", bad: "red.6" });
    // Other series take the palette in order.
    expect(colours("volume:created_vs_solved")).toEqual({ created: "blue.6", solved: "teal.6" });
  });
});
