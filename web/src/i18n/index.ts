/**
 * The message layer: Vietnamese by default, English on request. `t()` gives the current catalogue
 * (typed, so a missing or misspelt key fails the build); `tx()` picks a side of a domain `Text`.
 * Components re-render on a switch through `LocaleController`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDate as fmtDate, formatNumber as fmtNumber, formatPercent as fmtPercent, issuesByField, issuesMessage, type IssueLike } from '@thidua/domain';
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

/** 95,5 in Vietnamese, 95.5 in English; at most two decimals (domain/src/format.ts). */
export const formatNumber = (n: number, digits = 2): string => fmtNumber(n, current, digits);

/** "83,33 %" in Vietnamese, "83.33%" in English. */
export const formatPercent = (n: number, digits = 2): string => fmtPercent(n, current, digits);

/** dd/mm/yyyy, the day in Vietnam. */
export const formatDate = (ms: number): string => fmtDate(ms);

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(current === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/** A form's labels in the current language, as the issue sentences want them. */
const asLabels = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, { vi: v, en: v }]));

/** A form's zod issues as sentences in the current language naming its fields by `labels` (path → label). */
export const issuesText = (issues: readonly IssueLike[], labels: Record<string, string> = {}): string => issuesMessage(issues, asLabels(labels), current);

/** The same, one sentence per top-level field: what a form shows under each box. */
export const issuesTextByField = (issues: readonly IssueLike[], labels: Record<string, string> = {}): Record<string, string> =>
  issuesByField(issues, asLabels(labels), current);

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
