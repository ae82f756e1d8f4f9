import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Actor, Grant } from "../../platform/http/types.ts";
import {
  type CourseSubject,
  canCreateCourse,
  canDownloadCertificate,
  canEditTopics,
  canManageCourse,
  canOverseeTraining,
  canSelfEnrol,
  canTakeTest,
  canViewCourse,
  canViewRecord,
} from "./policy.ts";

const COMMUNE = "/1/20/";
const VILLAGE = "/1/20/300/";
const OTHER_COMMUNE = "/1/21/";
const OTHER_VILLAGE = "/1/21/400/";

let nextId = 1;
const actor = (...grants: Grant[]): Actor => ({
  id: nextId++,
  username: "u",
  fullName: "U",
  locale: "vi",
  grants,
  mustChangePassword: false,
  via: "session",
});
const g = (role: string, unitPath: string | null): Grant => ({
  role,
  unitId: null,
  unitPath,
  agencyId: null,
});

const people = {
  villageHead: actor(g("village_head", VILLAGE)),
  otherVillageHead: actor(g("village_head", OTHER_VILLAGE)),
  communeOfficer: actor(g("commune_officer", COMMUNE)),
  coordinator: actor(g("coordinator", "/1/")),
  leader: actor(g("leader", "/1/")),
  trainer: actor(g("trainer", "/1/")),
  otherTrainer: actor(g("trainer", "/1/")),
  admin: actor(g("admin", null)),
  editor: actor(g("editor", "/1/")),
};
type Who = keyof typeof people;

const course: CourseSubject = {
  trainerId: people.trainer.id,
  openEnrolment: true,
  targetRole: "village_head",
  targetPaths: [COMMUNE],
};

test("role × action: who creates, manages, oversees, edits topics", () => {
  const expected: Record<Who, [create: boolean, manage: boolean, oversee: boolean, topics: boolean]> = {
    villageHead: [false, false, false, false],
    otherVillageHead: [false, false, false, false],
    communeOfficer: [false, false, false, false],
    coordinator: [false, false, true, false],
    leader: [false, false, true, false],
    trainer: [true, true, true, true],
    otherTrainer: [true, false, true, true],
    admin: [true, true, true, true],
    editor: [false, false, false, false],
  };
  for (const [who, [create, manage, oversee, topics]] of Object.entries(expected)) {
    const a = people[who as Who];
    assert.equal(canCreateCourse(a), create, `${who} create`);
    assert.equal(canManageCourse(a, course), manage, `${who} manage`);
    assert.equal(canOverseeTraining(a), oversee, `${who} oversee`);
    assert.equal(canEditTopics(a), topics, `${who} topics`);
  }
  assert.equal(canCreateCourse(null), false);
  assert.equal(canManageCourse(null, course), false);
});

test("trainers manage only their own courses; admins every course", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), (trainerId) => {
      const c = { ...course, trainerId };
      assert.equal(canManageCourse(people.trainer, c), trainerId === people.trainer.id);
      assert.equal(canManageCourse(people.admin, c), true);
      assert.equal(canManageCourse(people.coordinator, c), false);
      assert.equal(
        canDownloadCertificate(people.otherTrainer, people.villageHead.id, c),
        trainerId === people.otherTrainer.id,
      );
    }),
  );
});

test("a village head sees only their own record; overseers see anyone's", () => {
  const vh = people.villageHead;
  assert.equal(canViewRecord(vh, vh.id), true);
  assert.equal(canViewRecord(vh, people.otherVillageHead.id), false);
  assert.equal(canViewRecord(people.communeOfficer, vh.id), false);
  for (const who of ["coordinator", "leader", "trainer", "admin"] as const)
    assert.equal(canViewRecord(people[who], vh.id), true, who);
  assert.equal(canViewRecord(null, vh.id), false);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), (other) => {
      assert.equal(canViewRecord(vh, other), other === vh.id);
    }),
  );
});

test("self-enrolment: open course, the right role inside the target only", () => {
  assert.equal(canSelfEnrol(people.villageHead, course), true);
  assert.equal(canSelfEnrol(people.otherVillageHead, course), false, "outside the target communes");
  assert.equal(canSelfEnrol(people.communeOfficer, course), false, "not the target role");
  assert.equal(canSelfEnrol(people.villageHead, { ...course, openEnrolment: false }), false, "closed course");
  assert.equal(
    canSelfEnrol(people.otherVillageHead, { ...course, targetPaths: [COMMUNE, OTHER_COMMUNE] }),
    true,
  );
  assert.equal(canSelfEnrol(null, course), false);
});

test("course pages: the target, the enrolled and overseers; the test and certificate: only the holder", () => {
  assert.equal(canViewCourse(people.villageHead, course, false), true);
  assert.equal(canViewCourse(people.otherVillageHead, course, false), false);
  assert.equal(canViewCourse(people.otherVillageHead, course, true), true);
  assert.equal(canViewCourse(people.editor, course, false), false);
  const vh = people.villageHead;
  assert.equal(canTakeTest(vh, vh.id, "enrolled"), true);
  assert.equal(canTakeTest(vh, vh.id, "waitlisted"), false);
  assert.equal(canTakeTest(people.admin, vh.id, "enrolled"), false, "nobody sits the test for someone");
  assert.equal(canDownloadCertificate(vh, vh.id, course), true);
  assert.equal(canDownloadCertificate(people.otherVillageHead, vh.id, course), false);
  assert.equal(canDownloadCertificate(people.trainer, vh.id, course), true);
  assert.equal(canDownloadCertificate(people.coordinator, vh.id, course), false);
});
