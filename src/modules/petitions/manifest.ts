import type { ModuleManifest } from "../../platform/http/types.ts";
import { petitionsMessages } from "./messages.ts";
import { petitionSweeps } from "./sweeps.ts";

export const petitionsModule: ModuleManifest = {
  name: "petitions",
  messages: petitionsMessages,
  sweeps: petitionSweeps,
};
