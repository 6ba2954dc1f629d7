import { createContext, type ReactNode, useContext, useMemo } from "react";

import { useApiQuery } from "../api/hooks";
import { formatDay, formatInstant, formatMonth, todayIn } from "../format/dates";
import { formatMoney, type MoneyValue } from "../format/money";
import { ViewerDocument, type ViewerQuery } from "../generated/graphql";
import { ErrorMessage, Loading } from "../ui/status";

export type Viewer = NonNullable<ViewerQuery["me"]>;

/** Formatting in the signed-in person's own locale, currency and time zone. */
export interface Format {
  locale: string;
  timeZone: string;
  baseCurrency: string;
  money(value: MoneyValue, options?: { compact?: boolean; signed?: boolean }): string;
  day(day: string, style?: "short" | "medium" | "long"): string;
  instant(iso: string, style?: "short" | "medium"): string;
  month(month: string): string;
  /** Today in the person's time zone ("2026-12-06"). */
  today(): string;
}

const ViewerContext = createContext<{ viewer: Viewer; format: Format } | undefined>(undefined);

/** The browser's locale when the profile has none the browser knows. */
function usableLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : navigator.language;
  } catch {
    return navigator.language;
  }
}

export function formatFor(viewer: Pick<Viewer, "locale" | "timezone" | "preferences">): Format {
  const locale = usableLocale(viewer.locale);
  const timeZone = viewer.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    locale,
    timeZone,
    baseCurrency: viewer.preferences.baseCurrency,
    money: (value, options) => formatMoney(value, locale, options),
    day: (day, style) => formatDay(day, locale, style),
    instant: (iso, style) => formatInstant(iso, locale, timeZone, style),
    month: (month) => formatMonth(month, locale),
    today: () => todayIn(timeZone),
  };
}

/** Loads who is signed in once; every page below reads it with {@link useViewer} and {@link useFormat}. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const me = useApiQuery(ViewerDocument, {});
  const value = useMemo(() => (me.data?.me ? { viewer: me.data.me, format: formatFor(me.data.me) } : undefined), [me.data]);
  if (me.error) return <ErrorMessage error={me.error} />;
  if (!value) return <Loading label="Loading your profile" />;
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const found = useContext(ViewerContext);
  if (!found) throw new Error("useViewer outside <ViewerProvider>");
  return found.viewer;
}

export function useFormat(): Format {
  const found = useContext(ViewerContext);
  if (!found) throw new Error("useFormat outside <ViewerProvider>");
  return found.format;
}
