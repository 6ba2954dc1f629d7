import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Notification preferences become per kind and channel, with quiet hours and a digest. Rows in the
 * older shape (five switches) are rewritten whole: every kind with its default channels, e-mail and
 * push off for the kinds of a switch that was off, digest WEEKLY where weeklySummary was on. The
 * defaults are written out here, as they stood, so this migration means the same thing forever.
 */
export class NotificationPreferencesDefaults1796570000000 implements MigrationInterface {
  name = "NotificationPreferencesDefaults1796570000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE identity.users u SET notification_preferences = jsonb_build_object(
        'kinds', (
          SELECT jsonb_agg(jsonb_build_object(
                   'kind', d.kind,
                   'inApp', true,
                   'email', d.email AND coalesce((u.notification_preferences->>d.switch)::boolean, true),
                   'push', d.push AND coalesce((u.notification_preferences->>d.switch)::boolean, true))
                 ORDER BY d.ord)
          FROM (VALUES
            (1, 'BUDGET_THRESHOLD', false, true, 'budgetAlerts'),
            (2, 'BUDGET_EXCEEDED', true, true, 'budgetAlerts'),
            (3, 'SAVINGS_GOAL_REACHED', false, true, 'goalProgress'),
            (4, 'BILL_DUE', true, true, 'billReminders'),
            (5, 'INSTALLMENT_DUE', true, true, 'billReminders'),
            (6, 'INSTALLMENT_OVERDUE', true, true, 'billReminders'),
            (7, 'GROUP_INVITATION', true, true, NULL),
            (8, 'GROUP_EXPENSE', false, false, NULL),
            (9, 'GROUP_GOAL_REACHED', false, true, 'goalProgress'),
            (10, 'ANOMALY', true, false, NULL),
            (11, 'NEGATIVE_BALANCE_PROJECTED', true, true, NULL),
            (12, 'NEW_SIGN_IN', true, true, 'securityAlerts'),
            (13, 'MFA_CHANGED', true, true, 'securityAlerts'),
            (14, 'API_KEY_CREATED', true, false, 'securityAlerts'),
            (15, 'WEBHOOK_DISABLED', true, false, NULL),
            (16, 'CHANNEL_PAUSED', false, false, NULL),
            (17, 'REPORT_READY', true, false, NULL)
          ) AS d(ord, kind, email, push, switch)),
        'quietHours', 'null'::jsonb,
        'digest', CASE WHEN coalesce((u.notification_preferences->>'weeklySummary')::boolean, false) THEN 'WEEKLY' ELSE 'OFF' END)
      WHERE NOT (u.notification_preferences ? 'kinds')`);
  }

  async down(): Promise<void> {
    // The switches are views over the kinds (notifications/notification-preferences.ts): nothing to restore.
  }
}
