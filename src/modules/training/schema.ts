import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { units } from "../units/schema.ts";

/** The editable list of what courses are about (admins and trainers add, rename and retire topics). */
export const trainingTopics = pgTable("training_topics", {
  code: text("code").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  sort: integer("sort").notNull().default(0),
  active: boolean("active").notNull().default(true),
});

export const trainingCourses = pgTable(
  "training_courses",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    topicCode: text("topic_code")
      .notNull()
      .references(() => trainingTopics.code),
    format: text("format", { enum: ["in_person", "online", "mixed"] }).notNull(),
    /** The trainer who created the course owns it: only they (and admins) manage it. */
    trainerId: bigint("trainer_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    targetRole: text("target_role").notNull().default("village_head"),
    capacity: integer("capacity"),
    openEnrolment: boolean("open_enrolment").notNull().default(false),
    certificate: boolean("certificate").notNull().default(true),
    /** Percent of correct answers needed; only used when the course has questions. */
    passMark: integer("pass_mark").notNull().default(70),
    /** A retried "create" with the same key returns the course made the first time. */
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_courses_trainer").on(t.trainerId),
    uniqueIndex("training_courses_idem").on(t.idempotencyKey),
  ],
);

/** Unit subtrees the course is for (a commune means every village of it). */
export const trainingCourseTargets = pgTable(
  "training_course_targets",
  {
    courseId: bigint("course_id", { mode: "number" })
      .notNull()
      .references(() => trainingCourses.id),
    unitId: bigint("unit_id", { mode: "number" })
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.unitId] })],
);

export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    courseId: bigint("course_id", { mode: "number" })
      .notNull()
      .references(() => trainingCourses.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull(),
    required: boolean("required").notNull().default(true),
  },
  (t) => [index("training_sessions_course").on(t.courseId)],
);

export const trainingMaterials = pgTable(
  "training_materials",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    courseId: bigint("course_id", { mode: "number" })
      .notNull()
      .references(() => trainingCourses.id),
    title: text("title").notNull(),
    fileKey: text("file_key"),
    mime: text("mime"),
    url: text("url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_materials_course").on(t.courseId)],
);

/** Multiple-choice questions of the course's test; `answer` is the index of the right choice. */
export const trainingQuestions = pgTable(
  "training_questions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    courseId: bigint("course_id", { mode: "number" })
      .notNull()
      .references(() => trainingCourses.id),
    prompt: text("prompt").notNull(),
    choices: jsonb("choices").$type<string[]>().notNull(),
    answer: integer("answer").notNull(),
  },
  (t) => [index("training_questions_course").on(t.courseId)],
);

export const trainingEnrolments = pgTable(
  "training_enrolments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    courseId: bigint("course_id", { mode: "number" })
      .notNull()
      .references(() => trainingCourses.id),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: ["enrolled", "waitlisted", "cancelled"] }).notNull(),
    /** Order on the waiting list: when the place was asked for. */
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    enrolledBy: text("enrolled_by", { enum: ["organiser", "self"] }).notNull(),
    /** What the person's QR code carries (/training/checkin/<token>): random, never the id. */
    qrToken: text("qr_token").notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    certificateCode: text("certificate_code"),
  },
  (t) => [
    uniqueIndex("training_enrolments_person").on(t.courseId, t.userId),
    uniqueIndex("training_enrolments_qr").on(t.qrToken),
    uniqueIndex("training_enrolments_cert").on(t.certificateCode),
    index("training_enrolments_user").on(t.userId),
  ],
);

export const trainingAttendance = pgTable(
  "training_attendance",
  {
    enrolmentId: bigint("enrolment_id", { mode: "number" })
      .notNull()
      .references(() => trainingEnrolments.id),
    sessionId: bigint("session_id", { mode: "number" })
      .notNull()
      .references(() => trainingSessions.id),
    method: text("method", { enum: ["qr", "name"] }).notNull(),
    markedBy: bigint("marked_by", { mode: "number" }).references(() => users.id),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.sessionId] })],
);

export const trainingAttempts = pgTable(
  "training_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    enrolmentId: bigint("enrolment_id", { mode: "number" })
      .notNull()
      .references(() => trainingEnrolments.id),
    correct: integer("correct").notNull(),
    total: integer("total").notNull(),
    score: integer("score").notNull(),
    passed: boolean("passed").notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_attempts_enrolment").on(t.enrolmentId)],
);
