CREATE TABLE "community_keys" (
	"community_id" text NOT NULL,
	"epoch" integer NOT NULL,
	"public_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"enrolled_at" text NOT NULL,
	"retired_at" text,
	CONSTRAINT "community_keys_community_id_epoch_pk" PRIMARY KEY("community_id","epoch")
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "key_epoch" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "reenroll_requested_at" text;--> statement-breakpoint
ALTER TABLE "ingest_log" ADD COLUMN "epoch" integer;--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "epoch" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "reply_packages" ADD COLUMN "epoch" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "packages" DROP CONSTRAINT "packages_community_id_sequence_pk";--> statement-breakpoint
ALTER TABLE "reply_packages" DROP CONSTRAINT "reply_packages_community_id_sequence_pk";--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_community_id_epoch_sequence_pk" PRIMARY KEY("community_id","epoch","sequence");--> statement-breakpoint
ALTER TABLE "reply_packages" ADD CONSTRAINT "reply_packages_community_id_epoch_sequence_pk" PRIMARY KEY("community_id","epoch","sequence");--> statement-breakpoint
INSERT INTO "community_keys" ("community_id", "epoch", "public_key", "fingerprint", "enrolled_at")
  SELECT "community_id", 1, "public_key", coalesce("fingerprint", ''), coalesce("enrolled_at", "created_at") FROM "communities" WHERE "public_key" IS NOT NULL;
