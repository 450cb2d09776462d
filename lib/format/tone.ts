/** How alarming a value is, as lib's label tables say and the console's badges show. */
export type Tone = "neutral" | "blue" | "green" | "amber" | "red";
