import type { ModuleManifest } from "../platform/http/types.ts";
import { accountsModule } from "./accounts/manifest.ts";
import { notificationsModule } from "./notifications/manifest.ts";
import { reportsModule } from "./reports/manifest.ts";

/** Every capability the application is made of, in the order their routes are registered. */
export const modules: ModuleManifest[] = [accountsModule, notificationsModule, reportsModule];
