CREATE TABLE "consents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"recipient" text NOT NULL,
	"scope" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"evidence_ref" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "dkim_keys" (
	"domain" text PRIMARY KEY NOT NULL,
	"selector" text NOT NULL,
	"algorithm" text NOT NULL,
	"private_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domain_probes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"domain" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"probe" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domain_status" (
	"domain" text PRIMARY KEY NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_probed_at" timestamp with time zone,
	"last_probe" jsonb,
	"tls_first_seen_at" timestamp with time zone,
	"tls_last_seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mta_sts_policies" (
	"domain" text PRIMARY KEY NOT NULL,
	"entry" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"hash" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"sealed_text" "bytea" NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	"loaded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tls_report_results" (
	"day" date NOT NULL,
	"policy_domain" text NOT NULL,
	"policy_type" text NOT NULL,
	"policy_string" jsonb NOT NULL,
	"mx_host" text NOT NULL,
	"result_type" text NOT NULL,
	"receiving_ip" text NOT NULL,
	"sending_ip" text NOT NULL,
	"success_count" bigint NOT NULL,
	"failure_count" bigint NOT NULL,
	CONSTRAINT "tls_report_results_key" UNIQUE("day","policy_domain","policy_type","mx_host","result_type","receiving_ip")
);
--> statement-breakpoint
CREATE INDEX "consents_recipient" ON "consents" USING btree ("recipient","scope");--> statement-breakpoint
CREATE INDEX "domain_probes_domain" ON "domain_probes" USING btree ("domain","id");