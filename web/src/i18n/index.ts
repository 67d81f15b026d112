/**
 * The message layer: Vietnamese by default, English on request. `t()` gives the current catalogue
 * (typed, so a missing or misspelt key fails the build); `tx()` picks a side of a domain `Text`.
 * Components re-render on a switch through `LocaleController`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { vi, type Messages } from './vi.js';
import { en } from './en.js';

export type Locale = 'vi' | 'en';
export type { Messages };

const catalogues: Record<Locale, Messages> = { vi, en };
const STORAGE_KEY = 'thidua.locale';
const EVENT = 'thidua-locale-change';

function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Locale = initialLocale();

export const locale = (): Locale => current;
export const t = (): Messages => catalogues[current];

/** Vietnamese first: English falls back to Vietnamese when a text has no translation. */
export function tx(text: { vi: string; en: string } | undefined | null): string {
  if (!text) return '';
  return current === 'en' && text.en ? text.en : text.vi;
}

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  globalThis.dispatchEvent?.(new Event(EVENT));
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** 95,5 in Vietnamese, 95.5 in English; at most two decimals. */
export function formatNumber(n: number, digits = 2): string {
  const key = `${current}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(current === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString(current === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(current === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/** Re-renders its host when the language changes. */
export class LocaleController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    globalThis.addEventListener(EVENT, this.onChange);
  }
  hostDisconnected(): void {
    globalThis.removeEventListener(EVENT, this.onChange);
  }
}
