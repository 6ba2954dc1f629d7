import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Webhook endpoints of integrators (the signing secret sealed with AES-256-GCM, the creating
 * credential's scopes), one delivery per (endpoint, event) with its retry state, and every attempt
 * of each with what the receiver answered (at most 1 KB of it).
 */
export class Webhooks1796560007000 implements MigrationInterface {
  name = "Webhooks1796560007000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insights.webhook_endpoints (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        url text NOT NULL,
        description text NOT NULL,
        events text[] NOT NULL,
        -- What the creating session or API key held; re-checked at each delivery.
        scopes text[] NOT NULL,
        api_key_id uuid,
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_expires_at timestamptz,
        enabled boolean NOT NULL,
        disabled_at timestamptz,
        disabled_reason text,
        consecutive_failures integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_endpoints_user ON insights.webhook_endpoints (user_id, created_at)`);
    await q.query(`
      CREATE TABLE insights.webhook_deliveries (
        id uuid PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES insights.webhook_endpoints (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        -- The body as sent, kept as text: its bytes are what the signature covers on every retry.
        payload text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        -- A test delivery (ping) is tried once and counts toward no auto-disable.
        test boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_status_code integer,
        last_duration_ms integer,
        last_error text,
        created_at timestamptz NOT NULL,
        deadline_at timestamptz NOT NULL,
        completed_at timestamptz,
        UNIQUE (endpoint_id, event_id)
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_due ON insights.webhook_deliveries (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_deliveries_log ON insights.webhook_deliveries (endpoint_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_deliveries_user ON insights.webhook_deliveries (user_id)`);
    await q.query(`
      CREATE TABLE insights.webhook_attempts (
        delivery_id uuid NOT NULL REFERENCES insights.webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        user_id uuid NOT NULL,
        attempted_at timestamptz NOT NULL,
        status_code integer,
        duration_ms integer NOT NULL,
        error text,
        response_body text NOT NULL,
        PRIMARY KEY (delivery_id, attempt)
      )`);
    await q.query(`CREATE INDEX webhook_attempts_user ON insights.webhook_attempts (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE insights.webhook_attempts`);
    await q.query(`DROP TABLE insights.webhook_deliveries`);
    await q.query(`DROP TABLE insights.webhook_endpoints`);
  }
}
