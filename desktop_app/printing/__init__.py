"""Ticket slips: their content and layout, free of Qt (the printer side lives in ``ui``)."""

from typing import TYPE_CHECKING

from desktop_app.lazy import lazy_exports

if TYPE_CHECKING:
    from desktop_app.printing.fill import (
        RESOURCE_LABELS,
        ChosenBooking,
        ResourceKind,
        clinic_zone,
        guess_resource_kind,
        parse_resource_text,
        resource_kind,
    )
    from desktop_app.printing.slip import (
        BARCODE_IMAGE_URL,
        CANCELLED_BANNER,
        CUT_LABEL,
        FILLED_FOOTNOTE,
        NO_NUMBER_TEXT,
        STUB_TITLE,
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
    "CANCELLED_BANNER",
    "CUT_LABEL",
    "FILLED_FOOTNOTE",
    "NO_NUMBER_TEXT",
    "RESOURCE_LABELS",
    "STUB_TITLE",
    "TRAINING_WATERMARK",
    "ChosenBooking",
    "LayoutSpec",
    "ResourceKind",
    "SlipLayout",
    "TicketSlip",
    "clinic_zone",
    "format_day_ru",
    "format_time_range",
    "guess_resource_kind",
    "layout_for_paper_width",
    "parse_resource_text",
    "render_slip_html",
    "resource_kind",
    "short_fio",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "fill": (
            "RESOURCE_LABELS",
            "ChosenBooking",
            "ResourceKind",
            "clinic_zone",
            "guess_resource_kind",
            "parse_resource_text",
            "resource_kind",
        ),
        "slip": (
            "BARCODE_IMAGE_URL",
            "CANCELLED_BANNER",
            "CUT_LABEL",
            "FILLED_FOOTNOTE",
            "NO_NUMBER_TEXT",
            "STUB_TITLE",
            "TRAINING_WATERMARK",
            "LayoutSpec",
            "SlipLayout",
            "TicketSlip",
            "format_day_ru",
            "format_time_range",
            "layout_for_paper_width",
            "render_slip_html",
            "short_fio",
        ),
    },
)
