CREATE TABLE "news_images" (
	"key" text PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
