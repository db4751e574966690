/** Writes rows (the first one the header) as left-aligned columns two spaces apart, for list commands. */
export function printTable(table: readonly (readonly string[])[]): void {
  if (!table.length) return;
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table) {
    process.stdout.write(
      `${row
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
}
