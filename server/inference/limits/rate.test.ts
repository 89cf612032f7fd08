import { createLimits } from "./limits";
import { defineRateSuite } from "./rate-suite";

defineRateSuite("rate limits (memory)", () => createLimits({ store: "memory", loadUsed: async () => 0 }));
