import {
  QUANG_NINH_HIGHLAND_COMMUNES,
  QUANG_NINH_ISLAND_COMMUNES,
} from "../modules/units/data/demoVillages.ts";

/**
 * What differs between provinces lives here, typed (after FixMyStreet's cobrands): never an
 * `if (province === …)` in a module.
 */
export type ProvinceProfile = {
  code: string;
  /** File of the province's departments in the admin data folder, if it has one. */
  departmentsFile: string | null;
  demo: {
    villages: number;
    /** The commune whose officer and one village head are the demo accounts. */
    communeCode: string | null;
    /** The department the demo agency officer works for (short code from the departments file). */
    agencyShortCode: string | null;
    highlandCommunes: ReadonlySet<string>;
    islandCommunes: ReadonlySet<string>;
  };
};

const quangNinh: ProvinceProfile = {
  code: "22",
  departmentsFile: "quang_ninh_departments_2025.csv",
  demo: {
    villages: 1452,
    communeCode: "06862", // Xã Tiên Yên: rural, with thôn and bản
    agencyShortCode: "SNNMT", // Sở Nông nghiệp và Môi trường
    highlandCommunes: QUANG_NINH_HIGHLAND_COMMUNES,
    islandCommunes: QUANG_NINH_ISLAND_COMMUNES,
  },
};

const profiles: Record<string, ProvinceProfile> = { "22": quangNinh };

/** A province without a profile of its own still runs: plain defaults, about 25 villages per commune. */
export function profileFor(code: string, communeCount: number): ProvinceProfile {
  return (
    profiles[code] ?? {
      code,
      departmentsFile: null,
      demo: {
        villages: communeCount * 25,
        communeCode: null,
        agencyShortCode: null,
        highlandCommunes: new Set(),
        islandCommunes: new Set(),
      },
    }
  );
}
