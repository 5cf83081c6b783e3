"""Ticket slips: their content and layout, free of Qt (the printer side lives in ``ui``)."""

from desktop_app.printing.slip import (
    BARCODE_IMAGE_URL,
    TRAINING_WATERMARK,
    LayoutSpec,
    SlipLayout,
    TicketSlip,
    format_day_ru,
    format_time_range,
    layout_for_paper_width,
    render_slip_html,
    short_fio,
)

__all__ = [
    "BARCODE_IMAGE_URL",
    "TRAINING_WATERMARK",
    "LayoutSpec",
    "SlipLayout",
    "TicketSlip",
    "format_day_ru",
    "format_time_range",
    "layout_for_paper_width",
    "render_slip_html",
    "short_fio",
]
