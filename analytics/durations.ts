/**
 * Durations for people: hours as computed (`0.007`) printed in the unit that fits ("25 s"), so a
 * figure never reads as a tiny fraction of an hour or hundreds of hours. The API keeps exact hours.
 */

const MINUTE = 1 / 60;
const SECOND = 1 / 3_600;

/** At most one decimal, none when it is .0; the decimal point a dot, as in the tables. */
function short(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/**
 * `hours` → "25 s", "12 min", "8 h", "3.5 d"; `null` → "n/a". Seconds below a minute, minutes
 * below an hour, hours below two days (a day and a half reads better as 36 h), days from there.
 */
export function formatDuration(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return 'n/a';
  if (hours < 0) return `−${formatDuration(-hours)}`;
  // Rounding decides the unit, so 59.6 s prints as "1 min", not "60 s".
  const seconds = Math.round(hours / SECOND);
  if (seconds < 60) return `${seconds} s`;
  const minutes = hours / MINUTE;
  if (Math.round(minutes * 10) / 10 < 60) return `${short(minutes)} min`;
  if (Math.round(hours * 10) / 10 < 48) return `${short(hours)} h`;
  return `${short(hours / 24)} d`;
}
