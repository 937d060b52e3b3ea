CREATE TABLE "communities" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"name" text NOT NULL,
	"org_kind" text,
	"public_key" text,
	"fingerprint" text,
	"enroll_code_hash" text,
	"enroll_code_expires_at" text,
	"enrolled_at" text,
	"last_sequence" integer DEFAULT 0 NOT NULL,
	"last_received_at" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"community_id" text NOT NULL,
	"uid" text NOT NULL,
	"data" jsonb NOT NULL,
	"sequence" integer NOT NULL,
	"record_uid" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	CONSTRAINT "documents_community_id_uid_pk" PRIMARY KEY("community_id","uid")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_identity" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"hub_id" text NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"private_key_pem" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"community_id" text,
	"sequence" integer,
	"sha256" text,
	"size" integer NOT NULL,
	"source" text NOT NULL,
	"ok" boolean NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"community_id" text NOT NULL,
	"uid" text NOT NULL,
	"data" jsonb NOT NULL,
	"sequence" integer NOT NULL,
	"title" text NOT NULL,
	"created_on" text NOT NULL,
	"steps" jsonb NOT NULL,
	"steps_done" integer NOT NULL,
	CONSTRAINT "matters_community_id_uid_pk" PRIMARY KEY("community_id","uid")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"community_id" text NOT NULL,
	"uid" text NOT NULL,
	"data" jsonb NOT NULL,
	"sequence" integer NOT NULL,
	"title" text NOT NULL,
	"type_name" text NOT NULL,
	"date" text NOT NULL,
	"status" text,
	"expected" integer,
	"present" integer,
	CONSTRAINT "meetings_community_id_uid_pk" PRIMARY KEY("community_id","uid")
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"community_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"record_count" integer NOT NULL,
	"created_at" text,
	"received_at" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "packages_community_id_sequence_pk" PRIMARY KEY("community_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "reply_items" (
	"uid" text PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"kind" text NOT NULL,
	"target_uid" text NOT NULL,
	"data" jsonb NOT NULL,
	"actor" text NOT NULL,
	"created_at" text NOT NULL,
	"package_sequence" integer,
	CONSTRAINT "reply_items_kind_check" CHECK ("reply_items"."kind" in ('备案审查意见', '报到答复'))
);
--> statement-breakpoint
CREATE TABLE "reply_packages" (
	"community_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"acknowledged_sequence" integer NOT NULL,
	"text" text NOT NULL,
	"sha256" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "reply_packages_community_id_sequence_pk" PRIMARY KEY("community_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"community_id" text NOT NULL,
	"uid" text NOT NULL,
	"data" jsonb NOT NULL,
	"sequence" integer NOT NULL,
	"meeting_uid" text,
	"number" text,
	"title" text NOT NULL,
	"responsible" text,
	"deadline" text,
	"completed_on" text,
	"progress_percent" integer,
	CONSTRAINT "resolutions_community_id_uid_pk" PRIMARY KEY("community_id","uid")
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"community_id" text NOT NULL,
	"uid" text NOT NULL,
	"data" jsonb NOT NULL,
	"sequence" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"stage" text NOT NULL,
	"adopted_on" text,
	"filing_due" text,
	"filing_authority" text,
	"filed_on" text,
	CONSTRAINT "rules_community_id_uid_pk" PRIMARY KEY("community_id","uid")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" text NOT NULL,
	"expires_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summons" (
	"community_id" text NOT NULL,
	"uid" text NOT NULL,
	"data" jsonb NOT NULL,
	"sequence" integer NOT NULL,
	"topic_uid" text,
	"department" text NOT NULL,
	"summoned_at" text NOT NULL,
	"summoned_on" text NOT NULL,
	"report_within_hours" integer NOT NULL,
	"reported_at" text,
	"reported_in_time" boolean NOT NULL,
	"resolved" boolean,
	"evaluation" text,
	CONSTRAINT "summons_community_id_uid_pk" PRIMARY KEY("community_id","uid")
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"community_id" text NOT NULL,
	"uid" text NOT NULL,
	"data" jsonb NOT NULL,
	"sequence" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"received_on" text NOT NULL,
	"satisfaction" text,
	CONSTRAINT "topics_community_id_uid_pk" PRIMARY KEY("community_id","uid")
);
--> statement-breakpoint
CREATE TABLE "used_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"role" text NOT NULL,
	"department" text,
	"password_hash" text NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('街道管理员', '部门', '只读')),
	CONSTRAINT "users_department_check" CHECK ("users"."role" <> '部门' or "users"."department" is not null)
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "communities_community_id" ON "communities" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "communities_name" ON "communities" USING btree ("name");--> statement-breakpoint
CREATE INDEX "documents_record" ON "documents" USING btree ("community_id","record_uid");--> statement-breakpoint
CREATE INDEX "ingest_log_community" ON "ingest_log" USING btree ("community_id","at");--> statement-breakpoint
CREATE INDEX "matters_created_on" ON "matters" USING btree ("created_on");--> statement-breakpoint
CREATE INDEX "meetings_date" ON "meetings" USING btree ("date");--> statement-breakpoint
CREATE INDEX "meetings_community_date" ON "meetings" USING btree ("community_id","date");--> statement-breakpoint
CREATE INDEX "reply_items_target" ON "reply_items" USING btree ("community_id","target_uid");--> statement-breakpoint
CREATE INDEX "reply_items_unsent" ON "reply_items" USING btree ("community_id") WHERE "reply_items"."package_sequence" is null;--> statement-breakpoint
CREATE INDEX "resolutions_open_deadline" ON "resolutions" USING btree ("deadline") WHERE "resolutions"."completed_on" is null;--> statement-breakpoint
CREATE INDEX "resolutions_community_deadline" ON "resolutions" USING btree ("community_id","deadline");--> statement-breakpoint
CREATE INDEX "rules_filed_on" ON "rules" USING btree ("filed_on");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "summons_summoned_on" ON "summons" USING btree ("summoned_on");--> statement-breakpoint
CREATE INDEX "summons_department_on" ON "summons" USING btree ("department","summoned_on");--> statement-breakpoint
CREATE INDEX "summons_community_on" ON "summons" USING btree ("community_id","summoned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username" ON "users" USING btree ("username");