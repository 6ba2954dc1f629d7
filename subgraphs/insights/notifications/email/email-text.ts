import type { RenderedNotification } from "../channels/channel.js";

/** `${appUrl}${path}`, keeping any path the app is served under. */
export function appLink(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

const FOOTER = "You get this because of your Moneta notification settings; change them at ";

/** One notification as a plain-text mail (no HTML: nothing in it can be rendered as markup). */
export function notificationMail(appUrl: string, n: RenderedNotification): { subject: string; text: string } {
  const lines = [n.body];
  if (n.link) lines.push("", appLink(appUrl, n.link));
  lines.push("", "—", `${FOOTER}${appLink(appUrl, "/settings/notifications")}`);
  return { subject: n.title.replace(/[\r\n]+/g, " "), text: lines.join("\n") };
}

/** Several low-priority notifications in one mail, oldest first. */
export function digestMail(appUrl: string, items: RenderedNotification[]): { subject: string; text: string } {
  const lines = [`You have ${items.length} new notification${items.length === 1 ? "" : "s"}:`, ""];
  for (const n of items) {
    lines.push(`• ${n.title}`, `  ${n.body}`);
    if (n.link) lines.push(`  ${appLink(appUrl, n.link)}`);
    lines.push("");
  }
  lines.push("—", `${FOOTER}${appLink(appUrl, "/settings/notifications")}`);
  return { subject: `Your Moneta digest: ${items.length} notification${items.length === 1 ? "" : "s"}`, text: lines.join("\n") };
}
