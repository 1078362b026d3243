"""The bar chart of activities per line per month, as PNG bytes.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no display,
no global state), so it is safe to render in a worker thread while the bot
keeps answering.
"""

from __future__ import annotations

import io
import textwrap

from bot.activities.summary import Summary
from bot.dates import MONTHS
from bot.texts import report as texts

# Okabe–Ito: distinguishable with the common forms of colour blindness and in greyscale print.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]


def month_label(year: int, month: int, with_year: bool) -> str:
    name = MONTHS[month - 1][:3]
    return f"{name} {year}" if with_year else name


def activity_chart(summary: Summary, *, title: str | None = None) -> bytes:
    """Grouped bars (one group per month, one bar per line); stacked beyond six months."""
    months = summary.months
    lines = summary.lines
    years = {y for y, _ in months}
    labels = [month_label(y, m, len(years) > 1) for y, m in months]
    stacked = len(months) > 6

    # matplotlib takes about 0.3 s to import: load it when a chart is drawn, not when
    # the bot starts.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(9, 4.8), dpi=120, layout="constrained")
    axes = figure.add_subplot()
    width = 0.8 if stacked else 0.8 / max(len(lines), 1)
    bottoms = [0] * len(months)
    for i, line in enumerate(lines):
        values = [summary.by_month.get(m, {}).get(line.number, 0) for m in months]
        color = PALETTE[i % len(PALETTE)]
        label = f"{line.number}. " + textwrap.shorten(line.name, 52, placeholder="…")
        if stacked:
            positions = list(range(len(months)))
            axes.bar(positions, values, width, bottom=bottoms, label=label, color=color)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        else:
            positions = [x - 0.4 + width * (i + 0.5) for x in range(len(months))]
            bars = axes.bar(positions, values, width, label=label, color=color)
            axes.bar_label(bars, labels=[str(v) if v else "" for v in values], fontsize=8,
                           padding=1)
    axes.set_xticks(range(len(months)), labels)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel(texts.CHART_Y)
    axes.set_title(title or texts.CHART_TITLE.format(period=summary.period.label),
                   fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
    axes.set_axisbelow(True)
    axes.margins(y=0.12)
    figure.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
