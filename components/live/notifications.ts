"use client";

const ASKED_KEY = "atelier.notifications-asked";

/**
 * Asks once whether finished generations may notify, on the person's first generation (a click,
 * so the browser shows the prompt) rather than on page load. Never asks again after an answer or
 * a dismissal; the browser's site settings are where a change of mind goes.
 */
export function askToNotifyOnce(): void {
  if (typeof Notification === "undefined" || Notification.permission !== "default") return;
  try {
    if (localStorage.getItem(ASKED_KEY)) return;
    localStorage.setItem(ASKED_KEY, "1");
  } catch {
    // Storage refused (private mode): asking each session is the lesser evil.
  }
  void Notification.requestPermission();
}

export const mayNotify = () => typeof Notification !== "undefined" && Notification.permission === "granted";
