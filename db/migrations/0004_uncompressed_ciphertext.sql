-- Ciphertext does not compress: skip TOAST's pglz attempt on every chunk and header
-- (EXTERNAL = out-of-line storage without compression).
ALTER TABLE "message_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "header" SET STORAGE EXTERNAL;
