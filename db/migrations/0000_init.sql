CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"event" text NOT NULL,
	"message_id" text,
	"sender" text,
	"recipient" text,
	"method" text,
	"tls_version" text,
	"tls_cipher" text,
	"mx_host" text,
	"outcome" text,
	"detail" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"domain" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"last_reply" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message_chunks" (
	"message_id" text NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_chunks_message_id_seq_pk" PRIMARY KEY("message_id","seq")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant" text NOT NULL,
	"mail_from" text NOT NULL,
	"size" bigint NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"client_ip" text NOT NULL,
	"inbound_tls" text,
	"smtp_utf8" boolean DEFAULT false NOT NULL,
	"require_tls" boolean DEFAULT false NOT NULL,
	"message_id_header" text,
	"wrapped_key" "bytea" NOT NULL,
	"header" "bytea" NOT NULL,
	"chunk_count" integer NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "audit_events_time" ON "audit_events" USING btree ("time");--> statement-breakpoint
CREATE INDEX "audit_events_message" ON "audit_events" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "delivery_jobs_due" ON "delivery_jobs" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "delivery_jobs_message" ON "delivery_jobs" USING btree ("message_id");