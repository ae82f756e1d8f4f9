// Entry of a generate.ts loader thread: worker threads do not inherit tsx's hooks, so register them here.
import { register } from "tsx/esm/api";

register();
await import("./generate.ts");
