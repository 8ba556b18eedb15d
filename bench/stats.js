// Small helpers shared by the benchmark scripts: repeated runs, median/min/max, a plain-text table.

/** @param {number[]} values */
function summary(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** "median (min-max)" with a fixed number of decimals. */
function spread(values, decimals = 2) {
	const { median, min, max } = summary(values);
	return `${median.toFixed(decimals)} (${min.toFixed(decimals)}-${max.toFixed(decimals)})`;
}

/** A Markdown table: the README shows it as is. */
function table(headers, rows) {
	const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
	const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
	return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

module.exports = { summary, spread, table };
