import type { ModuleManifest } from "../platform/http/types.ts";
import { accountsModule } from "./accounts/manifest.ts";
import { agenciesModule } from "./agencies/manifest.ts";
import { calendarModule } from "./calendar/manifest.ts";
import { commitmentsModule } from "./commitments/manifest.ts";
import { dialoguesModule } from "./dialogues/manifest.ts";
import { directivesModule } from "./directives/manifest.ts";
import { newsModule } from "./news/manifest.ts";
import { notificationsModule } from "./notifications/manifest.ts";
import { petitionsModule } from "./petitions/manifest.ts";
import { reportsModule } from "./reports/manifest.ts";
import { routingModule } from "./routing/manifest.ts";
import { trainingModule } from "./training/manifest.ts";
import { unitsModule } from "./units/manifest.ts";

/** Every capability the application is made of, in the order their routes are registered. */
export const modules: ModuleManifest[] = [
  accountsModule,
  notificationsModule,
  petitionsModule,
  reportsModule,
  unitsModule,
  agenciesModule,
  calendarModule,
  routingModule,
  commitmentsModule,
  newsModule,
  directivesModule,
  dialoguesModule,
  trainingModule,
];
